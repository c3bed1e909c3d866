using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static IndustryWeek.Browser.Tests.Journeys.JourneySteps;
using static Microsoft.Playwright.Assertions;

namespace IndustryWeek.Browser.Tests.Journeys;

/// <summary>
/// From an organiser's new account to a labelled event the public finds: registration, the confirmation
/// mail, the organisation, the event with its pin, a regional moderator's grant, the label and the kit,
/// the public map, and the page the poster's QR code leads to. Only the edition and the moderator's
/// account are made beforehand (an administrator's work, the subject of the other journey).
/// </summary>
[Collection(ChromiumTests.Name)]
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed partial class OrganiserToPublicJourney(Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string OrganiserEmail = "camille.martin@usine-valenciennes.fr";
    private const string ModeratorEmail = "moderation@prefecture-hdf.fr";
    private const string Title = "Visite de l'usine de Valenciennes";
    private const string OrganisationName = "Usine de Valenciennes";

    private readonly int _port = SmtpServer.FreePort();
    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;
    private Uri _address = null!;
    private DateOnly _monday;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_port}"));
        // The site's public address is the one the browser uses: the poster's QR code leads back to this host.
        _platform = new PlatformFactory(_database, new Dictionary<string, string?> { ["Site:PublicUrl"] = _address.ToString() });
        _platform.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _port));
        _platform.StartServer();

        _monday = await PublishUpcomingEditionAsync(_platform);
        await _platform.CreateUserAsync(ModeratorEmail, Password, [PlatformRoles.Moderator], ["32"]);
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Journey_FromRegistrationToTheLabelledEventsPublicPage_EveryStepInChromium()
    {
        await using var organiser = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
        var page = organiser.Page;

        // 1. The account, from the sign-in page's link.
        await page.GotoAsync("/");
        await page.Locator("header .fr-header__tools-links a[href='/connexion']").ClickAsync();
        await page.Locator("main a[href='/inscription']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Créer un compte organisateur");
        await page.Locator("main input[name=Email]").FillAsync(OrganiserEmail);
        await page.Locator("main input[name=Password]").FillAsync(Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("main .fr-alert--success")).ToContainTextAsync($"Un message vient d'être envoyé à {OrganiserEmail}");
        await Screenshots.TakeAsync(page, "journey-01-registration.png");

        // 2. The confirmation mail's link, opened in the browser.
        MailFile? confirmation = null;
        await Eventually.WaitAsync(
            () => Task.FromResult((confirmation = MailsTo(OrganiserEmail).FirstOrDefault(m => m.Subject.StartsWith("Confirmez votre adresse", StringComparison.Ordinal))) is not null),
            "the confirmation mail is written");
        var link = ConfirmationLink().Match(confirmation!.Body);
        Assert.True(link.Success, $"No confirmation link in: {confirmation.Body}");
        Assert.StartsWith(_address.ToString(), link.Value, StringComparison.Ordinal);
        await page.GotoAsync(link.Value);
        await Expect(page.Locator("main .fr-alert--success")).ToHaveTextAsync("Votre adresse est confirmée : vous pouvez vous connecter.");
        await page.Locator("main a[href='/connexion']").ClickAsync();
        await page.Locator("main input[name=Email]").FillAsync(OrganiserEmail);
        await page.Locator("main input[name=Password]").FillAsync(Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("header")).ToContainTextAsync(OrganiserEmail);

        // 3. The organisation first: « Mes événements » asks for it.
        await MenuAsync(page, "Mes événements");
        await Expect(page.Locator("main .fr-callout__title")).ToHaveTextAsync("Décrivez d'abord votre organisation");
        await page.Locator("main a[href='/organisation']").ClickAsync();
        await page.Locator("#Name").FillAsync(OrganisationName);
        await page.Locator("#Type").SelectOptionAsync("IndustrialCompany");
        await page.Locator("#Street").FillAsync("1 rue de l'Industrie");
        await page.Locator("#PostalCode").FillAsync("59300");
        await page.Locator("#City").FillAsync("Valenciennes");
        await page.Locator("#ContactName").FillAsync("Camille Martin");
        await page.Locator("main form button[type=submit]", new() { HasTextString = "Enregistrer" }).ClickAsync();
        await Expect(page.Locator("main .fr-alert--success")).ToBeVisibleAsync();

        // 4. The event, its pin placed on the map, saved as a draft then submitted.
        await MenuAsync(page, "Mes événements");
        await Expect(page.Locator("main .fr-callout__title")).ToHaveTextAsync($"Semaine de l'industrie {_monday.Year}");
        await page.Locator("main a[href='/mon-espace/evenements/nouveau']").ClickAsync();
        await page.Locator("#Title").FillAsync(Title);
        await page.Locator("#Description").FillAsync("Découverte des lignes d'assemblage et des métiers de la production, avec les apprentis du site.");
        await page.Locator("#Format").SelectOptionAsync("CompanyVisit");
        await TickAsync(page, "input[name=Audiences][value=Pupils]");
        await TickAsync(page, "input[name=Audiences][value=JobSeekers]");
        await TickAsync(page, "input[name=Sectors][value=Automotive]");
        await page.Locator("input[name='Sessions[0].Date']").FillAsync(Iso(_monday.AddDays(1)));
        await page.Locator("input[name='Sessions[0].StartTime']").FillAsync("09:00");
        await page.Locator("input[name='Sessions[0].EndTime']").FillAsync("12:00");
        await TickAsync(page, "#Mode-OnSite");
        await page.Locator("#Street").FillAsync("1 rue de l'Industrie");
        await page.Locator("#PostalCode").FillAsync("59300");
        await page.Locator("#PostalCode").PressAsync("Tab");
        await Expect(page.Locator("#InseeCode option[value='59606']")).ToHaveCountAsync(1);
        await page.Locator("#InseeCode").SelectOptionAsync("59606");
        // The commune's rough coordinates centre the map on Valenciennes; a click then places the pin on the factory.
        await page.Locator("#Latitude").FillAsync("50,357");
        await page.Locator("#Longitude").FillAsync("3,523");
        await page.Locator("#Longitude").PressAsync("Tab");
        var map = page.Locator("#pin-map");
        await Expect(map.Locator(".leaflet-marker-icon")).ToHaveCountAsync(1);
        var size = await map.EvaluateAsync<int[]>("m => [m.clientWidth, m.clientHeight]");
        await WaitForPinAtAsync(page, size[0] / 2, size[1] / 2);
        await map.ClickAsync(new() { Position = new() { X = size[0] / 2 + 40, Y = size[1] / 2 + 30 } });
        await WaitForPinAtAsync(page, size[0] / 2 + 40, size[1] / 2 + 30);
        await Expect(page.Locator("#Latitude")).Not.ToHaveValueAsync("50,357");
        var latitude = double.Parse(await page.Locator("#Latitude").InputValueAsync(), CultureInfo.InvariantCulture);
        var longitude = double.Parse(await page.Locator("#Longitude").InputValueAsync(), CultureInfo.InvariantCulture);
        Assert.InRange(latitude, 50.33, 50.356);
        Assert.InRange(longitude, 3.524, 3.56);
        await page.Locator("#ContactEmail").FillAsync("visites@usine-valenciennes.fr");
        await TickAsync(page, "#IsFree-true");
        await TickAsync(page, "#AboutIndustry");
        await Screenshots.TakeAsync(page, "journey-02-event-form.png");
        await page.Locator("#event-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("main .fr-badge").First).ToHaveTextAsync("Brouillon");
        var eventPath = new Uri(page.Url).AbsolutePath;
        var eventId = Guid.Parse(eventPath[(eventPath.LastIndexOf('/') + 1)..]);
        await page.Locator("main form button", new() { HasTextString = "Soumettre au label" }).ClickAsync();
        await Expect(page.Locator("main .fr-alert--success")).ToHaveTextAsync("Votre événement est soumis au label : le modérateur de votre région l'examine.");
        await Expect(page.Locator("main .fr-badge").First).ToHaveTextAsync("En cours d'examen");
        await Screenshots.TakeAsync(page, "journey-03-submitted.png");

        // 5. The moderator of Hauts-de-France finds it in their queue, from their menu, and grants the label.
        string labelNumber;
        await using (var moderator = await RecordedPage.OpenAsync(chromium.Browser, _address, output))
        {
            var desk = moderator.Page;
            await SignInAsync(desk, ModeratorEmail);
            await MenuAsync(desk, "Demandes de label");
            await Expect(desk.Locator("main")).ToContainTextAsync("Vos régions : Hauts-de-France.");
            await ReloadUntilAsync(desk, desk.Locator("main table tbody"), Title, "the submitted event is in the moderator's queue");
            // « Tout sélectionner » ticks the page's applications, and unticks them (here with the keyboard).
            await desk.Locator("#select-all").FocusAsync();
            await desk.Keyboard.PressAsync("Space");
            await Expect(desk.Locator("#bulk input[name=Selected]:checked")).ToHaveCountAsync(await desk.Locator("#bulk input[name=Selected]").CountAsync());
            await desk.Keyboard.PressAsync("Space");
            await Expect(desk.Locator("#bulk input[name=Selected]:checked")).ToHaveCountAsync(0);
            await desk.Locator("main table tbody a", new() { HasTextString = Title }).ClickAsync();
            await Expect(desk.Locator("h1")).ToHaveTextAsync(Title);
            await desk.Locator("#event-map").ScrollIntoViewIfNeededAsync(); // the event's place, drawn when it comes near the screen
            await Expect(desk.Locator("#event-map .leaflet-marker-icon")).ToHaveCountAsync(1);
            await Expect(desk.Locator("main")).ToContainTextAsync(OrganisationName);
            await Expect(desk.Locator("#about")).ToHaveTextAsync("Format : Visite d'entreprise · Publics : Collégiens et lycéens, Demandeurs d'emploi · Secteurs : Automobile · Gratuit");
            await desk.Locator("#grant textarea[name=Comment]").FillAsync("Visite ouverte aux scolaires et aux demandeurs d'emploi : les quatre critères sont remplis.");
            await desk.Locator("#grant button[type=submit]").ClickAsync();
            await Expect(desk.Locator("main .fr-alert--success")).ToContainTextAsync("Label attribué : SDI-");
            labelNumber = LabelNumber().Match(await desk.Locator("main .fr-alert--success").TextContentAsync() ?? "").Value;
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"SDI-{_monday.Year}-000001"), labelNumber);
            await Expect(desk.Locator("#history")).ToContainTextAsync(ModeratorEmail);
            await Screenshots.TakeAsync(desk, "journey-04-moderation.png");
            Assert.Empty(moderator.RequestsElsewhere);
            Assert.Empty(moderator.Errors);
        }

        // 6. Back on the organiser's page once the background work is done: the label and the kit, sent by mail.
        await page.GotoAsync(eventPath);
        await ReloadUntilAsync(page, page.Locator("#kit"), "envoyé par courriel", "the organiser's page says the kit was mailed");
        await Expect(page.Locator("main .fr-badge").First).ToHaveTextAsync("Labellisé");
        await Expect(page.Locator("main")).ToContainTextAsync($"Numéro de label : {labelNumber}");
        await Screenshots.TakeAsync(page, "journey-05-labelled.png");
        var kitMail = Assert.Single(MailsTo(OrganiserEmail), m => m.Subject.Contains("kit de communication", StringComparison.Ordinal));
        Assert.Contains($"affiche-{labelNumber}.pdf", kitMail.AttachmentNames);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("main a", new() { HasTextString = "Télécharger le kit (zip)" }).ClickAsync());
        Assert.Equal($"kit-{labelNumber}.zip", download.SuggestedFilename);
        var zipPath = Path.Combine(_database.Directory, download.SuggestedFilename);
        await download.SaveAsAsync(zipPath);
        Assert.True(new FileInfo(zipPath).Length > 0);
        string posterPath;
        using (var zip = ZipFile.OpenRead(zipPath))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "attestation-de-labellisation.pdf" && e.Length > 0);
            var poster = Assert.Single(zip.Entries, e => e.FullName == "affiche.pdf");
            posterPath = Path.Combine(_database.Directory, "affiche.pdf");
            poster.ExtractToFile(posterPath);
        }

        Assert.StartsWith("%PDF-", await File.ReadAllTextAsync(posterPath), StringComparison.Ordinal);
        Assert.Empty(organiser.RequestsElsewhere);
        Assert.Empty(organiser.Errors);

        // 7. The public: the map from the home page, then the page the poster's QR code leads to.
        var qrUrl = ReadQrCode(posterPath);
        Assert.Equal(new Uri(_address, $"/evenements/{eventId}").ToString(), qrUrl);
        await using var visitor = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
        var street = visitor.Page;
        await street.GotoAsync("/");
        await street.Locator("main a", new() { HasTextString = "Carte des événements labellisés" }).ClickAsync();
        await Expect(street.Locator("#events-map")).ToHaveAttributeAsync("data-outline", "drawn");
        await ReloadUntilAsync(street, street.Locator("#events-list"), Title, "the event is on the public map's list");
        await Expect(street.Locator("#result-count")).ToContainTextAsync("1 événement labellisé");
        await Expect(street.Locator("#events-map")).ToHaveAttributeAsync("data-pins", "1");
        await Expect(street.Locator("#events-map .leaflet-marker-icon")).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(street, "journey-06-public-map.png");

        await street.GotoAsync(qrUrl);
        await Expect(street.Locator("h1")).ToHaveTextAsync(Title);
        await Expect(street.Locator("main")).ToContainTextAsync($"Événement labellisé Semaine de l'industrie {_monday.Year} · {labelNumber}");
        await Expect(street.Locator("#organisation")).ToHaveTextAsync(OrganisationName);
        await Expect(street.Locator("#sessions li")).ToContainTextAsync(string.Create(CultureInfo.InvariantCulture, $"Mardi {_monday.AddDays(1).Day} mars {_monday.Year}, 9 h 00"));
        await street.Locator("#event-map").ScrollIntoViewIfNeededAsync(); // drawn when it comes near the screen
        await Expect(street.Locator("#event-map .leaflet-marker-icon")).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(street, "journey-07-public-event.png");
        Assert.Empty(visitor.RequestsElsewhere);
        Assert.Empty(visitor.Errors);
    }

    private List<MailFile> MailsTo(string email) =>
        [.. _platform.Mails().Select(MailFile.Read).Where(m => m.To.Contains(email, StringComparison.OrdinalIgnoreCase))];

    [GeneratedRegex(@"https?://\S+/confirmation-email\?\S+")]
    private static partial Regex ConfirmationLink();

    [GeneratedRegex(@"SDI-\d{4}-\d{6}")]
    private static partial Regex LabelNumber();
}
