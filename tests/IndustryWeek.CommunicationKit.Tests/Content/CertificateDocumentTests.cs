using IndustryWeek.CommunicationKit.Content;
using IndustryWeek.CommunicationKit.Domain;

namespace IndustryWeek.CommunicationKit.Tests.Content;

public sealed class CertificateDocumentTests : IDisposable
{
    private const double LandscapeWidth = 842;
    private const double LandscapeHeight = 595;
    private const double Margin = 60;

    private readonly PdfTools _pdf = new();

    public void Dispose() => _pdf.Dispose();

    [Fact]
    public void Render_WhenLabelled_IsOneA4LandscapePage()
    {
        var file = _pdf.Save(CertificateDocument.Render(KitSamples.Subject()), "attestation.pdf");

        var (pages, width, height) = PdfTools.Info(file);

        Assert.Equal(1, pages);
        Assert.Equal(LandscapeWidth, width, 0);
        Assert.Equal(LandscapeHeight, height, 0);
    }

    [Fact]
    public void Render_WhenLabelled_AttestsOrganisationEventDatesPlaceLabelNumberAndTheme()
    {
        var description = KitSamples.FactoryVisit(sessions: [KitSamples.Monday16Morning(), KitSamples.Wednesday18Afternoon()]);
        var file = _pdf.Save(CertificateDocument.Render(KitSamples.Subject(description)));

        var text = PageAssert.Flatten(PdfTools.Text(file));

        Assert.Contains("ATTESTATION DE LABELLISATION", text, StringComparison.Ordinal);
        Assert.Contains("Le comité d'organisation de la Semaine de l'industrie 2020 atteste que l'événement", text, StringComparison.Ordinal);
        Assert.Contains("« Visite de l'usine de Lille »", text, StringComparison.Ordinal);
        Assert.Contains(
            "organisé par Aciéries du Nord, du lundi 16 novembre 2020 au mercredi 18 novembre 2020, 12 rue de l'Usine, 59000 Lille,",
            text,
            StringComparison.Ordinal);
        Assert.Contains("a reçu le label « Semaine de l'industrie 2020 » sous le numéro SDI-2020-000123", text, StringComparison.Ordinal);
        Assert.Contains("Thème de l'édition : Inventer un avenir durable", text, StringComparison.Ordinal);
        Assert.Contains("Fait à Paris, le 20 octobre 2020", text, StringComparison.Ordinal);
        // The signature block: on behalf of the committee, the edition's organiser.
        Assert.Contains("Pour le comité d'organisation de la Semaine de l'industrie 2020,", text, StringComparison.Ordinal);
        Assert.Contains("La Direction générale des entreprises Ministère de l'Économie et des Finances", text, StringComparison.Ordinal);
        Assert.Contains("Vérification : " + KitSamples.PublicPageUrl, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenEditionIsKnownOnlyByItsYear_HasNoThemeLine()
    {
        var file = _pdf.Save(CertificateDocument.Render(KitSamples.Subject(edition: KitEdition.Unknown(Guid.NewGuid(), 2020))));

        var text = PageAssert.Flatten(PdfTools.Text(file));

        Assert.DoesNotContain("Thème", text, StringComparison.Ordinal);
        Assert.Contains("SDI-2020-000123", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenGrantedLateInTheEveningUtc_IsDatedWithTheParisDay()
    {
        // 23 h 30 UTC on 31 October 2020 is already 1 November 0 h 30 in Paris (winter time).
        var subject = KitSamples.Subject() with { GrantedAtUtc = new DateTime(2020, 10, 31, 23, 30, 0, DateTimeKind.Utc) };
        var file = _pdf.Save(CertificateDocument.Render(subject));

        var text = PageAssert.Flatten(PdfTools.Text(file));

        Assert.Contains("Fait à Paris, le 1er novembre 2020", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenLabelled_KeepsEveryWordWithinTheMargins()
    {
        var file = _pdf.Save(CertificateDocument.Render(KitSamples.Subject()));

        PageAssert.WithinMargins(PdfTools.Words(file), LandscapeWidth, LandscapeHeight, Margin);
    }

    [Fact]
    public void Render_WhenEverythingIsAsLongAsAllowed_StaysOnOnePageWithinTheMargins()
    {
        var file = _pdf.Save(CertificateDocument.Render(KitSamples.Oversized()));

        Assert.Equal(1, PdfTools.Info(file).Pages);
        PageAssert.WithinMargins(PdfTools.Words(file), LandscapeWidth, LandscapeHeight, Margin);
        var text = PageAssert.Flatten(PdfTools.Text(file));
        Assert.Contains("SDI-2020-000123", text, StringComparison.Ordinal);
        Assert.Contains("Fait à Paris, le 20 octobre 2020", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenEverythingIsAsLongAsAllowed_DoesNotDrawTextOverTheSignature()
    {
        var file = _pdf.Save(CertificateDocument.Render(KitSamples.Oversized()));

        var words = PdfTools.Words(file);

        var signature = words.First(w => w.Text == "Fait");
        var theme = words.Last(w => w.Text == "durable");
        Assert.True(theme.YMax < signature.YMin, $"The theme ends at {theme.YMax} pt, the signature starts at {signature.YMin} pt.");
    }
}
