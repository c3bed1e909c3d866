using IndustryWeek.Shared.PublishedLanguage;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace IndustryWeek.CommunicationKit.Content;

/// <summary>
/// The personalised A4 poster: edition and theme, the event's title and organiser, its description's first lines,
/// sessions, place, public and practical details, the label number and hashtag, a short address and a large QR code
/// to the event's public page.
/// </summary>
internal static class PosterDocument
{
    public static readonly XColor Blue = XColor.FromArgb(0, 0, 145);       // DSFR « bleu France »
    public static readonly XColor Red = XColor.FromArgb(225, 0, 15);       // DSFR « rouge Marianne »
    public static readonly XColor Grey = XColor.FromArgb(58, 58, 58);

    private const double Margin = 42;
    private const int MaxSessionsShown = 8;

    public static byte[] Render(KitSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        using var document = new PdfDocument();
        document.Info.Title = $"Affiche – {subject.Event.Title}";
        document.Info.Author = subject.Edition.Name;
        document.Info.Subject = $"Événement labellisé {subject.LabelNumber}";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            Draw(new PdfText(graphics), subject, page.Width.Point, page.Height.Point);
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private static void Draw(PdfText text, KitSubject subject, double pageWidth, double pageHeight)
    {
        var g = text.Graphics;
        var width = pageWidth - (2 * Margin);
        var blue = new XSolidBrush(Blue);
        var red = new XSolidBrush(Red);
        var grey = new XSolidBrush(Grey);

        // Header: the edition and its theme on the DSFR blue, inside the margin and above the band's lower edge
        // (white text below it would be lost on the red stripe and the white page).
        const double bandHeight = 150;
        g.DrawRectangle(blue, 0, 0, pageWidth, bandHeight);
        g.DrawRectangle(red, 0, bandHeight, pageWidth, 6);
        var y = text.Draw(subject.Edition.Name, text.FitFont(subject.Edition.Name, true, 28, 16, width, 2), XBrushes.White, Margin, Margin, width, maxLines: 2);
        if (!string.IsNullOrWhiteSpace(subject.Edition.Theme))
        {
            var themeTop = y + 6;
            var themeBottom = bandHeight - 6;
            var themeFont = text.FitFont(subject.Edition.Theme, false, 16, 10, width, 3, maxHeight: themeBottom - themeTop);
            text.Draw(subject.Edition.Theme, themeFont, XBrushes.White, Margin, themeTop, width, maxLines: Math.Clamp(PdfText.LinesBetween(themeTop, themeBottom, themeFont), 1, 3));
        }

        // The bottom block has a fixed place; what is above must stop before it. The QR code is large: it is read
        // from a few steps away, on a wall.
        const double qrSize = 190;
        var bottomTop = pageHeight - Margin - qrSize - 24;

        y = 178;
        var badge = PdfText.Font(12, bold: true);
        text.Draw("ÉVÉNEMENT LABELLISÉ", badge, red, Margin, y, width / 2, maxLines: 1);
        text.Draw($"Label n° {subject.LabelNumber}", badge, grey, Margin + (width / 2), y, width / 2, maxLines: 1, align: TextAlign.Right);
        y += 26;

        var titleFont = text.FitFont(subject.Event.Title, true, 30, 16, width, 3);
        y = text.Draw(subject.Event.Title, titleFont, blue, Margin, y, width, maxLines: 3, lineSpacing: 1.15) + 4;
        y = text.Draw($"Organisé par {subject.Organiser.OrganisationName}", PdfText.Font(13), grey, Margin, y, width, maxLines: 2) + 10;

        // What a passer-by wants to know: what it is (the description's first lines), when, where, for whom, how.
        var body = PdfText.Font(12.5);
        var heading = PdfText.Font(13.5, bold: true);
        y = text.Draw(subject.Event.Description.ReplaceLineEndings(" "), body, XBrushes.Black, Margin, y, width, maxLines: 5) + 10;

        y = text.Draw("Quand", heading, red, Margin, y, width, maxLines: 1);
        var sessions = KitWording.Sessions(subject.Event);
        var shown = 0;
        foreach (var session in sessions.Take(MaxSessionsShown))
        {
            // Keep room below for the place, the public and the practical lines (headings and one line each).
            var room = PdfText.LinesBetween(y, bottomTop - (body.Size * 1.2 * 8), body);
            if (room < 1)
            {
                break;
            }

            y = text.Draw("• " + Capitalise(session), body, XBrushes.Black, Margin, y, width, maxLines: Math.Min(2, room));
            shown++;
        }

        if (shown < sessions.Count)
        {
            var more = sessions.Count - shown;
            y = text.Draw(more == 1 ? "• et une autre séance : voir la page de l'événement" : $"• et {more} autres séances : voir la page de l'événement", body, XBrushes.Black, Margin, y, width, maxLines: 1);
        }

        y += 8;
        y = text.Draw("Où", heading, red, Margin, y, width, maxLines: 1);
        var place = subject.Event.Location.Mode == LocationMode.Online ? "En ligne" : Capitalise(KitWording.Place(subject.Event.Location));
        y = text.Draw(place, body, XBrushes.Black, Margin, y, width, maxLines: Math.Max(1, Math.Min(2, PdfText.LinesBetween(y, bottomTop - (body.Size * 1.2 * 5), body))));

        var forWhom = $"{EventWords.Label(EventWords.Formats, subject.Event.Format)} · {string.Join(", ", subject.Event.Audiences.Select(a => EventWords.Label(EventWords.Audiences, a)))}";
        // Each with its heading, where there is room left for both (a heading and at least one line).
        if (PdfText.LinesBetween(y + 8, bottomTop, body) >= 3)
        {
            y = text.Draw("Pour qui", heading, red, Margin, y + 8, width, maxLines: 1);
            y = text.Draw(forWhom, body, XBrushes.Black, Margin, y, width, maxLines: Math.Clamp(PdfText.LinesBetween(y, bottomTop - (body.Size * 1.2 * 3), body), 1, 2));
        }

        var practical = Practical(subject.Event);
        if (practical.Length > 0 && PdfText.LinesBetween(y + 8, bottomTop, body) >= 3)
        {
            y = text.Draw("En pratique", heading, red, Margin, y + 8, width, maxLines: 1);
            text.Draw(practical, body, XBrushes.Black, Margin, y, width, maxLines: Math.Clamp(PdfText.LinesBetween(y, bottomTop, body), 1, 2));
        }

        // Bottom: where to find out more (a short address that never breaks, and the QR code to the public page), the hashtag.
        g.DrawLine(new XPen(Blue, 1), Margin, bottomTop + 10, pageWidth - Margin, bottomTop + 10);
        var qrLeft = pageWidth - Margin - qrSize;
        var qrTop = pageHeight - Margin - qrSize;
        DrawQrCode(g, subject.PublicPageUrl, qrLeft, qrTop, qrSize);
        var columnWidth = qrLeft - Margin - 20;
        var bottomY = text.Draw("Programme, inscription et accès :", PdfText.Font(12, bold: true), XBrushes.Black, Margin, qrTop + 6, columnWidth, maxLines: 1);
        // Printed without « https:// », which nobody types: the larger for it.
        var printed = subject.ShortUrl.Replace("https://", "", StringComparison.Ordinal);
        bottomY = text.Draw(printed, text.FitFont(printed, true, 14, 7, columnWidth, 1), blue, Margin, bottomY + 4, columnWidth, maxLines: 1);
        bottomY = text.Draw("ou scannez le code ci-contre", PdfText.Font(10), grey, Margin, bottomY + 2, columnWidth, maxLines: 1);
        bottomY = text.Draw(subject.Edition.Hashtag, text.FitFont(subject.Edition.Hashtag, true, 26, 12, columnWidth, 1), blue, Margin, bottomY + 18, columnWidth, maxLines: 1);
        text.Draw($"semaine de l'industrie {subject.Edition.Year} · label {subject.LabelNumber}", PdfText.Font(9), grey, Margin, Math.Max(bottomY + 8, qrTop + qrSize - 11), columnWidth, maxLines: 1);
    }

    private static string Practical(EventDescription description)
    {
        var parts = new List<string>();
        if (description.IsFree)
        {
            parts.Add("Gratuit");
        }

        parts.Add(description.Booking switch
        {
            { Required: false } => "sans inscription",
            { Capacity: { } capacity } => $"sur inscription ({capacity} places)",
            _ => "sur inscription",
        });

        if (description.Accessible)
        {
            parts.Add("accessible aux personnes à mobilité réduite");
        }

        return parts.Count == 0 ? "" : Capitalise(string.Join(", ", parts)) + ".";
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Draws the QR code as vector squares (crisp at any print size), one rectangle per run of dark modules.</summary>
    internal static void DrawQrCode(XGraphics g, string url, double left, double top, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        g.DrawRectangle(XBrushes.White, left, top, size, size);
        for (var row = 0; row < matrix.Count; row++)
        {
            var column = 0;
            while (column < matrix[row].Length)
            {
                if (!matrix[row][column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < matrix[row].Length && matrix[row][column])
                {
                    column++;
                }

                g.DrawRectangle(XBrushes.Black, left + (start * module), top + (row * module), (column - start) * module, module + 0.05);
            }
        }
    }
}
