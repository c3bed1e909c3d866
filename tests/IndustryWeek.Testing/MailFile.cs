using System.Text;
using System.Text.RegularExpressions;

namespace IndustryWeek.Testing;

/// <summary>
/// A mail as its recipient reads it: the decoded subject, recipients, plain text (<see cref="Body"/>) and
/// HTML alternative of an .eml file.
/// </summary>
public sealed partial record MailFile(string To, string Subject, string Body, IReadOnlyList<string> AttachmentNames)
{
    /// <summary>The text/html parts (empty when the mail has none).</summary>
    public string Html { get; init; } = "";

    public static MailFile Read(string path) => Parse(File.ReadAllText(path));

    /// <summary>
    /// The kit mails among <paramref name="files"/> (organisers are also told each step of their application),
    /// in order; a file still being written is not one yet.
    /// </summary>
    public static IReadOnlyList<string> Kits(IEnumerable<string> files) =>
        [.. files.Where(f =>
        {
            try
            {
                return Read(f).Subject.Contains("kit de communication", StringComparison.Ordinal);
            }
            catch (Exception e) when (e is FormatException or IOException or ArgumentException)
            {
                return false;
            }
        })];

    public static MailFile Parse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var message = MailPart.Message(raw);
        var texts = new List<string>();
        var htmls = new List<string>();
        var attachments = new List<string>();
        foreach (var part in MailPart.Leaves(raw))
        {
            var disposition = part.Headers.GetValueOrDefault("content-disposition", "");
            if (part.FileName is not null || disposition.StartsWith("attachment", StringComparison.OrdinalIgnoreCase))
            {
                attachments.Add(DecodeWords(part.FileName ?? ""));
            }
            else if (part.ContentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
            {
                htmls.Add(Encoding.UTF8.GetString(part.Content));
            }
            else if (part.ContentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
            {
                texts.Add(Encoding.UTF8.GetString(part.Content));
            }
        }

        return new MailFile(
            DecodeWords(message.Headers.GetValueOrDefault("to", "")),
            DecodeWords(message.Headers.GetValueOrDefault("subject", "")),
            string.Join("\n", texts),
            attachments)
        {
            Html = string.Join("\n", htmls),
        };
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
                : charset.GetString(MailPart.QuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));
        });
    }

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex AdjacentWordsPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWordPattern();
}
