using System.Text;
using System.Text.RegularExpressions;

namespace IndustryWeek.Testing;

/// <summary>A mail as its recipient reads it: the decoded subject, recipients and text of an .eml file.</summary>
public sealed partial record MailFile(string To, string Subject, string Body, IReadOnlyList<string> AttachmentNames)
{
    public static MailFile Read(string path) => Parse(File.ReadAllText(path));

    public static MailFile Parse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var (headers, body) = SplitPart(raw);
        var texts = new List<string>();
        var attachments = new List<string>();
        CollectParts(headers, body, texts, attachments);
        return new MailFile(
            DecodeWords(headers.GetValueOrDefault("to", "")),
            DecodeWords(headers.GetValueOrDefault("subject", "")),
            string.Join("\n", texts),
            attachments);
    }

    private static void CollectParts(Dictionary<string, string> headers, string body, List<string> texts, List<string> attachments)
    {
        var contentType = headers.GetValueOrDefault("content-type", "text/plain");
        if (contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = BoundaryPattern().Match(contentType).Groups[1].Value;
            foreach (var part in body.Split("--" + boundary).Skip(1).Where(p => !p.StartsWith("--", StringComparison.Ordinal)))
            {
                var (partHeaders, partBody) = SplitPart(part.TrimStart('\r', '\n'));
                CollectParts(partHeaders, partBody, texts, attachments);
            }

            return;
        }

        var disposition = headers.GetValueOrDefault("content-disposition", "");
        if (disposition.StartsWith("attachment", StringComparison.OrdinalIgnoreCase) || NamePattern().IsMatch(contentType))
        {
            var name = NamePattern().Match(disposition + ";" + contentType).Groups[1].Value;
            attachments.Add(DecodeWords(name));
            return;
        }

        if (contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
        {
            texts.Add(DecodeBody(body, headers.GetValueOrDefault("content-transfer-encoding", "7bit")));
        }
    }

    private static (Dictionary<string, string> Headers, string Body) SplitPart(string raw)
    {
        var normalized = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var end = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        var head = end < 0 ? normalized : normalized[..end];
        var body = end < 0 ? "" : normalized[(end + 2)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split('\n'))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && last is not null)
            {
                headers[last] += " " + line.Trim();
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                last = line[..colon].Trim().ToLowerInvariant();
                headers[last] = line[(colon + 1)..].Trim();
            }
        }

        return (headers, body);
    }

    private static string DecodeBody(string body, string encoding) => encoding.ToLowerInvariant() switch
    {
        "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))))),
        "quoted-printable" => DecodeQuotedPrintable(body.Replace("=\n", "", StringComparison.Ordinal)),
        _ => body,
    };

    private static string DecodeQuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>RFC 2047 encoded words (=?utf-8?B?...?= and =?utf-8?Q?...?=); adjacent words join without space.</summary>
    private static string DecodeWords(string value)
    {
        var joined = AdjacentWordsPattern().Replace(value, "?==?");
        return EncodedWordPattern().Replace(joined, m =>
        {
            var charset = Encoding.GetEncoding(m.Groups[1].Value);
            return string.Equals(m.Groups[2].Value, "B", StringComparison.OrdinalIgnoreCase)
                ? charset.GetString(Convert.FromBase64String(m.Groups[3].Value))
                : DecodeQuotedPrintable(m.Groups[3].Value.Replace('_', ' '));
        });
    }

    [GeneratedRegex("boundary=\"?([^\";]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex("name=\"?([^\";]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex AdjacentWordsPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWordPattern();
}
