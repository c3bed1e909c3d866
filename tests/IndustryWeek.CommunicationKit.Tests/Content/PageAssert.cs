using System.Globalization;
using System.Text.RegularExpressions;

namespace IndustryWeek.CommunicationKit.Tests.Content;

/// <summary>Checks on what poppler reads from a kit PDF.</summary>
internal static partial class PageAssert
{
    /// <summary>Points of tolerance: poppler's boxes come from the font's ascent and descent, rounded.</summary>
    private const double Tolerance = 1;

    /// <summary>Every word lies inside the page, within its printing margin.</summary>
    public static void WithinMargins(IReadOnlyList<PdfWord> words, double pageWidth, double pageHeight, double margin)
    {
        Assert.NotEmpty(words);
        var outside = words
            .Where(w => w.XMin < margin - Tolerance || w.YMin < margin - Tolerance
                || w.XMax > pageWidth - margin + Tolerance || w.YMax > pageHeight - margin + Tolerance)
            .Select(w => string.Create(CultureInfo.InvariantCulture, $"« {w.Text} » [{w.XMin:0.#}, {w.YMin:0.#}, {w.XMax:0.#}, {w.YMax:0.#}]"))
            .ToList();
        Assert.True(
            outside.Count == 0,
            string.Create(CultureInfo.InvariantCulture, $"{outside.Count} word(s) outside the {margin} pt margins of the {pageWidth} × {pageHeight} page:{Environment.NewLine}{string.Join(Environment.NewLine, outside)}"));
    }

    /// <summary>The text with every run of white space as one space, so that a phrase is found whatever the layout's columns.</summary>
    public static string Flatten(string text) => Spaces().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
