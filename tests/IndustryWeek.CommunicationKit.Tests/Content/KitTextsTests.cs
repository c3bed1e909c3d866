using IndustryWeek.CommunicationKit.Content;
using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.CommunicationKit.Tests.Content;

public sealed class KitTextsTests
{
    private static readonly string TwoHundredCharacterTitle =
        string.Concat(Enumerable.Repeat("Visite de l'usine de Lille et de ses ateliers de forge ", 4))[..200];

    [Fact]
    public void ShortPost_WhenTitleIsShort_QuotesItWholeWithDateTownHashtagAndLink()
    {
        var post = KitTexts.ShortPost(KitSamples.Subject());

        Assert.Equal(
            "Notre événement « Visite de l'usine de Lille » est labellisé #SemaineIndustrie 2020 ! "
            + "Rendez-vous le lundi 16 novembre 2020, à Lille. Infos : " + KitSamples.PublicPageUrl,
            post);
    }

    [Fact]
    public void ShortPost_WhenTitleIs200Characters_StaysWithin280CharactersAndKeepsHashtagAndLink()
    {
        Assert.Equal(200, TwoHundredCharacterTitle.Length);

        var post = KitTexts.ShortPost(KitSamples.Subject(KitSamples.FactoryVisit(TwoHundredCharacterTitle)));

        Assert.True(post.Length <= KitTexts.ShortPostLimit, $"{post.Length} characters: {post}");
        Assert.Contains("#SemaineIndustrie 2020", post, StringComparison.Ordinal);
        Assert.EndsWith("Infos : " + KitSamples.PublicPageUrl, post, StringComparison.Ordinal);
        Assert.StartsWith("Notre événement « Visite de l'usine de Lille", post, StringComparison.Ordinal);
        Assert.Contains("… » est labellisé", post, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortPost_WhenLongTitleAndSeveralDays_StaysWithin280CharactersAndSaysFromTo()
    {
        var description = KitSamples.FactoryVisit(TwoHundredCharacterTitle, [KitSamples.Monday16Morning(), KitSamples.Wednesday18Afternoon()]);

        var post = KitTexts.ShortPost(KitSamples.Subject(description));

        Assert.True(post.Length <= KitTexts.ShortPostLimit, $"{post.Length} characters: {post}");
        Assert.Contains("Rendez-vous du lundi 16 novembre 2020 au mercredi 18 novembre 2020, à Lille.", post, StringComparison.Ordinal);
        Assert.EndsWith(KitSamples.PublicPageUrl, post, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortPost_WhenEventIsOnline_SaysEnLigneInsteadOfATown()
    {
        var online = new EventLocation { Mode = LocationMode.Online, OnlineUrl = "https://visio.example.fr/acieries" };

        var post = KitTexts.ShortPost(KitSamples.Subject(KitSamples.FactoryVisit(location: online)));

        Assert.Contains("Rendez-vous le lundi 16 novembre 2020, en ligne.", post, StringComparison.Ordinal);
    }

    [Fact]
    public void LongPost_WhenOneSession_AnnouncesTheLabelAndListsTheSessionInFrench()
    {
        var post = KitTexts.LongPost(KitSamples.Subject());

        Assert.Contains("Nous sommes fiers d'annoncer que notre événement « Visite de l'usine de Lille » a reçu le label de la Semaine de l'industrie 2020 (SDI-2020-000123).", post, StringComparison.Ordinal);
        Assert.Contains("Thème de l'édition 2020 : « Inventer un avenir durable ». Découverte des hauts fourneaux", post, StringComparison.Ordinal);
        Assert.Contains("Notre rendez-vous :", post, StringComparison.Ordinal);
        Assert.Contains("– lundi 16 novembre 2020, 9 h 00 – 12 h 00", post, StringComparison.Ordinal);
        Assert.Contains("Lieu : 12 rue de l'Usine, 59000 Lille", post, StringComparison.Ordinal);
        Assert.Contains("Programme et inscription : " + KitSamples.PublicPageUrl, post, StringComparison.Ordinal);
        Assert.EndsWith("#SemaineIndustrie #industrie #métiers #orientation", post, StringComparison.Ordinal);
    }

    [Fact]
    public void LongPost_WhenSessionsAreGivenOutOfOrder_ListsThemChronologically()
    {
        var description = KitSamples.FactoryVisit(sessions: [KitSamples.Wednesday18Afternoon(), KitSamples.Monday16Morning()]);

        var post = KitTexts.LongPost(KitSamples.Subject(description));

        Assert.Contains("Nos rendez-vous :", post, StringComparison.Ordinal);
        var monday = post.IndexOf("– lundi 16 novembre 2020, 9 h 00 – 12 h 00", StringComparison.Ordinal);
        var wednesday = post.IndexOf("– mercredi 18 novembre 2020, 14 h 00 – 17 h 30", StringComparison.Ordinal);
        Assert.True(monday >= 0 && wednesday > monday, post);
    }

    [Fact]
    public void LongPost_WhenSessionSpansTwoDays_SaysFromDayAndTimeToDayAndTime()
    {
        var overnight = new EventSession(new DateTime(2020, 11, 16, 9, 0, 0), new DateTime(2020, 11, 17, 17, 30, 0));

        var post = KitTexts.LongPost(KitSamples.Subject(KitSamples.FactoryVisit(sessions: [overnight])));

        Assert.Contains("– du lundi 16 novembre 2020, 9 h 00 au mardi 17 novembre 2020, 17 h 30", post, StringComparison.Ordinal);
    }

    [Fact]
    public void LongPost_WhenEventIsHybrid_GivesTheAddressAndEnLigne()
    {
        var hybrid = KitSamples.Lille() with { Mode = LocationMode.Hybrid, OnlineUrl = "https://visio.example.fr/acieries" };

        var post = KitTexts.LongPost(KitSamples.Subject(KitSamples.FactoryVisit(location: hybrid)));

        Assert.Contains("Lieu : 12 rue de l'Usine, 59000 Lille et en ligne", post, StringComparison.Ordinal);
    }

    [Fact]
    public void LongPost_WhenEventIsOnline_SaysEnLigneWithoutAnyAddress()
    {
        var online = new EventLocation { Mode = LocationMode.Online, OnlineUrl = "https://visio.example.fr/acieries" };

        var post = KitTexts.LongPost(KitSamples.Subject(KitSamples.FactoryVisit(location: online)));

        Assert.Contains("Lieu : en ligne", post, StringComparison.Ordinal);
    }

    [Fact]
    public void LongPost_WhenEditionIsKnownOnlyByItsYear_HasNoThemeSentence()
    {
        var edition = KitEdition.Unknown(Guid.NewGuid(), 2020);

        var post = KitTexts.LongPost(KitSamples.Subject(edition: edition));

        Assert.DoesNotContain("Thème", post, StringComparison.Ordinal);
        Assert.DoesNotContain("« »", post, StringComparison.Ordinal);
        Assert.Contains("le label de la Semaine de l'industrie 2020 (SDI-2020-000123)", post, StringComparison.Ordinal);
    }

    [Fact]
    public void PressRelease_WhenLabelled_NamesOrganisationTitleLabelNumberThemeAndPlace()
    {
        var release = KitTexts.PressRelease(KitSamples.Subject());

        Assert.StartsWith("COMMUNIQUÉ DE PRESSE", release, StringComparison.Ordinal);
        Assert.Contains("Lille, le [date d'envoi]", release, StringComparison.Ordinal);
        Assert.Contains("Aciéries du Nord participe à la Semaine de l'industrie 2020 avec « Visite de l'usine de Lille »", release, StringComparison.Ordinal);
        Assert.Contains(
            "Aciéries du Nord organise « Visite de l'usine de Lille », le lundi 16 novembre 2020, 12 rue de l'Usine, 59000 Lille. "
            + "L'événement a reçu le label de la Semaine de l'industrie 2020 (n° SDI-2020-000123).",
            release,
            StringComparison.Ordinal);
        Assert.Contains("Date et horaires :", release, StringComparison.Ordinal);
        Assert.Contains("– lundi 16 novembre 2020, 9 h 00 – 12 h 00", release, StringComparison.Ordinal);
        Assert.Contains("Entrée gratuite.", release, StringComparison.Ordinal);
        Assert.Contains("Inscription obligatoire : https://acieries-du-nord.example.fr/visites", release, StringComparison.Ordinal);
        Assert.Contains("Toutes les informations : " + KitSamples.PublicPageUrl, release, StringComparison.Ordinal);
        Assert.Contains("Thème de l'édition 2020 : « Inventer un avenir durable ». L'industrie invente les solutions", release, StringComparison.Ordinal);
        Assert.Contains("À propos de Aciéries du Nord", release, StringComparison.Ordinal);
    }

    [Fact]
    public void PressRelease_WhenLabelled_LeavesBracketedPlaceholdersForTheOrganiser()
    {
        var release = KitTexts.PressRelease(KitSamples.Subject());

        Assert.Contains("[date d'envoi]", release, StringComparison.Ordinal);
        Assert.Contains("« [Citation du dirigeant ou de la dirigeante", release, StringComparison.Ordinal);
        Assert.Contains("[Présentez votre organisation en quelques lignes", release, StringComparison.Ordinal);
        Assert.Contains("Contact presse" + Environment.NewLine + "[Nom, fonction, téléphone, adresse électronique]", release, StringComparison.Ordinal);
    }

    [Fact]
    public void PressRelease_WhenPaidAndOnline_AsksForThePriceAndHasATownPlaceholder()
    {
        var online = new EventLocation { Mode = LocationMode.Online, OnlineUrl = "https://visio.example.fr/acieries" };
        var description = KitSamples.FactoryVisit(location: online) with { IsFree = false, Booking = new EventBooking(Required: true, Url: null, Capacity: null) };

        var release = KitTexts.PressRelease(KitSamples.Subject(description));

        Assert.Contains("[Ville], le [date d'envoi]", release, StringComparison.Ordinal);
        Assert.Contains("le lundi 16 novembre 2020, en ligne.", release, StringComparison.Ordinal);
        Assert.Contains("Participation payante : [précisez le tarif].", release, StringComparison.Ordinal);
        Assert.Contains("Inscription obligatoire auprès de l'organisateur.", release, StringComparison.Ordinal);
    }

    [Fact]
    public void PressRelease_WhenEditionIsKnownOnlyByItsYear_HasNoThemeSentenceWithEmptyQuotes()
    {
        var edition = KitEdition.Unknown(Guid.NewGuid(), 2020);

        var release = KitTexts.PressRelease(KitSamples.Subject(edition: edition));

        Assert.DoesNotContain("Thème", release, StringComparison.Ordinal);
        Assert.DoesNotContain("« »", release, StringComparison.Ordinal);
        Assert.DoesNotContain("«  »", release, StringComparison.Ordinal);
        Assert.Contains("aux jeunes et aux demandeurs d'emploi." + Environment.NewLine, release, StringComparison.Ordinal);
    }

    [Fact]
    public void SocialTexts_WhenBuilt_GivesTheShortLongAndInstagramTextsUnderTheirHeadings()
    {
        var subject = KitSamples.Subject();

        var texts = KitTexts.SocialTexts(subject);

        Assert.StartsWith("TEXTES PRÊTS À PUBLIER – Visite de l'usine de Lille", texts, StringComparison.Ordinal);
        Assert.Contains("Label SDI-2020-000123 · Semaine de l'industrie 2020", texts, StringComparison.Ordinal);
        Assert.Contains("== Message court (X, Bluesky, Mastodon : 280 caractères au plus) ==", texts, StringComparison.Ordinal);
        Assert.Contains(KitTexts.ShortPost(subject), texts, StringComparison.Ordinal);
        Assert.Contains(KitTexts.LongPost(subject), texts, StringComparison.Ordinal);
        Assert.Contains("« Visite de l'usine de Lille » : le lundi 16 novembre 2020, à Lille. Événement labellisé Semaine de l'industrie 2020. Lien dans la bio !", texts, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadMe_WhenGivenTheKitFiles_DescribesEachOneInFrench()
    {
        var files = new[] { BuiltKit.PosterFile, BuiltKit.CertificateFile, BuiltKit.SocialTextsFile, BuiltKit.PressReleaseFile, BuiltKit.CalendarFile };

        var readMe = KitTexts.ReadMe(KitSamples.Subject(), files);

        Assert.Contains("– affiche.pdf : l'affiche à imprimer (A4) avec le code QR de votre page", readMe, StringComparison.Ordinal);
        Assert.Contains("– attestation-de-labellisation.pdf : l'attestation de labellisation", readMe, StringComparison.Ordinal);
        Assert.Contains("– textes-reseaux-sociaux.txt : des textes prêts à publier sur les réseaux sociaux", readMe, StringComparison.Ordinal);
        Assert.Contains("– communique-de-presse.txt : un modèle de communiqué de presse à compléter", readMe, StringComparison.Ordinal);
        Assert.Contains("– evenement.ics : les séances, à importer dans un agenda", readMe, StringComparison.Ordinal);
        Assert.Contains("La page publique de votre événement : " + KitSamples.PublicPageUrl, readMe, StringComparison.Ordinal);
    }
}
