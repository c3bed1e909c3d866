using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using IndustryWeek.Host.Tests.CommunicationKit;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Operations;

/// <summary>
/// The operators' pages used without JavaScript, on a real run: labels granted through the API, their kit and
/// pin jobs found from /ops and followed to their pages on the Hangfire dashboard, the recurring jobs paused
/// with a reason, the modules' outbox, the journal; administrators read, operators act.
/// </summary>
public sealed class OperationsPagesTests
{
    private const string OperatorEmail = "exploitation@semaine-industrie.local";
    private const string DirectorEmail = "direction@semaine-industrie.local";
    private const string Title = "Visite de l'usine de Valenciennes";
    private const string CorrelationId = "demande-ops-42";

    [Fact]
    public async Task Search_ForAGrantedEventByLabelNumberEventIdOrCorrelationId_ListsItsKitAndPinJobsEachLinkedToItsHangfirePage()
    {
        await using var scene = await OpsScene.StartAsync();
        var followed = await scene.SubmittedAsync(Title);
        var other = await scene.SubmittedAsync("Atelier soudure");
        (await scene.GrantAsync(followed.EventId, CorrelationId)).Dispose();
        (await scene.GrantAsync(other.EventId)).Dispose();
        var kit = await scene.WaitForJobOfAsync(followed.EventId, OpsScene.KitJobs, "Succeeded");
        var pin = await scene.WaitForJobOfAsync(followed.EventId, OpsScene.PinJobs, "Succeeded");
        await scene.WaitForJobOfAsync(other.EventId, OpsScene.KitJobs, "Succeeded");
        await scene.WaitForJobOfAsync(other.EventId, OpsScene.PinJobs, "Succeeded");
        const string LabelNumber = "SDI-2020-000001";
        var expected = new[]
        {
            (OpsScene.KitJobs, $"/hangfire/jobs/details/{kit.GetProperty("hangfireJobId").GetString()}", $"Envoi du kit – {Title} ({LabelNumber})"),
            (OpsScene.PinJobs, $"/hangfire/jobs/details/{pin.GetProperty("hangfireJobId").GetString()}", $"Publication sur la carte – {Title} ({LabelNumber})"),
        };
        using var @operator = await PageSession.SignedInAsync(scene.Platform, OpsScene.OperatorEmail, OpsScene.Password);

        // The label number (typed in lower case), the event's id as copied with its dashes, the request's correlation id:
        // each finds the event's kit mail and pin, not the other event's, each linked to its page on the dashboard;
        // the event's id also finds the mail that told the organiser the submission was received (its key has the id).
        foreach (var (search, receivedMail) in new[] { (LabelNumber.ToLowerInvariant(), 0), (followed.EventId.ToString(), 1), (CorrelationId, 0) })
        {
            var page = await @operator.GetAsync($"/ops?recherche={Uri.EscapeDataString(search)}");
            Assert.True(page.Response.StatusCode == HttpStatusCode.OK, $"{search}: {(int)page.Response.StatusCode}");
            Assert.Equal(search, page.Document.QuerySelector<IHtmlInputElement>("#recherche")!.Value);
            Assert.Equal($"{2 + receivedMail} tâches trouvées", Text(page, "#found-count"));
            var rows = Rows(page, "#found").Select(r => (Type: r.QuerySelector("code")!.TextContent, Link: r.QuerySelector("a")?.GetAttribute("href") ?? "(no link)", Cells: Cells(r))).ToList();
            Assert.Equal(receivedMail, rows.Count(r => r.Type == "communication-kit.decision-mail"));
            var found = rows.Where(r => r.Type != "communication-kit.decision-mail").ToList();
            Assert.Equal(expected.Select(e => (e.Item1, e.Item2)), found.Select(f => (f.Type, f.Link)).Order());
            Assert.All(found, f => Assert.Equal([$"{Title} ({LabelNumber})", "réussie", "1"], f.Cells[1..4]));
            Assert.All(found, f => Assert.Matches(@"^\d{1,2}(er)? \p{L}+ \d{4} à \d{1,2} h \d{2}$", f.Cells[4])); // Paris time
        }

        // Each link opens the job's page on the dashboard, in French, titled with what it is about.
        foreach (var (_, link, title) in expected)
        {
            var hangfire = await @operator.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, hangfire.Response.StatusCode);
            Assert.Equal("fr", hangfire.Document.DocumentElement.GetAttribute("lang"));
            Assert.Equal(title, Text(hangfire, "h1"));
        }

        // A job's lasting link (the journal's) leads to its dashboard page; the former list's search to /ops.
        var lasting = await @operator.GetAsync($"/ops/taches/{OpsScene.Id(kit)}");
        Assert.Equal(HttpStatusCode.Redirect, lasting.Response.StatusCode);
        Assert.Equal(expected[0].Item2, Where(lasting.Response));
        var oldSearch = await @operator.GetAsync($"/ops/taches?recherche={CorrelationId}");
        Assert.Equal(HttpStatusCode.Redirect, oldSearch.Response.StatusCode);
        Assert.Equal($"/ops?recherche={CorrelationId}", Where(oldSearch.Response));
        Assert.Equal("2 tâches trouvées", Text(await @operator.FollowAsync(oldSearch), "#found-count"));

        // Nothing matches: said so, no table.
        var none = await @operator.GetAsync("/ops?recherche=SDI-2020-999999");
        Assert.Equal("0 tâche trouvée", Text(none, "#found-count"));
        Assert.Null(none.Document.QuerySelector("#found"));
    }

    [Fact]
    public async Task Dashboard_WithAnOverLongSearchOrAnUnknownJobLink_SaysSoInFrenchAndLeadsToTheHangfireDashboard()
    {
        await using var scene = await KitScene.StartAsync();
        using var @operator = await OperatorAsync(scene);

        var dashboard = await @operator.GetAsync("/ops");
        var tooLong = await @operator.GetAsync($"/ops?recherche={new string('a', 201)}");
        var longest = await @operator.GetAsync($"/ops?recherche={new string('a', 200)}");
        var unknown = await @operator.GetAsync("/ops/taches/999999");

        // /ops leads to the dashboard: its link, the operators' menu, the failed jobs.
        Assert.Equal(HttpStatusCode.OK, dashboard.Response.StatusCode);
        Assert.Equal("/hangfire", dashboard.Document.QuerySelector("#hangfire-link")!.GetAttribute("href"));
        Assert.Equal("Tâches (Hangfire)", Text(dashboard, "#ops-nav a[href='/hangfire']"));
        Assert.NotNull(dashboard.Document.QuerySelector("main a[href='/hangfire/jobs/failed']"));
        Assert.Null(dashboard.Document.QuerySelector("#found-count")); // nothing searched, nothing listed
        Assert.Null(dashboard.Document.QuerySelector("#read-only"));
        Assert.Equal(HttpStatusCode.OK, (await @operator.GetAsync("/hangfire")).Response.StatusCode);

        // 201 characters: the French message under the field, the page as usual around it.
        Assert.Equal(HttpStatusCode.OK, tooLong.Response.StatusCode);
        Assert.Equal("La recherche fait au plus 200 caractères.", tooLong.FieldErrors["recherche"]);
        Assert.Equal("recherche-error", tooLong.Document.QuerySelector("#recherche")!.GetAttribute("aria-describedby"));
        Assert.Null(tooLong.Document.QuerySelector("#found-count"));
        Assert.Equal("0", Text(tooLong, "#counter-outbox-failed .ops-counter__count"));
        Assert.Equal(HttpStatusCode.OK, longest.Response.StatusCode);
        Assert.Empty(longest.FieldErrors);
        Assert.Equal("0 tâche trouvée", Text(longest, "#found-count"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.Response.StatusCode);
    }

    [Fact]
    public async Task RecurringJobs_PausedWithoutThenWithAReason_RefusedInFrenchThenPausedShownJournaledAndResumed()
    {
        await using var scene = await KitScene.StartAsync();
        using var @operator = await OperatorAsync(scene);
        const string Reason = "Maintenance de la base des éditions";

        var page = await @operator.GetAsync("/ops/recurrentes");
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        var rows = Rows(page, "#recurring").Select(Cells).ToList();
        Assert.Equal(["editions.close-registrations", "labelling.moderator-digest", "registration.participation-reminders"], rows.Select(r => r[0]));
        Assert.Equal("5 0 * * * ? (Europe/Paris) toutes les heures à hh:00:05", rows[0][1]);
        Assert.Equal("0 0 8 ? * MON-FRI (Europe/Paris) du lundi au vendredi à 8 h 00", rows[1][1]);
        Assert.Equal("0 0 9 * * ? (Europe/Paris) chaque jour à 9 h 00", rows[2][1]);
        Assert.Matches(@"^\d{1,2}(er)? \p{L}+ \d{4} à \d{1,2} h 00$", rows[0][2]);
        Assert.Equal("non", rows[0][6]);
        Assert.Equal("/hangfire/recurring", page.Document.QuerySelector("#recurring-0 a")!.GetAttribute("href")); // its runs, on the dashboard

        // No reason: the French error under the field, and the job still runs on schedule.
        var refused = await @operator.SubmitAsync(page, "#pause-0", new() { ["Reason"] = "  " });
        Assert.Equal(HttpStatusCode.OK, refused.Response.StatusCode);
        Assert.Equal("Indiquez pourquoi la tâche est mise en pause.", refused.FieldErrors["reason-0"]);
        Assert.Contains("Indiquez pourquoi la tâche est mise en pause.", Text(refused, "#erreurs"), StringComparison.Ordinal);
        Assert.Equal("#reason-0", refused.Document.QuerySelector("#erreurs a")!.GetAttribute("href"));
        var unchanged = await @operator.GetAsync("/ops/recurrentes");
        Assert.Equal("non", Cells(Rows(unchanged, "#recurring")[0])[6]);
        Assert.Equal("0 action", Text(await @operator.GetAsync("/ops/journal"), "#count"));

        // With a reason: paused, by whom and why, no next run; the journal says so.
        var paused = await @operator.SubmitAsync(unchanged, "#pause-0", new() { ["Reason"] = Reason });
        Assert.Equal(HttpStatusCode.Redirect, paused.Response.StatusCode);
        var afterPause = await @operator.FollowAsync(paused);
        Assert.Equal("« editions.close-registrations » est en pause : elle ne s'exécutera plus avant d'être reprise.", Text(afterPause, "#done"));
        var pausedRow = Cells(Rows(afterPause, "#recurring")[0]);
        Assert.Equal("—", pausedRow[2]);
        Assert.StartsWith($"En pause « {Reason} » par {OperatorEmail}, depuis le ", pausedRow[6], StringComparison.Ordinal);
        Assert.NotNull(afterPause.Document.QuerySelector("#resume-0"));
        Assert.Null(afterPause.Document.QuerySelector("#pause-0"));
        Assert.Equal("En pause", afterPause.Document.QuerySelector("#recurring-0 .ops-pause .fr-badge")?.TextContent.Trim());
        var journal = await @operator.GetAsync("/ops/journal");
        Assert.Equal([OperatorEmail, "Mise en pause d'une tâche récurrente", "editions.close-registrations", Reason], Cells(Assert.Single(Rows(journal, "#journal")))[1..]);

        // Resumed, then run once now.
        var resumed = await @operator.FollowAsync(await @operator.SubmitAsync(afterPause, "#resume-0"));
        Assert.Equal("« editions.close-registrations » a repris : elle s'exécute de nouveau selon sa planification.", Text(resumed, "#done"));
        Assert.Equal("non", Cells(Rows(resumed, "#recurring")[0])[6]);
        var triggered = await @operator.FollowAsync(await @operator.SubmitAsync(resumed, "#trigger-0"));
        Assert.Equal("« editions.close-registrations » s'exécute maintenant.", Text(triggered, "#done"));
        var ran = await WaitForPageAsync(@operator, "/ops/recurrentes", p => Cells(Rows(p, "#recurring")[0])[4] == "réussie", "the triggered run succeeded");
        Assert.NotEqual("jamais", Cells(Rows(ran, "#recurring")[0])[3]);
        var actions = Rows(await @operator.GetAsync("/ops/journal"), "#journal").Select(r => Cells(r)[2]).ToList();
        Assert.Equal(["Exécution immédiate d'une tâche récurrente", "Reprise d'une tâche récurrente", "Mise en pause d'une tâche récurrente"], actions);
    }

    [Fact]
    public async Task Journal_OverSeveralPages_ShowsTheAskedPageWithLinksToTheOthers()
    {
        await using var scene = await KitScene.StartAsync();
        using var @operator = await OperatorAsync(scene);
        using var api = await scene.Platform.SignedInClientAsync(OperatorEmail, KitScene.Password);
        for (var i = 1; i <= 26; i++)
        {
            var reason = string.Create(CultureInfo.InvariantCulture, $"Essai {i}");
            (await api.PostAsJsonAsync("/api/ops/recurring/editions.close-registrations/pause", new { reason })).EnsureSuccessStatusCode();
            if (i < 26)
            {
                (await api.PostAsJsonAsync("/api/ops/recurring/editions.close-registrations/resume", new { })).EnsureSuccessStatusCode();
            }
        }

        var first = await @operator.GetAsync("/ops/journal");
        var second = await @operator.GetAsync("/ops/journal?page=2");

        Assert.Equal("51 actions", Text(first, "#count"));
        Assert.Equal(50, Rows(first, "#journal").Count);
        Assert.Equal("Essai 26", Cells(Rows(first, "#journal")[0])[4]); // newest first
        Assert.Equal(["1", "2"], first.Document.QuerySelectorAll("#pagination a[title]").Select(a => a.TextContent));
        Assert.Equal("1", first.Document.QuerySelector("#pagination a[aria-current=page]")!.TextContent);
        Assert.Equal("/ops/journal?page=2", first.Document.QuerySelector("#pagination .fr-pagination__link--next")!.GetAttribute("href"));
        var only = Cells(Assert.Single(Rows(second, "#journal")));
        Assert.Equal(["Mise en pause d'une tâche récurrente", "editions.close-registrations", "Essai 1"], only[2..]);
        Assert.Equal("2", second.Document.QuerySelector("#pagination a[aria-current=page]")!.TextContent);
        Assert.Equal("/ops/journal", second.Document.QuerySelector("#pagination .fr-pagination__link--prev")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Outbox_ShowsTheMessagesWaitingLinksTheirRequestsJobsAndAFailedMessageIsRetried()
    {
        await using var scene = await KitScene.StartAsync();
        using var organiser = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        using var @operator = await OperatorAsync(scene);
        var eventId = await scene.SubmittedEventAsync(organiser);
        await scene.GrantAsync(eventId); // LabelGranted and CriteriaChecked wait in Labelling's outbox: this test dispatches by hand

        var pending = await @operator.GetAsync("/ops/outbox");

        Assert.Equal(HttpStatusCode.OK, pending.Response.StatusCode);
        Assert.Equal("2 messages en attente", Text(pending, "#count"));
        var message = Cells(Assert.Single(Rows(pending, "#messages"), r => Cells(r)[1] == "LabelGranted"));
        Assert.Equal("Labelling", message[0]);
        Assert.Matches(@"^\d{1,2}(er)? \p{L}+ \d{4} à \d{1,2} h \d{2}$", message[2]);
        Assert.Equal(["0", message[2], "—", "—"], message[3..7]);
        Assert.Empty(pending.Document.QuerySelectorAll("#messages form")); // only failed messages are retried

        // The message's correlation id leads to the jobs of the same request, searched on /ops.
        var correlation = pending.Document.QuerySelectorAll("#messages tbody tr").First(r => Cells(r)[1] == "LabelGranted").QuerySelector("a")!;
        Assert.Equal($"/ops/taches?recherche={correlation.TextContent}", correlation.GetAttribute("href"));
        var followed = await @operator.GetAsync(correlation.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.Redirect, followed.Response.StatusCode);
        var search = await @operator.FollowAsync(followed);
        Assert.Equal($"/ops?recherche={correlation.TextContent}", search.Path);
        Assert.Equal(correlation.TextContent, search.Document.QuerySelector<IHtmlInputElement>("#recherche")!.Value);
        Assert.Equal("0 tâche trouvée", Text(search, "#found-count")); // not dispatched yet: no job so far

        // The dispatcher gave up on LabelGranted (as after its last attempt): the operator gives it a new round.
        var failedAt = DateTime.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        await scene.Database.ExecuteAsync($"""
            UPDATE labelling_outbox SET "FailedAtUtc" = '{failedAt}', "Attempts" = 10,
                "LastError" = 'System.TimeoutException: Le serveur de la carte ne répond pas.
               at IndustryWeek.Map.Integration.LabelNotificationsHandler.Handle()'
            WHERE "Type" LIKE '%LabelGranted%'
            """);
        var failed = await @operator.GetAsync("/ops/outbox?etat=Failed");
        var dashboard = await @operator.GetAsync("/ops");

        Assert.Equal("1 message en échec", Text(failed, "#count"));
        var failedRow = Cells(Assert.Single(Rows(failed, "#messages")));
        Assert.Equal(["Labelling", "LabelGranted"], failedRow[..2]);
        Assert.Equal(["10", "—"], failedRow[3..5]);
        Assert.Equal("System.TimeoutException: Le serveur de la carte ne répond pas.", Normalise(failed.Document.QuerySelector("#messages details summary")!.TextContent));
        Assert.Contains("at IndustryWeek.Map.Integration.LabelNotificationsHandler.Handle()", failed.Document.QuerySelector("#messages details pre")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", Text(dashboard, "#counter-outbox-pending .ops-counter__count"));
        Assert.Equal("1", Text(dashboard, "#counter-outbox-failed .ops-counter__count"));
        Assert.Equal("/ops/outbox?etat=Failed", dashboard.Document.QuerySelector("#counter-outbox-failed a")!.GetAttribute("href"));

        var retried = await @operator.SubmitAsync(failed, "#messages form");
        Assert.Equal(HttpStatusCode.Redirect, retried.Response.StatusCode);
        var afterRetry = await @operator.FollowAsync(retried);
        Assert.Equal("Le message LabelGranted (Labelling) a une nouvelle série de tentatives, à partir de maintenant.", Text(afterRetry, "#done"));
        Assert.Equal("0 message en échec", Text(afterRetry, "#count"));
        Assert.Equal("2 messages en attente", Text(await @operator.GetAsync("/ops/outbox"), "#count"));
        await scene.DispatchAsync();
        var published = await @operator.GetAsync("/ops/outbox?etat=Pending"); // what the modules made of it may wait there, not LabelGranted
        Assert.DoesNotContain(Rows(published, "#messages"), r => Cells(r)[1] == "LabelGranted");
        var journal = Cells(Assert.Single(Rows(await @operator.GetAsync("/ops/journal"), "#journal")));
        Assert.Equal(OperatorEmail, journal[1]);
        Assert.Equal("Nouvelle série de tentatives d'un message", journal[2]);
        Assert.Matches(@"^Labelling message \d+ \(LabelGranted\)$", journal[3]);

        // Published now: the same request's kit mail and pin are scheduled, and its search finds them.
        var jobs = await @operator.GetAsync(search.Path);
        Assert.Equal([KitScene.DeliverJobs, "map.publish-pin"], Rows(jobs, "#found").Select(r => r.QuerySelector("code")!.TextContent).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Pages_ForAnAdministratorWithoutTheOperatorRole_AreReadOnlyAndRefuseActionsAndOthersAreTurnedAway()
    {
        await using var scene = await KitScene.StartAsync();
        using var organiser = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        var eventId = await scene.LabelledEventAsync(organiser);
        JobSummary? kit = null;
        await Eventually.WaitAsync(
            async () => (kit = await BackgroundJobRuns.FindAsync(scene.Platform, KitScene.DeliverJobs, $"{eventId:N}-label-v1")) is { State: JobState.Succeeded },
            "the kit job has run");
        await scene.Platform.CreateUserAsync(DirectorEmail, KitScene.Password, [PlatformRoles.Administrator]);
        using var director = await PageSession.SignedInAsync(scene.Platform, DirectorEmail, KitScene.Password);
        using var moderatorClient = await scene.ModeratorAsync();
        using var moderator = await PageSession.SignedInAsync(scene.Platform, KitScene.ModeratorEmail, KitScene.Password);
        using var organiserPages = await PageSession.SignedInAsync(scene.Platform, "a@usine-a.fr", KitScene.Password);
        using var anonymous = PageSession.Anonymous(scene.Platform);
        var hangfirePage = $"/hangfire/jobs/details/{kit!.HangfireJobId}";
        string[] pages = ["/ops", $"/ops?recherche={scene.LabelNumber()}", "/ops/recurrentes", "/ops/outbox", "/ops/outbox?etat=Failed", "/ops/journal"];

        // The administrator reads everything, with no action.
        foreach (var path in pages)
        {
            var page = await director.GetAsync(path);
            Assert.True(page.Response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)page.Response.StatusCode}");
            Assert.Equal("Lecture seule : les actions sont réservées aux opérateurs.", Text(page, "#read-only"));
            Assert.Empty(page.Document.QuerySelectorAll("main form[method=post]").Select(f => $"{path}: form {f.Id}"));
        }

        // The jobs too: found from /ops, and on the dashboard.
        var found = await director.GetAsync($"/ops?recherche={scene.LabelNumber()}");
        var kitRow = Assert.Single(Rows(found, "#found"), r => r.QuerySelector("code")!.TextContent == KitScene.DeliverJobs);
        Assert.Equal(hangfirePage, kitRow.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal($"{Title} ({scene.LabelNumber()})", Cells(kitRow)[1]);
        var link = await director.GetAsync($"/ops/taches/{kit.Id}");
        Assert.Equal(hangfirePage, Where(link.Response));
        var onDashboard = await director.GetAsync(hangfirePage);
        Assert.Equal(HttpStatusCode.OK, onDashboard.Response.StatusCode);
        Assert.Equal($"Envoi du kit – {Title} ({scene.LabelNumber()})", Text(onDashboard, "h1"));
        Assert.Empty(onDashboard.Document.QuerySelectorAll("[data-ajax]")); // no « Remettre en file d'attente », no « Supprimer »

        // A crafted POST (with the administrator's own anti-forgery token) is refused, and changes nothing.
        foreach (var (path, handler) in new[]
        {
            ("/ops/recurrentes?name=editions.close-registrations", "Pause"), ("/ops/recurrentes?name=editions.close-registrations", "Trigger"),
            ("/ops/recurrentes?name=editions.close-registrations", "Resume"), ("/ops/outbox?module=labelling&id=1&etat=Failed", "Retry"),
        })
        {
            var page = await director.GetAsync("/ops");
            var form = page.Document.QuerySelector<IHtmlFormElement>("header form")!; // sign-out form: its token
            form.SetAttribute("action", $"{path}&handler={handler}");
            var posted = await director.SubmitAsync(page, "header form", new() { ["Reason"] = "Essai" });
            Assert.True(posted.Response.StatusCode == HttpStatusCode.Forbidden, $"{handler}: {(int)posted.Response.StatusCode}");
        }

        Assert.Equal("non", Cells(Rows(await director.GetAsync("/ops/recurrentes"), "#recurring")[0])[6]);
        Assert.Equal("0 action", Text(await director.GetAsync("/ops/journal"), "#count"));

        // Organisers and moderators are turned away; visitors are asked to sign in.
        foreach (var path in pages.Append($"/ops/taches/{kit.Id}").Append("/hangfire").Append(hangfirePage))
        {
            foreach (var session in new[] { organiserPages, moderator })
            {
                var page = await session.GetAsync(path);
                Assert.True(page.Response.StatusCode == HttpStatusCode.Redirect, $"{path}: {(int)page.Response.StatusCode}");
                Assert.StartsWith("/acces-refuse", Where(page.Response), StringComparison.Ordinal);
                Assert.DoesNotContain(scene.LabelNumber(), page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
            }

            var asAnonymous = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, asAnonymous.Response.StatusCode);
            Assert.StartsWith("/connexion", Where(asAnonymous.Response), StringComparison.Ordinal);
        }

        Assert.Null((await organiserPages.GetAsync("/mon-espace")).Document.QuerySelector("header a[href='/ops']"));
        Assert.Equal("Exploitation", (await director.GetAsync("/ops")).Document.QuerySelector("header .fr-nav__link[href='/ops']")?.TextContent);
    }

    private static async Task<PageSession> OperatorAsync(KitScene scene)
    {
        await scene.Platform.CreateUserAsync(OperatorEmail, KitScene.Password, [PlatformRoles.Operator]);
        return await PageSession.SignedInAsync(scene.Platform, OperatorEmail, KitScene.Password);
    }

    private static async Task<PageResult> WaitForPageAsync(PageSession session, string path, Func<PageResult, bool> condition, string what)
    {
        PageResult? page = null;
        try
        {
            await Eventually.WaitAsync(
                async () =>
                {
                    page = await session.GetAsync(path);
                    return page.Response.StatusCode == HttpStatusCode.OK && condition(page);
                },
                what);
        }
        catch (TimeoutException e)
        {
            // What the page said last, to see why.
            throw new TimeoutException($"{e.Message}; {path} said: {Normalise(page?.Document.QuerySelector("main")?.TextContent ?? "")}", e);
        }

        return page!;
    }

    /// <summary>Where a redirect leads, as a path and query (the sign-in's redirects are absolute, the pages' own relative).</summary>
    private static string? Where(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString : null;

    private static List<IElement> Rows(PageResult page, string table) => [.. page.Document.QuerySelectorAll($"{table} tbody tr")];

    private static string Text(PageResult page, string selector) =>
        Normalise(page.Document.QuerySelector(selector)?.TextContent ?? throw new InvalidOperationException($"No '{selector}' on {page.Path}."));

    private static string[] Cells(IElement row) => [.. row.QuerySelectorAll("td").Select(c => Normalise(c.TextContent))];

    private static string Normalise(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
