using IndustryWeek.CommunicationKit.Content;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.CommunicationKit.Tests.Content;

public sealed class PosterDocumentTests : IDisposable
{
    private const double A4Width = 595;
    private const double A4Height = 842;
    private const double Margin = 42;

    private readonly PdfTools _pdf = new();

    public void Dispose() => _pdf.Dispose();

    [Fact]
    public void Render_WhenLabelled_QrCodeDecodesToThePublicPageUrl()
    {
        var file = _pdf.Save(PosterDocument.Render(KitSamples.Subject()), "affiche.pdf");

        Assert.Equal(KitSamples.PublicPageUrl, _pdf.DecodeQrCodes(file));
    }

    [Fact]
    public void Render_WhenLabelled_IsOneA4PortraitPage()
    {
        var file = _pdf.Save(PosterDocument.Render(KitSamples.Subject()));

        var (pages, width, height) = PdfTools.Info(file);

        Assert.Equal(1, pages);
        Assert.Equal(A4Width, width, 0);
        Assert.Equal(A4Height, height, 0);
    }

    [Fact]
    public void Render_WhenLabelled_ShowsTitleLabelSessionsPlaceOrganisationAndHashtagWithTheirAccents()
    {
        var description = KitSamples.FactoryVisit(sessions: [KitSamples.Monday16Morning(), KitSamples.Wednesday18Afternoon()]);
        var file = _pdf.Save(PosterDocument.Render(KitSamples.Subject(description)));

        var text = PageAssert.Flatten(PdfTools.Text(file));

        Assert.Contains("Semaine de l'industrie 2020", text, StringComparison.Ordinal);
        Assert.Contains("Inventer un avenir durable", text, StringComparison.Ordinal);
        Assert.Contains("ÉVÉNEMENT LABELLISÉ", text, StringComparison.Ordinal);
        Assert.Contains("Label n° SDI-2020-000123", text, StringComparison.Ordinal);
        Assert.Contains("Visite de l'usine de Lille", text, StringComparison.Ordinal);
        Assert.Contains("Organisé par Aciéries du Nord", text, StringComparison.Ordinal);
        Assert.Contains("• Lundi 16 novembre 2020, 9 h 00 – 12 h 00", text, StringComparison.Ordinal);
        Assert.Contains("• Mercredi 18 novembre 2020, 14 h 00 – 17 h 30", text, StringComparison.Ordinal);
        Assert.Contains("12 rue de l'Usine, 59000 Lille", text, StringComparison.Ordinal);
        Assert.Contains("Gratuit, sur inscription (25 places), accessible aux personnes à mobilité réduite.", text, StringComparison.Ordinal);
        // What a passer-by wants to know beyond the dates: what it is, and for whom.
        Assert.Contains(string.Join(' ', description.Description.Split(' ').Take(8)), text, StringComparison.Ordinal);
        Assert.Contains("Pour qui Visite d'entreprise · ", text, StringComparison.Ordinal);
        Assert.Contains("Programme, inscription et accès :", text, StringComparison.Ordinal);
        // The printed address is the short one, on one line, whole.
        Assert.Contains("Programme, inscription et accès : semaine-industrie.example.fr/e/SDI-2020-000123 ou scannez le code ci-contre", text, StringComparison.Ordinal);
        Assert.Contains("#SemaineIndustrie", text, StringComparison.Ordinal);
        Assert.Contains("semaine de l'industrie 2020 · label SDI-2020-000123", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenTitleHasCapitalAccentsLigaturesAndGuillemets_PrintsThemAsTyped()
    {
        const string title = "Événement « Usine ouverte » : l'œuvre des forgerons à Saint-Étienne, Ça chauffe !";
        var location = KitSamples.Lille() with { Street = "3 allée des Hauts-Fourneaux", PostalCode = "42000", City = "Saint-Étienne" };
        var file = _pdf.Save(PosterDocument.Render(KitSamples.Subject(KitSamples.FactoryVisit(title, location: location), organiser: KitSamples.AcieriesDuNord("Aciéries Électriques de la Loire"))));

        var text = PageAssert.Flatten(PdfTools.Text(file));

        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains("Organisé par Aciéries Électriques de la Loire", text, StringComparison.Ordinal);
        Assert.Contains("3 allée des Hauts-Fourneaux, 42000 Saint-Étienne", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenEventIsOnline_SaysEnLigneAsThePlace()
    {
        var online = new EventLocation { Mode = LocationMode.Online, OnlineUrl = "https://visio.example.fr/acieries" };
        var file = _pdf.Save(PosterDocument.Render(KitSamples.Subject(KitSamples.FactoryVisit(location: online))));

        var text = PageAssert.Flatten(PdfTools.Text(file));

        Assert.Contains("Où En ligne", text, StringComparison.Ordinal);
        Assert.DoesNotContain("rue de l'Usine", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenEventIsHybrid_GivesTheAddressAndEnLigne()
    {
        var hybrid = KitSamples.Lille() with { Mode = LocationMode.Hybrid };
        var file = _pdf.Save(PosterDocument.Render(KitSamples.Subject(KitSamples.FactoryVisit(location: hybrid))));

        var text = PageAssert.Flatten(PdfTools.Text(file));

        Assert.Contains("12 rue de l'Usine, 59000 Lille et en ligne", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenLabelled_KeepsEveryWordWithinTheMargins()
    {
        var file = _pdf.Save(PosterDocument.Render(KitSamples.Subject()));

        PageAssert.WithinMargins(PdfTools.Words(file), A4Width, A4Height, Margin);
    }

    [Fact]
    public void Render_WhenEverythingIsAsLongAsAllowed_StaysOnOnePageWithinTheMargins()
    {
        var file = _pdf.Save(PosterDocument.Render(KitSamples.Oversized()));

        Assert.Equal(1, PdfTools.Info(file).Pages);
        PageAssert.WithinMargins(PdfTools.Words(file), A4Width, A4Height, Margin);
    }

    [Fact]
    public void Render_WhenEverythingIsAsLongAsAllowed_GivesEachSampleItsCharacteristicLength()
    {
        var subject = KitSamples.Oversized();

        Assert.Equal(300, subject.Event.Title.Length);
        Assert.Contains(subject.Event.Title.Split(' '), word => word.Length >= 60);
        Assert.Equal(250, subject.Event.Location.Street!.Length);
        Assert.Equal(15, subject.Event.Sessions.Count);
        Assert.Equal(120, subject.Organiser.OrganisationName.Length);
    }

    [Fact]
    public void Render_WhenEditionNameTakesTwoLinesAndThemeIsLong_KeepsTheHeaderTextOnTheBlueBand()
    {
        var edition = KitSamples.Edition2020() with
        {
            Name = "Semaine de l'industrie 2027 : les territoires d'industrie s'engagent",
            Theme = "Inventer un avenir durable avec les femmes et les hommes de l'industrie : énergie décarbonée, "
                + "matériaux recyclés, usines sobres et métiers d'avenir dans tous les territoires de France",
        };
        var file = _pdf.Save(PosterDocument.Render(KitSamples.Subject(edition: edition)));

        var words = PdfTools.Words(file);

        // The band is blue from the top to 150 pt, then a red stripe to 156 pt: white text must end above it.
        const double bandBottom = 150;
        var crossing = words.Where(w => w.YMax > bandBottom && w.YMin < 156).Select(w => w.Text).ToList();
        Assert.True(crossing.Count == 0, "White header text runs over the band's edge: " + string.Join(' ', crossing));
        PageAssert.WithinMargins(words, A4Width, A4Height, Margin);
        var text = PageAssert.Flatten(PdfTools.Text(file));
        Assert.Contains("territoires d'industrie s'engagent", text, StringComparison.Ordinal);
        Assert.Contains("Inventer un avenir durable", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenFifteenSessions_ShowsTheFirstOnesAndCountsTheOthers()
    {
        var subject = KitSamples.Oversized();
        var file = _pdf.Save(PosterDocument.Render(subject));

        var text = PageAssert.Flatten(PdfTools.Text(file));

        Assert.Contains("• Lundi 16 novembre 2020, 8 h 00 – 10 h 30", text, StringComparison.Ordinal);
        var shown = text.Split("• ").Count(part => part.Contains("novembre 2020, ", StringComparison.Ordinal));
        Assert.InRange(shown, 1, 8);
        Assert.Contains($"• et {15 - shown} autres séances : voir la page de l'événement", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Vendredi 20 novembre 2020, 14 h 00", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenEverythingIsAsLongAsAllowed_StillLeadsToThePublicPageAndShowsTheLabel()
    {
        var file = _pdf.Save(PosterDocument.Render(KitSamples.Oversized()));

        var text = PageAssert.Flatten(PdfTools.Text(file));

        Assert.Equal(KitSamples.PublicPageUrl, _pdf.DecodeQrCodes(file));
        Assert.Contains("Label n° SDI-2020-000123", text, StringComparison.Ordinal);
        Assert.Contains("#SemaineIndustrie", text, StringComparison.Ordinal);
        Assert.Contains("Journée portes ouvertes", text, StringComparison.Ordinal);
        Assert.Contains("…", text, StringComparison.Ordinal);
    }
}
