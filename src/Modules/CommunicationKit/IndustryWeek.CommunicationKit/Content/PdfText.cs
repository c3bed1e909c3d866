using System.Text.RegularExpressions;
using PdfSharp.Drawing;

namespace IndustryWeek.CommunicationKit.Content;

internal enum TextAlign
{
    Left,
    Center,
    Right,
}

/// <summary>
/// Text laid out in a column of a PDF page: broken into lines at spaces (a word wider than the column
/// is cut), limited to a number of lines with « … », so that no organiser's text leaves the page.
/// </summary>
internal sealed partial class PdfText(XGraphics graphics)
{
    public XGraphics Graphics { get; } = graphics;

    public static XFont Font(double size, bool bold = false) => new(KitFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    public double Width(string text, XFont font) => Graphics.MeasureString(text, font).Width;

    public IReadOnlyList<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in Spaces().Split(paragraph.Trim()).Where(w => w.Length > 0))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Width(candidate, font) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (Width(line, font) > width)
                {
                    var fits = FittingLength(line, font, width);
                    lines.Add(line[..fits]);
                    line = line[fits..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>
    /// The largest size from <paramref name="maxSize"/> down to <paramref name="minSize"/> at which the text takes
    /// at most <paramref name="maxLines"/> lines, and at most <paramref name="maxHeight"/> points when given.
    /// </summary>
    public XFont FitFont(string text, bool bold, double maxSize, double minSize, double width, int maxLines, double maxHeight = double.MaxValue)
    {
        for (var size = maxSize; size > minSize; size -= 1)
        {
            var font = Font(size, bold);
            var lines = Wrap(text, font, width).Count;
            if (lines <= maxLines && lines * size * 1.2 <= maxHeight)
            {
                return font;
            }
        }

        return Font(minSize, bold);
    }

    /// <summary>Draws the text from <paramref name="top"/> in at most <paramref name="maxLines"/> lines; returns the y below it.</summary>
    public double Draw(string text, XFont font, XBrush brush, double left, double top, double width, int maxLines = int.MaxValue, TextAlign align = TextAlign.Left, double lineSpacing = 1.2)
    {
        var lines = Wrap(text, font, width).ToList();
        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            lines[^1] = Ellipsis(lines[^1], font, width);
        }

        var lineHeight = font.Size * lineSpacing;
        var y = top;
        foreach (var line in lines)
        {
            var x = align switch
            {
                TextAlign.Center => left + ((width - Width(line, font)) / 2),
                TextAlign.Right => left + width - Width(line, font),
                _ => left,
            };
            Graphics.DrawString(line, font, brush, new XPoint(x, y + font.Size));
            y += lineHeight;
        }

        return y;
    }

    /// <summary>How many lines of <paramref name="font"/> fit between <paramref name="top"/> and <paramref name="bottom"/>.</summary>
    public static int LinesBetween(double top, double bottom, XFont font, double lineSpacing = 1.2) =>
        Math.Max(0, (int)Math.Floor((bottom - top) / (font.Size * lineSpacing)));

    private string Ellipsis(string line, XFont font, double width)
    {
        var text = line.TrimEnd();
        while (text.Length > 0 && Width(text + "…", font) > width)
        {
            text = text[..^1].TrimEnd();
        }

        return text + "…";
    }

    private int FittingLength(string word, XFont font, double width)
    {
        var length = word.Length - 1;
        while (length > 1 && Width(word[..length], font) > width)
        {
            length--;
        }

        return Math.Max(1, length);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
