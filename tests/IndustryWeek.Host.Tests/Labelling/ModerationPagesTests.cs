using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using IndustryWeek.Editions.Contracts;
using IndustryWeek.Registration.Contracts;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Labelling;

/// <summary>
/// The moderator's pages, used as a person without JavaScript would: the regional queue, one
/// application with its criteria, deadline and history, and the decision forms.
/// </summary>
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class ModerationPagesTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string Password = "Mot-de-passe-2020";
    private const string HdfModerator = "moderatrice@prefecture-hdf.fr";
    private const string IdfModerator = "moderateur@prefecture-idf.fr";
    private const string Organiser = "organisatrice@usine-exemple.fr";

    private TestDatabase _database = null!;
    private const string Tiles = "http://127.0.0.1:9/tuiles/{z}/{x}/{y}.png";

    private PlatformFactory _platform = null!;
    private TestClock _clock = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _clock = new TestClock();
        _platform = new PlatformFactory(_database, new Dictionary<string, string?>
        {
            ["Outbox:DispatcherEnabled"] = "false",
            ["Map:TileUrl"] = Tiles, // as in production: the application page's small map draws them too
        }) { Clock = _clock };
        await _platform.CreateUserAsync(HdfModerator, Password, [PlatformRoles.Moderator], ["32"]);
        await _platform.CreateUserAsync(IdfModerator, Password, [PlatformRoles.Moderator], ["11"]);
        await _platform.CreateUserAsync(Organiser, Password, [PlatformRoles.Organiser]);
        await _platform.PublishAsync(new EditionPublished { Edition = Edition2020(), OccurredAtUtc = _clock.GetUtcNow().UtcDateTime });
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    // ---- the queue ----

    [Fact]
    public async Task Queue_ForARegionsModerator_ListsTheirPendingApplicationsOldestFirstWithTheirDeadline()
    {
        var late = await SubmitAsync("Visite de l'usine de Valenciennes", submittedAtUtc: new DateTime(2020, 10, 1, 8, 0, 0, DateTimeKind.Utc));
        var fresh = await SubmitAsync("Portes ouvertes de l'aciérie de Dunkerque");
        await SubmitAsync("Atelier de soudure à Paris", region: "11");
        using var moderator = await PageSession.SignedInAsync(_platform, HdfModerator, Password);

        var queue = await moderator.GetAsync("/moderation");

        Assert.Equal(HttpStatusCode.OK, queue.Response.StatusCode);
        Assert.Contains("Vos régions : Hauts-de-France.", MainText(queue), StringComparison.Ordinal);
        Assert.Contains("2 demandes.", MainText(queue), StringComparison.Ordinal);
        var rows = queue.Document.QuerySelectorAll("#bulk tbody tr").ToList();
        Assert.Equal(["Visite de l'usine de Valenciennes", "Portes ouvertes de l'aciérie de Dunkerque"], rows.Select(r => r.QuerySelector("td a")!.TextContent.Trim()));
        Assert.Equal([$"/moderation/demandes/{late}", $"/moderation/demandes/{fresh}"], rows.Select(r => r.QuerySelector("td a")!.GetAttribute("href")));
        Assert.Contains("En retard", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("application--overdue", rows[0].ClassList);
        Assert.Contains("4 jours ouvrés", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Valenciennes (59)", rows[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Paris", MainText(queue), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_WhenSomeAreSelectedAndGranted_ShowsEachOutcomeAndTheyLeaveThePendingList()
    {
        var first = await SubmitAsync("Visite de l'usine de Valenciennes", submittedAtUtc: new DateTime(2020, 10, 1, 8, 0, 0, DateTimeKind.Utc));
        var paid = await SubmitAsync("Visite payante de la brasserie", isFree: false, submittedAtUtc: new DateTime(2020, 10, 1, 9, 0, 0, DateTimeKind.Utc));
        await SubmitAsync("Portes ouvertes de l'aciérie de Dunkerque", submittedAtUtc: new DateTime(2020, 10, 1, 10, 0, 0, DateTimeKind.Utc));
        using var moderator = await PageSession.SignedInAsync(_platform, HdfModerator, Password);
        var queue = await moderator.GetAsync("/moderation");
        Check(queue, $"#select-{first}");
        Check(queue, $"#select-{paid}");

        var posted = await moderator.SubmitAsync(queue, "#bulk");

        // Post/redirect/get: back to the queue's address, so that reloading it never grants again; the outcome once.
        Assert.Equal(HttpStatusCode.Redirect, posted.Response.StatusCode);
        Assert.DoesNotContain("handler", posted.Response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        var granted = await moderator.FollowAsync(posted);
        Assert.Equal(HttpStatusCode.OK, granted.Response.StatusCode);
        var outcome = granted.Document.QuerySelector("[role=status]")!;
        Assert.Equal("1 labellisé, 1 refusé par la vérification", outcome.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("L'événement est payant : seuls les événements gratuits sont labellisés.", outcome.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            ["Visite payante de la brasserie", "Portes ouvertes de l'aciérie de Dunkerque"],
            granted.Document.QuerySelectorAll("#bulk tbody tr td a").Select(a => a.TextContent.Trim()));
        Assert.Null((await moderator.GetAsync("/moderation")).Document.QuerySelector("[role=status]"));
        var labelled = await moderator.GetAsync("/moderation?Status=Granted");
        var row = Assert.Single(labelled.Document.QuerySelectorAll("#bulk tbody tr"));
        Assert.Contains("labellisé (SDI-2020-000001)", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_SortedByCommune_ListsThemSoAndEachApplicationLeadsToItsNeighboursInThatOrder()
    {
        var valenciennes = await SubmitAsync("Visite de l'usine de Valenciennes", submittedAtUtc: new DateTime(2020, 10, 1, 8, 0, 0, DateTimeKind.Utc));
        var lille = await SubmitAsync("Atelier de robotique à Lille", submittedAtUtc: new DateTime(2020, 10, 2, 8, 0, 0, DateTimeKind.Utc),
            place: new EventLocation { Mode = LocationMode.OnSite, PostalCode = "59000", City = "Lille", InseeCode = "59350", DepartmentCode = "59", RegionCode = "32", Latitude = 50.63, Longitude = 3.06 });
        var dunkerque = await SubmitAsync("Portes ouvertes de l'aciérie de Dunkerque", submittedAtUtc: new DateTime(2020, 10, 3, 8, 0, 0, DateTimeKind.Utc),
            place: new EventLocation { Mode = LocationMode.OnSite, Street = "Route de l'Écluse", PostalCode = "59140", City = "Dunkerque", InseeCode = "59183", DepartmentCode = "59", RegionCode = "32", Latitude = 51.03, Longitude = 2.37 });
        using var moderator = await PageSession.SignedInAsync(_platform, HdfModerator, Password);

        var byDeadline = await moderator.GetAsync("/moderation?Sort=deadline");
        var byCommune = await moderator.GetAsync("/moderation?Sort=commune");

        Assert.Equal([valenciennes, lille, dunkerque], Ids(byDeadline));
        Assert.Equal([dunkerque, lille, valenciennes], Ids(byCommune));
        Assert.Equal("Demandes, par commune", byCommune.Document.QuerySelector("#bulk caption")!.TextContent.Trim());
        Assert.Equal("commune", byCommune.Document.QuerySelector<IHtmlSelectElement>("#Sort")!.Value);

        // From the queue to the first application, then « suivante » in the queue's order, and back.
        var first = await moderator.GetAsync(byCommune.Document.QuerySelector("#bulk tbody a")!.GetAttribute("href")!);
        Assert.Equal("1 sur 3", first.Document.QuerySelector("#queue-position")!.TextContent.Trim());
        Assert.Null(first.Document.QuerySelector("#previous"));
        var second = await moderator.GetAsync(first.Document.QuerySelector("#next")!.GetAttribute("href")!);
        Assert.Equal("Atelier de robotique à Lille", second.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("2 sur 3", second.Document.QuerySelector("#queue-position")!.TextContent.Trim());
        Assert.StartsWith($"/moderation/demandes/{dunkerque}?", second.Document.QuerySelector("#previous")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.StartsWith($"/moderation/demandes/{valenciennes}?", second.Document.QuerySelector("#next")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("Sort=commune", second.Document.QuerySelector(".fr-breadcrumb a")!.GetAttribute("href"), StringComparison.Ordinal);
        // The event's place on a small map; an address without a street reads as the commune.
        Assert.NotNull(second.Document.QuerySelector("#event-map[data-latitude='50.63'][data-longitude='3.06']"));
        Assert.Equal(Tiles, second.Document.QuerySelector("#event-map")!.GetAttribute("data-tiles"));
        Assert.Contains("59000 Lille (Nord (59), Hauts-de-France)", MainText(second), StringComparison.Ordinal);

        // A decision keeps the queue: back on the same page, « suivante » still there.
        var requested = await moderator.SubmitAsync(second, "#request-changes", new() { ["ChangesComment"] = "Précisez l'adresse du site." });
        Assert.Contains("Sort=commune", requested.Response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        static List<Guid> Ids(PageResult page) =>
            [.. page.Document.QuerySelectorAll("#bulk tbody a").Select(a => Guid.Parse(a.GetAttribute("href")!.Split('/', '?')[3]))];
    }

    [Fact]
    public async Task ApplicationsApi_WithAnUnknownSort_AnswersAFrenchFieldError()
    {
        using var moderator = await _platform.SignedInClientAsync(HdfModerator, Password);

        var response = await moderator.GetAsync(new Uri("/api/labelling/applications?sort=%3Cscript%3E", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("Le tri « <script> » n'existe pas ; tris possibles : submitted, deadline, commune.", System.Text.Json.JsonDocument.Parse(problem).RootElement.GetProperty("errors").GetProperty("sort")[0].GetString(), StringComparison.Ordinal);
    }

    // ---- one application ----

    [Fact]
    public async Task Application_WhenOpenedAndGrantedWithAComment_ShowsCriteriaDeadlineThenTheLabelNumberAndTheHistory()
    {
        var id = await SubmitAsync("Visite de l'usine de Valenciennes");
        using var moderator = await PageSession.SignedInAsync(_platform, HdfModerator, Password);
        var queue = await moderator.GetAsync("/moderation");

        var page = await moderator.GetAsync(queue.Document.QuerySelector("#bulk tbody tr td a")!.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("Visite de l'usine de Valenciennes", page.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(
            [
                ("PlaceAndPeriod", "En France, pendant la période de l'édition", "rempli"),
                ("OpenToPublic", "Ouvert au public", "rempli"),
                ("AboutIndustry", "Fait découvrir l'industrie", "à vérifier"),
                ("FreeOfCharge", "Gratuit", "rempli"),
            ],
            page.Document.QuerySelectorAll(".criteria li").Select(li => (li.GetAttribute("data-criterion"), li.QuerySelector("strong")!.TextContent.Trim(), li.QuerySelector(".fr-badge")!.TextContent.Trim())));
        Assert.Contains("toutes les séances ont lieu du 9 novembre 2020 au 29 novembre 2020 (période de la région Hauts-de-France)", page.Document.QuerySelector(".criteria")!.TextContent, StringComparison.Ordinal);
        var deadline = page.Document.QuerySelector("#deadline")!.TextContent.Trim();
        Assert.StartsWith("Échéance du comité : ", deadline, StringComparison.Ordinal);
        Assert.EndsWith(" 23:59 (encore 4 jours ouvrés).", deadline, StringComparison.Ordinal);

        var granted = await moderator.SubmitAsync(page, "#grant", new() { ["Comment"] = "Très bel événement, bravo." });
        var after = await moderator.FollowAsync(granted);

        Assert.Equal(HttpStatusCode.Redirect, granted.Response.StatusCode);
        Assert.Equal($"/moderation/demandes/{id}", after.Path);
        Assert.Equal("Label attribué : SDI-2020-000001.", after.Document.QuerySelector(".fr-alert--success")!.TextContent.Trim());
        Assert.Equal("labellisé", after.Document.QuerySelector("main .fr-badge")!.TextContent.Trim());
        Assert.Contains("Label SDI-2020-000001 (version 1)", MainText(after), StringComparison.Ordinal);
        Assert.Equal("rempli", after.Document.QuerySelector("[data-criterion=AboutIndustry] .fr-badge")!.TextContent.Trim());
        Assert.Null(after.Document.QuerySelector("#grant"));
        Assert.NotNull(after.Document.QuerySelector("#revoke"));
        Assert.Equal(
            [
                [Organiser, "Soumis", ""],
                [HdfModerator, "Label attribué (SDI-2020-000001)", "Très bel événement, bravo."],
            ],
            HistoryRows(after).Select(cells => cells.Skip(1).ToArray()));
    }

    [Fact]
    public async Task Application_WhenLate_SaysSoWithTheCommitteesDeadlineInParisTime()
    {
        await SubmitAsync("Visite de l'usine de Valenciennes", submittedAtUtc: new DateTime(2020, 10, 1, 8, 0, 0, DateTimeKind.Utc));
        using var moderator = await PageSession.SignedInAsync(_platform, HdfModerator, Password);
        var queue = await moderator.GetAsync("/moderation");

        var page = await moderator.GetAsync(queue.Document.QuerySelector("#bulk tbody tr td a")!.GetAttribute("href")!);

        // Thursday 1 October 2020: Friday 2, Monday 5, Tuesday 6, Wednesday 7.
        Assert.Equal("En retard : l'échéance du comité était le 07/10/2020 23:59.", page.Document.QuerySelector("#deadline")!.TextContent.Trim());
    }

    [Fact]
    public async Task Application_WhenRefusedWithAStockReason_ShowsTheRefusalAndTheReasonInTheHistory()
    {
        var id = await SubmitAsync("Visite payante de la brasserie", isFree: false);
        using var moderator = await PageSession.SignedInAsync(_platform, HdfModerator, Password);
        var page = await moderator.GetAsync($"/moderation/demandes/{id}");
        var stockReasons = page.Document.QuerySelectorAll("#StockReason option").Select(o => o.GetAttribute("value")).ToList();

        var refused = await moderator.SubmitAsync(page, "#refuse", new() { ["StockReason"] = "L'événement est payant." });
        var after = await moderator.FollowAsync(refused);

        Assert.Equal(
            ["", "L'événement n'a pas lieu pendant la période de l'édition.", "L'événement n'est pas ouvert au public.", "L'événement ne fait pas découvrir l'industrie, ses métiers ou ses formations.", "L'événement est payant.", "L'événement est déjà déclaré (doublon)."],
            stockReasons);
        Assert.Equal("Label refusé.", after.Document.QuerySelector(".fr-alert--success")!.TextContent.Trim());
        Assert.Equal("refusé", after.Document.QuerySelector("main .fr-badge")!.TextContent.Trim());
        Assert.Null(after.Document.QuerySelector("#refuse"));
        Assert.Equal([HdfModerator, "Label refusé", "L'événement est payant."], HistoryRows(after).Last().Skip(1));
        Assert.Equal(1, await _database.ScalarAsync("""SELECT COUNT(*) FROM labelling_outbox WHERE "Type" LIKE '%.LabelRefused,%'"""));
    }

    [Fact]
    public async Task Application_WhenRequestingChangesWithoutAComment_ShowsTheFrenchErrorUnderTheFieldAndChangesNothing()
    {
        var id = await SubmitAsync("Visite de l'usine de Valenciennes");
        using var moderator = await PageSession.SignedInAsync(_platform, HdfModerator, Password);
        var page = await moderator.GetAsync($"/moderation/demandes/{id}");

        var answer = await moderator.SubmitAsync(page, "#request-changes", new() { ["ChangesComment"] = "  " });

        Assert.Equal(HttpStatusCode.OK, answer.Response.StatusCode);
        Assert.Equal("Dites à l'organisateur ce qu'il doit modifier.", answer.FieldErrors["ChangesComment"]);
        Assert.Contains("Dites à l'organisateur ce qu'il doit modifier.", answer.Document.QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("à examiner", answer.Document.QuerySelector("main .fr-badge")!.TextContent.Trim());
        Assert.Single(HistoryRows(answer));
        Assert.Equal(0, await _database.ScalarAsync("""SELECT COUNT(*) FROM labelling_outbox WHERE "Type" LIKE '%.ChangesRequested,%'"""));

        var requested = await moderator.FollowAsync(await moderator.SubmitAsync(answer, "#request-changes", new() { ["ChangesComment"] = "Ajoutez une séance ouverte au grand public." }));

        Assert.Equal("Modifications demandées à l'organisateur.", requested.Document.QuerySelector(".fr-alert--success")!.TextContent.Trim());
        Assert.Equal("modifications demandées", requested.Document.QuerySelector("main .fr-badge")!.TextContent.Trim());
    }

    [Fact]
    public async Task Application_WhenAMandatoryCriterionFails_TheGrantButtonIsDisabledAndAPostIsRefusedInFrench()
    {
        var id = await SubmitAsync("Visite réservée au personnel", audiences: ["Employees"]);
        using var moderator = await PageSession.SignedInAsync(_platform, HdfModerator, Password);
        var page = await moderator.GetAsync($"/moderation/demandes/{id}");

        var forced = await moderator.SubmitAsync(page, "#grant");

        Assert.Equal("non rempli", page.Document.QuerySelector("[data-criterion=OpenToPublic] .fr-badge")!.TextContent.Trim());
        Assert.True(page.Document.QuerySelector<IHtmlButtonElement>("#grant button")!.IsDisabled);
        Assert.Equal("Un critère obligatoire n'est pas rempli : le label ne peut pas être attribué.", page.Document.QuerySelector("#grant .fr-error-text")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, forced.Response.StatusCode);
        Assert.Contains("Le label ne peut pas être attribué : « Ouvert au public » : Réservé aux salariés de l'organisation", forced.Document.QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("à examiner", forced.Document.QuerySelector("main .fr-badge")!.TextContent.Trim());
    }

    // ---- who gets in ----

    [Fact]
    public async Task Application_ForAnotherRegionsModerator_403AndNotInTheirQueue()
    {
        var id = await SubmitAsync("Visite de l'usine de Valenciennes");
        using var moderator = await PageSession.SignedInAsync(_platform, IdfModerator, Password);

        var page = await moderator.GetAsync($"/moderation/demandes/{id}");
        var queue = await moderator.GetAsync("/moderation");

        Assert.Equal(HttpStatusCode.Forbidden, page.Response.StatusCode);
        Assert.DoesNotContain("Valenciennes", page.Document.Body?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains("0 demande.", MainText(queue), StringComparison.Ordinal);
        Assert.Empty(queue.Document.QuerySelectorAll("#bulk tbody tr"));
    }

    [Fact]
    public async Task ModerationPages_ForAnOrganiser_AccessDenied()
    {
        var id = await SubmitAsync("Visite de l'usine de Valenciennes");
        using var organiser = await PageSession.SignedInAsync(_platform, Organiser, Password);

        var queue = await organiser.GetAsync("/moderation");
        var application = await organiser.GetAsync($"/moderation/demandes/{id}");
        var denied = await organiser.FollowAsync(queue);

        Assert.Equal(HttpStatusCode.Redirect, queue.Response.StatusCode);
        Assert.StartsWith("/acces-refuse", queue.Response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, application.Response.StatusCode);
        Assert.StartsWith("/acces-refuse", application.Response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("Accès refusé", denied.Document.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/moderation")]
    [InlineData("/moderation/demandes/0b8f5f5e-2f6c-4f7a-9a37-5a0b9e1f0c11")]
    public async Task ModerationPages_WhenAnonymous_RedirectToSignIn(string path)
    {
        using var anonymous = PageSession.Anonymous(_platform);

        var page = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, page.Response.StatusCode);
        Assert.Equal($"/connexion?ReturnUrl={Uri.EscapeDataString(path)}", page.Response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task Duplicates_TheQueueMarksThemTheApplicationListsThemAndOneClickRefusesWithTheStockReason()
    {
        // The same visit declared twice by the organisation (same place, same sessions), and another of its events.
        var first = await SubmitAsync("Visite de l'usine Martin et de ses ateliers", submittedAtUtc: _clock.GetUtcNow().UtcDateTime.AddHours(-2));
        var second = await SubmitAsync("VISITE USINE MARTIN");
        var other = await SubmitAsync("Conférence sur l'hydrogène vert");
        using var moderator = await PageSession.SignedInAsync(_platform, HdfModerator, Password);

        var queue = await moderator.GetAsync("/moderation");
        var marked = queue.Document.QuerySelectorAll("#bulk tbody tr")
            .Where(r => r.TextContent.Contains("Doublon possible", StringComparison.Ordinal))
            .Select(r => r.QuerySelector("td a")!.TextContent.Trim()).ToList();
        Assert.Contains("Visite de l'usine Martin et de ses ateliers", marked);
        Assert.Contains("VISITE USINE MARTIN", marked);
        Assert.DoesNotContain("Conférence sur l'hydrogène vert", marked);

        var page = await moderator.GetAsync($"/moderation/demandes/{second}");
        var duplicates = page.Document.QuerySelector("#duplicates")!;
        Assert.Equal("1 doublon possible", duplicates.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal($"/moderation/demandes/{first}", new Uri(new Uri("http://x"), duplicates.QuerySelector("li a")!.GetAttribute("href")!).AbsolutePath);
        Assert.Null((await moderator.GetAsync($"/moderation/demandes/{other}")).Document.QuerySelector("#duplicates"));

        // One click: refused with the stock reason and which event it repeats.
        var refused = await moderator.SubmitAsync(page, "#duplicates form", []);
        var after = await moderator.FollowAsync(refused);
        Assert.Equal("Label refusé.", after.Document.QuerySelector(".fr-alert--success")!.TextContent.Trim());
        Assert.Contains(
            "L'événement est déjà déclaré (doublon). Même événement que « Visite de l'usine Martin et de ses ateliers »",
            string.Join(" ", HistoryRows(after).Select(r => r[^1])),
            StringComparison.Ordinal);

        // A refused application no longer counts as a look-alike.
        Assert.Null((await moderator.GetAsync($"/moderation/demandes/{first}")).Document.QuerySelector("#duplicates"));
    }

    // ---- helpers ----

    private static string MainText(PageResult page) => page.Document.QuerySelector("main")!.TextContent;

    private static void Check(PageResult page, string checkbox) => page.Document.QuerySelector<IHtmlInputElement>(checkbox)!.IsChecked = true;

    /// <summary>The audit trail's rows: when, who, what, why.</summary>
    private static List<string[]> HistoryRows(PageResult page) =>
        [.. page.Document.QuerySelectorAll("#history tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())];

    private async Task<Guid> SubmitAsync(string title, string region = "32", bool isFree = true, string[]? audiences = null, DateTime? submittedAtUtc = null, EventLocation? place = null)
    {
        var sample = SampleEvents.FactoryVisit(title: title);
        var location = place ?? (region == "11"
            ? new EventLocation { Mode = LocationMode.OnSite, Street = "20 rue de la Boétie", PostalCode = "75008", City = "Paris", InseeCode = "75108", DepartmentCode = "75", RegionCode = "11", Latitude = 48.8727, Longitude = 2.3126 }
            : sample.Event.Location);
        var submitted = sample with
        {
            Event = sample.Event with { IsFree = isFree, Audiences = audiences ?? sample.Event.Audiences, Location = location },
            SubmittedAtUtc = submittedAtUtc ?? _clock.GetUtcNow().UtcDateTime,
        };
        await _platform.PublishAsync(submitted);
        return submitted.EventId;
    }

    /// <summary>The 2020 edition as Editions announces it: 16 – 22 November, Hauts-de-France from 9 to 29 November.</summary>
    private static EditionSnapshot Edition2020()
    {
        var week = new DatePeriod(new DateOnly(2020, 11, 16), new DateOnly(2020, 11, 22));
        return new EditionSnapshot
        {
            Id = SampleEvents.Edition2020,
            Number = 10,
            Year = 2020,
            Name = "Semaine de l'industrie 2020",
            Theme = "Inventer un avenir durable",
            ThemeDescription = "L'industrie au cœur de la transition écologique.",
            FocusTopics = [],
            Hashtag = "#SemaineIndustrie",
            Schedule = new EditionSchedule
            {
                HeadlineWeek = week,
                EventPeriod = week,
                RegionalPeriods = [new RegionalPeriod("32", new DateOnly(2020, 11, 9), new DateOnly(2020, 11, 29))],
                RegistrationCloses = new DateOnly(2020, 11, 6),
            },
            RegistrationOpens = new DateOnly(2019, 11, 1),
            MapVisibleFrom = new DateOnly(2019, 11, 1),
            Status = EditionStatus.Published,
        };
    }
}
