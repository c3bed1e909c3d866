using System.Net;
using System.Net.Http.Json;
using System.Text;
using AngleSharp.Dom;
using IndustryWeek.Editions.Contracts;
using IndustryWeek.Registration.Contracts;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Labelling;

/// <summary>
/// Issue 21, « An administrator's view of the edition »: /admin/editions/{id}/tableau-de-bord over two editions (2027,
/// then 2028 seen on Thursday 2 March 2028, 18 days before its week), each table's figures, its CSV file, and who may see it.
/// </summary>
public sealed class EditionDashboardTests
{
    private const string Password = "Mot-de-passe-2020";
    private const string Organiser = "organisatrice@usine-exemple.fr";
    private const string Moderator = "moderatrice@prefecture-hdf.fr";

    private static readonly Guid Edition2027 = Guid.Parse("2027aaaa-0000-0000-0000-000000000017");
    private static readonly Guid Edition2028 = Guid.Parse("2028aaaa-0000-0000-0000-000000000018");

    public static TheoryData<string> Providers() => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dashboard_OfAnEditionWithOneBefore_CountsEachTableComparesAtTheSameDayAndEachCsvIsItsTable(string provider)
    {
        await using var scene = await Scene.StartAsync(provider);
        await scene.PlayBothEditionsAsync();
        using var admin = await PageSession.SignedInAsync(scene.Platform);

        var page = await admin.GetAsync($"/admin/editions/{Edition2028}/tableau-de-bord");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Contains("La semaine commence le 20 mars 2028 : nous sommes à J-18", Text(page.Document.QuerySelector("main")!), StringComparison.Ordinal);
        Assert.Equal(["2 brouillons pas encore soumis", "7 demandes", "3 labels", "3 à examiner", "2 en retard (plus de 4 jours ouvrés)"], page.Document.QuerySelectorAll("#totals li").Select(Text));
        var statuses = Table(page, "statuts");
        Assert.Equal(["Statut", "Événements"], statuses[0]);
        Assert.Equal(["Brouillon (pas encore soumis)", "2"], statuses[1]);
        Assert.Contains(["À examiner", "3"], statuses);
        Assert.Contains(["Labellisé", "3"], statuses);
        Assert.Contains(["Refusé", "1"], statuses);
        Assert.Contains(["Modifications demandées", "0"], statuses);
        // The drafts: one in Hauts-de-France, one online; a third one submitted since (and a late older message about it) no longer counts.
        Assert.Equal([["Région", "Brouillons", "Demandes", "Labels"], ["Hauts-de-France", "1", "4", "2"], ["Île-de-France", "0", "3", "1"], ["En ligne", "1", "0", "0"]], Table(page, "regions"));
        Assert.Equal([["Format", "Brouillons", "Demandes", "Labels"], ["Visite d'entreprise", "1", "6", "2"], ["Job dating", "0", "1", "1"], ["Conférence, table ronde", "1", "0", "0"]], Table(page, "formats"));
        Assert.Contains(["Demandeurs d'emploi", "2", "7", "3"], Table(page, "publics"));
        Assert.Equal([["Région", "À examiner", "En retard"], ["Hauts-de-France", "2", "1"], ["Île-de-France", "1", "1"]], Table(page, "retards"));
        // Every day from the first label to the last, the 29th of February without one included.
        Assert.Equal([["Jour", "Labels"], ["lundi 28 février 2028", "2"], ["mardi 29 février 2028", "0"], ["mercredi 1er mars 2028", "1"]], Table(page, "labels-par-jour"));
        // 2027 at J-18 is the end of 4 March 2027: A labelled on the 1st and C refused on the 2nd count, B labelled on the 8th does not.
        Assert.Equal(
            [["Indicateur", "2028", "2027"], ["Demandes soumises", "7", "3"], ["Événements labellisés", "3", "1"], ["Demandes refusées", "1", "1"]],
            Table(page, "comparaison"));
        Assert.Null(page.Document.QuerySelector("#no-previous"));

        // Each chart is drawn by the server, one bar per non-zero figure, and described for screen readers.
        var regions = page.Document.QuerySelector("#tableau-regions svg")!;
        Assert.Equal("img", regions.GetAttribute("role"));
        Assert.Equal(6, regions.QuerySelectorAll("rect").Length);
        Assert.Contains("Brouillons : 2 au total ; Demandes : 7 au total ; Labels : 3 au total", regions.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("main script"));

        foreach (var link in page.Document.QuerySelectorAll("main a[href$='.csv']").Select(a => a.GetAttribute("href")!))
        {
            var slug = link[(link.LastIndexOf('/') + 1)..^4];
            var response = (await admin.GetAsync(link)).Response;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal($"tableau-de-bord-2028-{slug}.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
            var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(Table(page, slug).Select(cells => string.Join(';', cells)), lines);
        }

        Assert.Equal(7, page.Document.QuerySelectorAll("main a[href$='.csv']").Length);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dashboard_OfTheFirstEdition_SaysThereIsNothingToCompareWith(string provider)
    {
        await using var scene = await Scene.StartAsync(provider);
        await scene.PlayBothEditionsAsync();
        using var admin = await PageSession.SignedInAsync(scene.Platform);

        var page = await admin.GetAsync($"/admin/editions/{Edition2027}/tableau-de-bord");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("Il n'y a pas d'édition précédente : aucune comparaison n'est possible. Voici les chiffres de cette édition à ce jour.", Text(page.Document.QuerySelector("#no-previous")!));
        Assert.Equal([["Indicateur", "2027"], ["Demandes soumises", "3"], ["Événements labellisés", "2"], ["Demandes refusées", "1"]], Table(page, "comparaison"));
        Assert.Equal("Aucune demande n'attend de décision.", Text(page.Document.QuerySelector("#no-backlog")!));
    }

    [Fact]
    public async Task Dashboard_ForAnyoneButAnAdministrator_IsRefusedAndAnUnknownEditionOrTableIsNotFound()
    {
        await using var scene = await Scene.StartAsync("Sqlite");
        await scene.PlayBothEditionsAsync();
        var path = $"/admin/editions/{Edition2028}/tableau-de-bord";
        using var anonymous = PageSession.Anonymous(scene.Platform);
        using var organiser = await PageSession.SignedInAsync(scene.Platform, Organiser, Password);
        using var moderator = await PageSession.SignedInAsync(scene.Platform, Moderator, Password);
        using var admin = await PageSession.SignedInAsync(scene.Platform);

        foreach (var target in new[] { path, path + "/regions.csv" })
        {
            var signIn = await anonymous.GetAsync(target);
            Assert.Equal(HttpStatusCode.Redirect, signIn.Response.StatusCode);
            Assert.Equal("/connexion", signIn.Response.Headers.Location!.AbsolutePath);
            foreach (var session in new[] { organiser, moderator })
            {
                var refused = await session.FollowAsync(await session.GetAsync(target));
                Assert.Equal(HttpStatusCode.Forbidden, refused.Response.StatusCode);
                Assert.Contains("Accès refusé", refused.Document.Title, StringComparison.Ordinal);
            }
        }

        // Pages of an edition or a table that does not exist: the French 404 page.
        foreach (var unknown in new[] { $"/admin/editions/{Guid.NewGuid()}/tableau-de-bord", $"/admin/editions/{Guid.NewGuid()}/tableau-de-bord/regions.csv", path + "/inconnue.csv" })
        {
            var notFound = await admin.GetAsync(unknown);
            Assert.True(notFound.Response.StatusCode == HttpStatusCode.NotFound && notFound.Document.Title!.Contains("Page introuvable", StringComparison.Ordinal),
                $"{unknown}: {(int)notFound.Response.StatusCode} « {notFound.Document.Title} »");
        }

        // Hostile ids and names match no route (a GUID is required, a table is one of the dashboard's): not found, nothing read.
        foreach (var hostile in new[] { "/admin/editions/%3Cscript%3E/tableau-de-bord", "/admin/editions/1%20OR%201=1/tableau-de-bord", path + "/..%2f..%2fappsettings.csv" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(hostile)).Response.StatusCode);
        }
    }

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A table of the page, header first, each line's cells as people read them.</summary>
    private static List<List<string>> Table(PageResult page, string slug) =>
        [.. page.Document.QuerySelectorAll($"#tableau-{slug}-table tr").Select(r => r.QuerySelectorAll("th, td").Select(Text).ToList())];

    /// <summary>The host on a database of its own with a clock moved forward through 2027 and 2028, the outbox dispatched by hand.</summary>
    private sealed class Scene : IAsyncDisposable
    {
        private Scene(TestDatabase database, PlatformFactory platform, TestClock clock)
        {
            Database = database;
            Platform = platform;
            Clock = clock;
        }

        public TestDatabase Database { get; }

        public PlatformFactory Platform { get; }

        public TestClock Clock { get; }

        public static async Task<Scene> StartAsync(string provider)
        {
            var database = await TestDatabase.CreateAsync(provider);
            var clock = new TestClock();
            var scene = new Scene(database, new PlatformFactory(database, new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false" }) { Clock = clock }, clock);
            await scene.Platform.CreateUserAsync(Organiser, Password, [PlatformRoles.Organiser]);
            await scene.Platform.CreateUserAsync(Moderator, Password, [PlatformRoles.Moderator], ["32"]);
            return scene;
        }

        /// <summary>
        /// 2027 (week from Monday 22 March): A, B, C submitted in February; A labelled on 1 March, C refused on the 2nd, B
        /// labelled on the 8th. 2028 (week from Monday 20 March), seen on Thursday 2 March: D and E labelled on 28 February, F
        /// on 1 March, J refused that day; G and I waiting for weeks, H submitted that morning.
        /// </summary>
        public async Task PlayBothEditionsAsync()
        {
            await Platform.PublishAsync(new EditionPublished { Edition = Edition(Edition2027, 2027, new DateOnly(2027, 3, 22)), OccurredAtUtc = Clock.GetUtcNow().UtcDateTime });
            await Platform.PublishAsync(new EditionPublished { Edition = Edition(Edition2028, 2028, new DateOnly(2028, 3, 20)), OccurredAtUtc = Clock.GetUtcNow().UtcDateTime });

            var a = await SubmitAsync(2027, "32", new DateTime(2027, 2, 20, 9, 0, 0, DateTimeKind.Utc));
            var b = await SubmitAsync(2027, "11", new DateTime(2027, 2, 21, 9, 0, 0, DateTimeKind.Utc));
            var c = await SubmitAsync(2027, "32", new DateTime(2027, 2, 22, 9, 0, 0, DateTimeKind.Utc));
            await DecideAsync(new DateTime(2027, 3, 1, 10, 0, 0, DateTimeKind.Utc), a, "grant");
            await DecideAsync(new DateTime(2027, 3, 2, 10, 0, 0, DateTimeKind.Utc), c, "refuse");
            await DecideAsync(new DateTime(2027, 3, 8, 10, 0, 0, DateTimeKind.Utc), b, "grant");

            var d = await SubmitAsync(2028, "32", new DateTime(2028, 2, 1, 9, 0, 0, DateTimeKind.Utc));
            var e = await SubmitAsync(2028, "11", new DateTime(2028, 2, 10, 9, 0, 0, DateTimeKind.Utc), format: "JobDating");
            var f = await SubmitAsync(2028, "32", new DateTime(2028, 2, 12, 9, 0, 0, DateTimeKind.Utc));
            await SubmitAsync(2028, "32", new DateTime(2028, 2, 15, 9, 0, 0, DateTimeKind.Utc));
            await SubmitAsync(2028, "11", new DateTime(2028, 2, 20, 9, 0, 0, DateTimeKind.Utc));
            var j = await SubmitAsync(2028, "11", new DateTime(2028, 2, 21, 9, 0, 0, DateTimeKind.Utc));
            await DecideAsync(new DateTime(2028, 2, 28, 10, 0, 0, DateTimeKind.Utc), d, "grant");
            await DecideAsync(new DateTime(2028, 2, 28, 11, 0, 0, DateTimeKind.Utc), e, "grant");
            await DecideAsync(new DateTime(2028, 3, 1, 10, 0, 0, DateTimeKind.Utc), f, "grant");
            await DecideAsync(new DateTime(2028, 3, 1, 11, 0, 0, DateTimeKind.Utc), j, "refuse");
            Clock.MoveTo(new DateTime(2028, 3, 2, 12, 0, 0, DateTimeKind.Utc));
            await SubmitAsync(2028, "32", new DateTime(2028, 3, 2, 8, 0, 0, DateTimeKind.Utc));

            // Drafts of 2028, as Registration announces them: one in Hauts-de-France, one online (a conference), and one
            // submitted since, whose older message comes late.
            await Platform.PublishAsync(Draft(Guid.NewGuid(), "32", "CompanyVisit", revision: 1, isDraft: true));
            await Platform.PublishAsync(Draft(Guid.NewGuid(), null, "Conference", revision: 3, isDraft: true));
            var submitted = Guid.NewGuid();
            await Platform.PublishAsync(Draft(submitted, "11", "CompanyVisit", revision: 2, isDraft: false));
            await Platform.PublishAsync(Draft(submitted, "11", "CompanyVisit", revision: 1, isDraft: true));
        }

        private DraftChanged Draft(Guid id, string? region, string format, int revision, bool isDraft) => new()
        {
            EventId = id,
            EditionId = Edition2028,
            IsDraft = isDraft,
            RegionCode = region,
            Format = format,
            Audiences = ["Pupils", "JobSeekers"],
            Revision = revision,
            ChangedAtUtc = Clock.GetUtcNow().UtcDateTime,
        };

        public async ValueTask DisposeAsync()
        {
            await Platform.DisposeAsync();
            await Database.DisposeAsync();
        }

        /// <summary>The administrator's decision at <paramref name="atUtc"/>, signed in then (a token from before the clock moved has expired).</summary>
        private async Task DecideAsync(DateTime atUtc, Guid id, string decision)
        {
            Clock.MoveTo(atUtc);
            using var admin = await Platform.SignedInClientAsync();
            var body = decision == "grant" ? (object)new { } : new { reason = "Hors des critères." };
            (await admin.PostAsJsonAsync($"/api/labelling/applications/{id}/{decision}", body)).EnsureSuccessStatusCode();
        }

        /// <summary>A company visit (or <paramref name="format"/>) in the region on the edition's Tuesday, as Registration's outbox delivers it.</summary>
        private async Task<Guid> SubmitAsync(int year, string region, DateTime submittedAtUtc, string format = "CompanyVisit")
        {
            var sample = SampleEvents.FactoryVisit(regionCode: region);
            var tuesday = year == 2027 ? new DateTime(2027, 3, 23, 9, 0, 0) : new DateTime(2028, 3, 21, 9, 0, 0);
            var submitted = sample with
            {
                EditionId = year == 2027 ? Edition2027 : Edition2028,
                EditionYear = year,
                Event = sample.Event with { Format = format, Sessions = [new EventSession(tuesday, tuesday.AddHours(3))] },
                SubmittedAtUtc = submittedAtUtc,
            };
            await Platform.PublishAsync(submitted);
            return submitted.EventId;
        }

        private static EditionSnapshot Edition(Guid id, int year, DateOnly weekStart)
        {
            var week = new DatePeriod(weekStart, weekStart.AddDays(6));
            return new EditionSnapshot
            {
                Id = id,
                Number = year - 2010,
                Year = year,
                Name = $"Semaine de l'industrie {year}",
                Theme = "Inventer un avenir durable",
                ThemeDescription = "",
                FocusTopics = [],
                Hashtag = "#SemaineIndustrie",
                Schedule = new EditionSchedule { HeadlineWeek = week, EventPeriod = week, RegionalPeriods = [], RegistrationCloses = weekStart.AddDays(-7) },
                RegistrationOpens = weekStart.AddMonths(-4),
                MapVisibleFrom = weekStart.AddMonths(-4),
                Status = EditionStatus.Published,
            };
        }
    }
}
