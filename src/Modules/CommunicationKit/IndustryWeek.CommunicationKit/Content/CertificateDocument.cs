using IndustryWeek.Shared.Time;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace IndustryWeek.CommunicationKit.Content;

/// <summary>The labelling certificate (A4 landscape): the organisation, the event, the label number and the edition.</summary>
internal static class CertificateDocument
{
    private const double Margin = 60;

    public static byte[] Render(KitSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        using var document = new PdfDocument();
        document.Info.Title = $"Attestation de labellisation {subject.LabelNumber}";
        document.Info.Author = subject.Edition.Name;
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        page.Orientation = PdfSharp.PageOrientation.Landscape;
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            Draw(new PdfText(graphics), subject, page.Width.Point, page.Height.Point);
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>Who signs for the campaign (the site's footer says who runs it).</summary>
    public const string Signatory = "La Direction générale des entreprises";

    public const string SignatoryMinistry = "Ministère de l'Économie et des Finances";

    private static void Draw(PdfText text, KitSubject subject, double pageWidth, double pageHeight)
    {
        var g = text.Graphics;
        var blue = new XSolidBrush(PosterDocument.Blue);
        var grey = new XSolidBrush(PosterDocument.Grey);
        g.DrawRectangle(new XPen(PosterDocument.Blue, 3), 24, 24, pageWidth - 48, pageHeight - 48);
        g.DrawRectangle(new XPen(PosterDocument.Red, 1), 32, 32, pageWidth - 64, pageHeight - 64);

        var width = pageWidth - (2 * Margin);
        var y = text.Draw("ATTESTATION DE LABELLISATION", PdfText.Font(26, bold: true), blue, Margin, 62, width, maxLines: 1, align: TextAlign.Center);
        y = text.Draw(subject.Edition.Name, PdfText.Font(15), grey, Margin, y + 4, width, maxLines: 1, align: TextAlign.Center) + 26;

        var body = PdfText.Font(14);
        y = text.Draw($"Le comité d'organisation de la {subject.Edition.Name} atteste que l'événement", body, XBrushes.Black, Margin, y, width, maxLines: 2, align: TextAlign.Center) + 4;
        var title = $"« {subject.Event.Title} »";
        y = text.Draw(title, text.FitFont(title, true, 22, 13, width, 3), blue, Margin, y, width, maxLines: 3, align: TextAlign.Center) + 4;
        y = text.Draw($"organisé par {subject.Organiser.OrganisationName}, {KitWording.When(subject.Event)}, {KitWording.Place(subject.Event.Location)},", body, XBrushes.Black, Margin, y, width, maxLines: 3, align: TextAlign.Center) + 4;
        y = text.Draw($"a reçu le label « Semaine de l'industrie {subject.Edition.Year} » sous le numéro", body, XBrushes.Black, Margin, y, width, maxLines: 2, align: TextAlign.Center) + 6;
        y = text.Draw(subject.LabelNumber, PdfText.Font(24, bold: true), new XSolidBrush(PosterDocument.Red), Margin, y, width, maxLines: 1, align: TextAlign.Center) + 14;
        if (!string.IsNullOrWhiteSpace(subject.Edition.Theme))
        {
            text.Draw($"Thème de l'édition : {subject.Edition.Theme}", PdfText.Font(12), grey, Margin, y, width, maxLines: 2, align: TextAlign.Center);
        }

        // The signature block, on the right: the date, on behalf of whom, the edition's organiser (the campaign is run by
        // the Direction générale des entreprises), and the line a signature or a stamp goes on.
        var granted = DateOnly.FromDateTime(ParisTime.FromUtc(subject.GrantedAtUtc));
        var blockWidth = 300;
        var blockLeft = pageWidth - Margin - blockWidth;
        var signatureTop = pageHeight - Margin - 112;
        var line = text.Draw($"Fait à Paris, le {ParisTime.FormatDate(granted)}", PdfText.Font(11), XBrushes.Black, blockLeft, signatureTop, blockWidth, maxLines: 1);
        line = text.Draw($"Pour le comité d'organisation de la {subject.Edition.Name},", PdfText.Font(11), XBrushes.Black, blockLeft, line + 2, blockWidth, maxLines: 2);
        line = text.Draw(Signatory, PdfText.Font(11, bold: true), XBrushes.Black, blockLeft, line + 2, blockWidth, maxLines: 1);
        line = text.Draw(SignatoryMinistry, PdfText.Font(10), grey, blockLeft, line, blockWidth, maxLines: 1);
        g.DrawLine(new XPen(PosterDocument.Grey, 0.5), blockLeft, line + 22, blockLeft + 180, line + 22);
        // Its line (top to descenders) ends at the bottom margin.
        var footer = PdfText.Font(8);
        text.Draw($"Vérification : {subject.PublicPageUrl}", footer, grey, Margin, pageHeight - Margin - (footer.Size * 1.25), width, maxLines: 1);
    }
}
