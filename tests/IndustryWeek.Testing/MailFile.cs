using System.Text;
using MimeKit;

namespace IndustryWeek.Testing;

/// <summary>
/// A mail as its recipient reads it, parsed by MimeKit: the decoded subject, recipients, plain text (<see cref="Body"/>)
/// and HTML alternative of an .eml file.
/// </summary>
public sealed record MailFile(string To, string Subject, string Body, IReadOnlyList<string> AttachmentNames)
{
    /// <summary>The text/html alternative (empty when the mail has none).</summary>
    public string Html { get; init; } = "";

    public static MailFile Read(string path)
    {
        using var message = MimeMessage.Load(path);
        return Of(message);
    }

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
        using var message = Load(raw);
        return Of(message);
    }

    /// <summary>The whole message of a raw mail (the caller disposes it).</summary>
    public static MimeMessage Load(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw)));
    }

    public static MailFile Of(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new MailFile(
            string.Join(", ", message.To.Mailboxes.Select(m => m.Address)),
            message.Subject ?? "",
            (message.TextBody ?? "").ReplaceLineEndings("\n"), // as a reader sees it, whatever the file's line ends
            [.. message.Attachments.Select(a => a.ContentDisposition?.FileName ?? a.ContentType.Name ?? "")])
        {
            Html = (message.HtmlBody ?? "").ReplaceLineEndings("\n"),
        };
    }
}
