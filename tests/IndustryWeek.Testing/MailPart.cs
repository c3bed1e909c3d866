using System.Text;
using System.Text.RegularExpressions;

namespace IndustryWeek.Testing;

/// <summary>
/// One leaf part of a raw MIME mail (a text, an attachment) with its own headers and its bytes decoded
/// from their transfer encoding: what a mail client gets out of it.
/// </summary>
public sealed partial record MailPart(IReadOnlyDictionary<string, string> Headers, string RawBody)
{
    public string ContentType => Headers.GetValueOrDefault("content-type", "text/plain");

    public string TransferEncoding => Headers.GetValueOrDefault("content-transfer-encoding", "7bit").ToLowerInvariant();

    /// <summary>The file name an attachment is saved as (Content-Disposition's filename, else Content-Type's name), or null.</summary>
    public string? FileName
    {
        get
        {
            var name = FileNamePattern().Match(Headers.GetValueOrDefault("content-disposition", ""));
            name = name.Success ? name : NamePattern().Match(ContentType);
            return name.Success ? name.Groups[1].Value : null;
        }
    }

    public byte[] Content => TransferEncoding switch
    {
        "base64" => Convert.FromBase64String(string.Concat(RawBody.Where(c => !char.IsWhiteSpace(c)))),
        "quoted-printable" => QuotedPrintable(RawBody.Replace("=\n", "", StringComparison.Ordinal)),
        _ => Encoding.UTF8.GetBytes(RawBody),
    };

    /// <summary>The whole mail as one part: its headers (From, Reply-To, To, Subject…) and its body.</summary>
    public static MailPart Message(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return Split(raw.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>The leaf parts of <paramref name="raw"/>, in order (the mail itself when it is not multipart).</summary>
    public static IReadOnlyList<MailPart> Leaves(string raw)
    {
        var leaves = new List<MailPart>();
        Collect(Message(raw), leaves);
        return leaves;
    }

    private static void Collect(MailPart part, List<MailPart> leaves)
    {
        if (!part.ContentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            leaves.Add(part);
            return;
        }

        var boundary = "--" + BoundaryPattern().Match(part.ContentType).Groups[1].Value;
        var sections = part.RawBody.Split(boundary);
        foreach (var section in sections.Skip(1).Where(s => !s.StartsWith("--", StringComparison.Ordinal)))
        {
            Collect(Split(section.TrimStart('\n')), leaves);
        }
    }

    private static MailPart Split(string raw)
    {
        var end = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var head = end < 0 ? raw : raw[..end];
        var body = end < 0 ? "" : raw[(end + 2)..];
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

        return new MailPart(headers, body);
    }

    /// <summary>Quoted-printable text (RFC 2045) to its bytes; also the Q encoding of a header's encoded words.</summary>
    internal static byte[] QuotedPrintable(string text)
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

        return [.. bytes];
    }

    [GeneratedRegex("boundary=\"?([^\";]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex("filename=\"?([^\";]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex FileNamePattern();

    [GeneratedRegex("(?<!file)name=\"?([^\";]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex NamePattern();
}
