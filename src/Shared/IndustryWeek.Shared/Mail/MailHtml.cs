using System.Text;
using System.Text.RegularExpressions;

namespace IndustryWeek.Shared.Mail;

/// <summary>
/// The HTML alternative of every mail, made from its plain text so the two never disagree: the subject
/// as heading, one paragraph per block of lines, « - » lines as a list, a line « Label : https://… » as a
/// button-like link, other addresses as links. Simple and accessible (lang="fr", no layout tables), in
/// the campaign's colours (the State's blue, #000091).
/// </summary>
public static partial class MailHtml
{
    public const string Blue = "#000091";

    public static string Render(string subject, string text)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(text);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:0;background:#f6f6f6;color:#161616;font-family:Marianne,Arial,sans-serif;font-size:16px;line-height:1.5\">\n")
            .Append("<div style=\"max-width:600px;margin:0 auto;background:#ffffff\">\n")
            .Append("<div style=\"border-top:6px solid ").Append(Blue).Append(";padding:16px 24px 0\"><p style=\"margin:0;font-weight:bold;color:").Append(Blue).Append("\">Semaine de l'industrie</p></div>\n")
            .Append("<main style=\"padding:8px 24px 24px\">\n")
            .Append("<h1 style=\"font-size:22px;line-height:1.3;color:").Append(Blue).Append("\">").Append(Encode(subject)).Append("</h1>\n");
        foreach (var block in Blocks(text))
        {
            AppendBlock(html, block);
        }

        return html.Append("</main>\n</div>\n</body>\n</html>\n").ToString();
    }

    private static IEnumerable<List<string>> Blocks(string text)
    {
        var block = new List<string>();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.Trim().Length == 0)
            {
                if (block.Count > 0)
                {
                    yield return block;
                    block = [];
                }
            }
            else
            {
                block.Add(line.TrimEnd());
            }
        }

        if (block.Count > 0)
        {
            yield return block;
        }
    }

    private static void AppendBlock(StringBuilder html, List<string> lines)
    {
        var paragraph = new List<string>();
        var items = new List<string>();
        void Flush()
        {
            if (paragraph.Count > 0)
            {
                html.Append("<p>").Append(string.Join("<br>\n", paragraph.Select(Inline))).Append("</p>\n");
                paragraph.Clear();
            }

            if (items.Count > 0)
            {
                html.Append("<ul>\n").Append(string.Concat(items.Select(i => $"<li>{Inline(i)}</li>\n"))).Append("</ul>\n");
                items.Clear();
            }
        }

        foreach (var line in lines)
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("- ", StringComparison.Ordinal))
            {
                if (paragraph.Count > 0)
                {
                    Flush();
                }

                items.Add(trimmed[2..]);
            }
            else if (ButtonPattern().Match(trimmed) is { Success: true } button)
            {
                Flush();
                html.Append("<p><a href=\"").Append(Encode(button.Groups["url"].Value))
                    .Append("\" style=\"display:inline-block;padding:8px 16px;background:").Append(Blue)
                    .Append(";color:#ffffff;text-decoration:none;font-weight:bold\">").Append(Encode(button.Groups["label"].Value)).Append("</a></p>\n");
            }
            else if (items.Count > 0 && char.IsWhiteSpace(line[0]))
            {
                items[^1] += " " + trimmed; // the continuation of a list item (e.g. its link on the next line)
            }
            else
            {
                if (items.Count > 0)
                {
                    Flush();
                }

                paragraph.Add(trimmed);
            }
        }

        Flush();
    }

    /// <summary>The line's text, encoded, its web addresses as links.</summary>
    private static string Inline(string line)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (Match url in UrlPattern().Matches(line))
        {
            html.Append(Encode(line[at..url.Index]))
                .Append("<a href=\"").Append(Encode(url.Value)).Append("\" style=\"color:").Append(Blue).Append("\">").Append(Encode(url.Value)).Append("</a>");
            at = url.Index + url.Length;
        }

        return html.Append(Encode(line[at..])).ToString();
    }

    /// <summary>The five characters HTML gives meaning to; accented letters stay as they are (the mail is UTF-8).</summary>
    private static string Encode(string text) => new StringBuilder(text)
        .Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;")
        .ToString();

    /// <summary>« Modifier l'événement : https://… » alone on its line.</summary>
    [GeneratedRegex(@"^(?<label>[^:]{2,80}?) : (?<url>https?://\S+)$")]
    private static partial Regex ButtonPattern();

    [GeneratedRegex(@"https?://[^\s<>«»""]+[^\s<>«»"".,;:!?)]")]
    private static partial Regex UrlPattern();
}
