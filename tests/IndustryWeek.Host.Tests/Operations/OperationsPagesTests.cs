using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using IndustryWeek.Host.Tests.CommunicationKit;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Operations;

/// <summary>
/// The operators' pages used without JavaScript, on a real run: labels granted through the API, kit mails
/// failing while nothing listens on the mail port, then sent once it does.
/// </summary>
public sealed class OperationsPagesTests
{
    private const string OperatorEmail = "exploitation@semaine-industrie.local";
    private const string DirectorEmail = "direction@semaine-industrie.local";
    private const string PinJobs = "map.publish-pin";

    [Fact]
    public async Task Pages_AfterAKitMailFailed_ShowTheFailureItsCauseAndStoryAndTheOperatorRetriesItOnceTheServerIsBack()
    {
        var port = SmtpServer.FreePort();
        await using var scene = await StartAsync(port);
        using var organiser = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        using var @operator = await OperatorAsync(scene);
        var eventId = await scene.LabelledEventAsync(organiser);
        var failedList = await WaitForPageAsync(@operator, "/ops/taches?etat=Failed", p => Jobs(p).Count == 1, "the kit job is listed as failed");

        // The list: the failed kit mail, about the event and its label, with the first line of its error.
        var row = Assert.Single(Jobs(failedList));
        Assert.Equal("1 tâche", Text(failedList, "#count"));
        Assert.Equal(KitScene.DeliverJobs, row["Type"]);
        Assert.Equal($"{eventId:N}-label-v1", row["Clé"]);
        Assert.Equal($"{eventId} · {scene.LabelNumber()}", row["Objet"]);
        Assert.Equal("en échec", row["État"]);
        Assert.Equal("2", row["Tentatives"]); // the first run and its one automatic retry
        Assert.StartsWith("System.Net.Mail.SmtpException", row["Dernière erreur"], StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", row["Dernière erreur"], StringComparison.Ordinal); // the first line only
        Assert.Matches(@"^\d{1,2}(er)? \p{L}+ \d{4} à \d{1,2} h \d{2}$", row["Créée"]); // Paris time
        Assert.NotEqual("—", row["Terminée"]);
        var jobId = long.Parse(row["N°"], CultureInfo.InvariantCulture);

        // Found by its label number, typed in lower case.
        var searched = await @operator.GetAsync($"/ops/taches?recherche={scene.LabelNumber().ToLowerInvariant()}");
        Assert.Contains(Jobs(searched), r => r["N°"] == row["N°"]);

        // The dashboard: the counter leads to the failed list; the last day's chart counts both failed runs.
        var dashboard = await @operator.GetAsync("/ops");
        Assert.Equal(HttpStatusCode.OK, dashboard.Response.StatusCode);
        Assert.Equal("1", Text(dashboard, "#counter-failed .ops-counter__count"));
        Assert.Equal("/ops/taches?etat=Failed", dashboard.Document.QuerySelector("#counter-failed a")!.GetAttribute("href"));
        Assert.Equal("/ops/outbox?etat=Failed", dashboard.Document.QuerySelector("#counter-outbox-failed a")!.GetAttribute("href"));
        var dayChart = dashboard.Document.QuerySelector("#activite-24h")!;
        Assert.Equal("Exécutions des dernières 24 heures, par heure", dayChart.QuerySelector("svg title")!.TextContent);
        Assert.Contains("2 exécutions en échec", dayChart.QuerySelector("svg desc")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(24, dayChart.QuerySelectorAll("details tbody tr").Length);
        Assert.Equal(2, dayChart.QuerySelectorAll("details tbody tr").Sum(r => int.Parse(Cells(r)[1], CultureInfo.InvariantCulture)));
        Assert.NotEmpty(dayChart.QuerySelectorAll("svg rect.ops-chart__bar--failed"));
        var weekChart = dashboard.Document.QuerySelector("#activite-7j")!;
        Assert.Equal(7, weekChart.QuerySelectorAll("details tbody tr").Length);
        Assert.Equal(2, weekChart.QuerySelectorAll("details tbody tr").Sum(r => int.Parse(Cells(r)[1], CultureInfo.InvariantCulture)));
        Assert.Equal(2, dashboard.Document.QuerySelectorAll("#recurring tbody tr").Length);
        Assert.Contains("(cet hôte)", Text(dashboard, "#nodes"), StringComparison.Ordinal);
        Assert.Contains("actif", Text(dashboard, "#nodes"), StringComparison.Ordinal);
        Assert.Null(dashboard.Document.QuerySelector("#read-only"));
        Assert.Equal("/ops", dashboard.Document.QuerySelector("header .fr-nav__link[href='/ops']")?.GetAttribute("href"));

        // The job's page: what it is about, its cause, every attempt and the whole exception of each.
        var detail = await @operator.GetAsync($"/ops/taches/{jobId}");
        Assert.Equal(HttpStatusCode.OK, detail.Response.StatusCode);
        Assert.Equal($"Tâche {jobId}", Text(detail, "h1"));
        Assert.Equal("en échec", Text(detail, "#state"));
        Assert.Contains(scene.LabelNumber(), Text(detail, "#facts"), StringComparison.Ordinal);
        Assert.Equal("aucune prévue", Text(detail, "#next-run"));
        Assert.Contains("LabelGranted", Text(detail, "#cause"), StringComparison.Ordinal);
        Assert.Contains("Labelling", Text(detail, "#cause"), StringComparison.Ordinal);
        Assert.Contains(scene.LabelNumber(), detail.Document.QuerySelector("#cause-payload")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(eventId.ToString(), detail.Document.QuerySelector("#payload")!.TextContent, StringComparison.OrdinalIgnoreCase);
        var attempts = Rows(detail, "#attempts").Select(Cells).ToList();
        Assert.Equal(["2", "1"], attempts.Select(a => a[0]));
        Assert.All(attempts, a => Assert.Equal("échec", a[4]));
        Assert.Equal(["non", "prévue"], attempts.Select(a => a[5]));
        Assert.All(attempts, a => Assert.Equal("ordonnanceur", a[6]));
        var exception = detail.Document.QuerySelector("#error-1 pre")!.TextContent;
        Assert.Contains("Connection refused", exception, StringComparison.Ordinal);
        Assert.Contains("   at ", exception, StringComparison.Ordinal); // the stack trace, whole
        Assert.Equal("Aucune action sur cette tâche.", Text(detail, "#no-action"));
        Assert.NotNull(detail.Document.QuerySelector("form#delete"));

        // One approval followed through its correlation id: the kit mail and the pin it made.
        var correlation = detail.Document.QuerySelector("#correlation a")!.GetAttribute("href")!;
        Assert.StartsWith("/ops/taches?recherche=", correlation, StringComparison.Ordinal);
        var followed = await @operator.GetAsync(correlation);
        Assert.Equal([KitScene.DeliverJobs, PinJobs], Jobs(followed).Select(r => r["Type"]).Order(StringComparer.Ordinal));

        // The mail server is back: the operator retries, the job runs at once and succeeds.
        await using var smtp = await SmtpServer.StartAsync(Path.Combine(scene.Database.Directory, "maildir"), port);
        var retried = await @operator.SubmitAsync(detail, "form#retry");
        Assert.Equal(HttpStatusCode.Redirect, retried.Response.StatusCode);
        var afterRetry = await @operator.FollowAsync(retried);
        Assert.Equal("Tâche relancée : elle s'exécute dans quelques instants.", Text(afterRetry, "#done"));
        var succeeded = await WaitForPageAsync(@operator, $"/ops/taches/{jobId}", p => Text(p, "#state") == "réussie", "the retried job succeeded");

        var last = Cells(Rows(succeeded, "#attempts")[0]);
        Assert.Equal(["3", "réussie", "—", OperatorEmail], new[] { last[0], last[4], last[5], last[6] });
        Assert.Null(succeeded.Document.QuerySelector("form#retry"));
        Assert.Null(succeeded.Document.QuerySelector("form#delete"));
        var action = Cells(Assert.Single(Rows(succeeded, "#job-actions")));
        Assert.Equal([OperatorEmail, "Relance d'une tâche", "—"], action[1..]);
        Assert.Single(smtp.ReceivedFiles());
        var journal = await @operator.GetAsync("/ops/journal");
        var entry = Cells(Assert.Single(Rows(journal, "#journal")));
        Assert.Equal([OperatorEmail, "Relance d'une tâche", $"{KitScene.DeliverJobs} {eventId:N}-label-v1", "—"], entry[1..]);
        Assert.Equal($"/ops/taches/{jobId}", journal.Document.QuerySelector("#journal tbody a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task JobsList_SelectionRetriedAndDeleted_ActsOnEachJobAndSaysWhichWereRefusedAndWhy()
    {
        var port = SmtpServer.FreePort();
        await using var scene = await StartAsync(port);
        using var organiser = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        using var @operator = await OperatorAsync(scene);
        var first = await scene.LabelledEventAsync(organiser, "Visite de l'atelier de soudure");
        var second = await scene.LabelledEventAsync(organiser, "Portes ouvertes de la fonderie");
        await WaitForPageAsync(@operator, "/ops/taches?etat=Failed", p => Jobs(p).Count == 2, "both kit jobs failed");

        // A third label while the workers are busy: its kit job waits, scheduled.
        await BackgroundJobRuns.HoldAsync(scene.Platform);
        var third = await scene.LabelledEventAsync(organiser, "Démonstration de la ligne robotisée");
        var kits = await @operator.GetAsync($"/ops/taches?recherche={KitScene.DeliverJobs}");
        var byEvent = Jobs(kits).ToDictionary(r => r["Clé"][..32], r => r);
        Assert.Equal(3, byEvent.Count);
        Assert.Equal(["en échec", "en échec", "planifiée"], new[] { byEvent[$"{first:N}"]["État"], byEvent[$"{second:N}"]["État"], byEvent[$"{third:N}"]["État"] });
        Assert.Equal(3, kits.Document.QuerySelectorAll("#jobs tbody input[type=checkbox]").Length);

        // Nothing ticked: said in French, nothing done.
        var none = await @operator.SubmitAsync(kits, "form#bulk", new() { ["operation"] = "Retry" });
        Assert.Equal(HttpStatusCode.OK, none.Response.StatusCode);
        Assert.Contains("Choisissez au moins une tâche.", Text(none, "#erreurs"), StringComparison.Ordinal);

        // Every kit job ticked and retried: the failed ones are, the scheduled one is refused with its reason.
        foreach (var box in kits.Document.QuerySelectorAll("#jobs tbody input[type=checkbox]"))
        {
            ((AngleSharp.Html.Dom.IHtmlInputElement)box).IsChecked = true;
        }

        var retried = await @operator.SubmitAsync(kits, "form#bulk", new() { ["operation"] = "Retry" });
        Assert.Equal(HttpStatusCode.Redirect, retried.Response.StatusCode);
        var afterRetry = await @operator.FollowAsync(retried);
        var thirdId = byEvent[$"{third:N}"]["N°"];
        Assert.Equal($"/ops/taches?recherche={KitScene.DeliverJobs}", afterRetry.Path);
        Assert.Equal("2 tâches relancées.", afterRetry.Document.QuerySelector("#done p")!.TextContent.Trim());
        Assert.Equal(
            $"tâche {thirdId} : Seule une tâche en échec peut être relancée (celle-ci est « planifiée »).",
            Text(afterRetry, "#refused"));

        // The scheduled one deleted from the list: it will never run.
        var scheduledBox = afterRetry.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#select-{thirdId}")!;
        scheduledBox.IsChecked = true;
        var deleted = await @operator.FollowAsync(await @operator.SubmitAsync(afterRetry, "form#bulk", new() { ["operation"] = "Delete" }));
        Assert.Equal("1 tâche supprimée.", Text(deleted, "#done"));
        Assert.Null(deleted.Document.QuerySelector("#refused"));

        // The mail server back and the workers free: the two retried mails leave, the deleted one does not.
        await using var smtp = await SmtpServer.StartAsync(Path.Combine(scene.Database.Directory, "maildir"), port);
        await BackgroundJobRuns.ReleaseAsync(scene.Platform, KitScene.DeliverJobs);
        var done = await WaitForPageAsync(
            @operator,
            $"/ops/taches?recherche={KitScene.DeliverJobs}",
            p => Jobs(p).Count(r => r["État"] == "réussie") == 2,
            "both retried kit jobs succeeded");
        var states = Jobs(done).ToDictionary(r => r["Clé"][..32], r => r["État"]);
        Assert.Equal(["réussie", "réussie", "supprimée"], new[] { states[$"{first:N}"], states[$"{second:N}"], states[$"{third:N}"] });
        Assert.Equal(2, smtp.ReceivedFiles().Count);
        var journal = Rows(await @operator.GetAsync("/ops/journal"), "#journal").Select(r => Cells(r)[2]).ToList();
        Assert.Equal(["Suppression d'une tâche", "Relance d'une tâche", "Relance d'une tâche"], journal);
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
        Assert.Equal(["editions.close-registrations", "labelling.moderator-digest"], rows.Select(r => r[0]));
        Assert.Equal("5 0 * * * ? (Europe/Paris) toutes les heures à hh:00:05", rows[0][1]);
        Assert.Equal("0 0 8 ? * MON-FRI (Europe/Paris) du lundi au vendredi à 8 h 00", rows[1][1]);
        Assert.Matches(@"^\d{1,2}(er)? \p{L}+ \d{4} à \d{1,2} h 00$", rows[0][2]);
        Assert.Equal("non", rows[0][6]);

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
        var dashboard = await @operator.GetAsync("/ops");
        Assert.Equal("En pause", Cells(Rows(dashboard, "#recurring")[0])[3]);
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
    public async Task NodesAndOutbox_ShowThisHostAndTheMessagesWaitingAndAFailedMessageIsRetried()
    {
        await using var scene = await KitScene.StartAsync();
        using var organiser = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        using var @operator = await OperatorAsync(scene);
        var eventId = await scene.SubmittedEventAsync(organiser);
        await scene.GrantAsync(eventId); // LabelGranted and CriteriaChecked wait in Labelling's outbox: this test dispatches by hand

        var nodes = await @operator.GetAsync("/ops/noeuds");
        var pending = await @operator.GetAsync("/ops/outbox");

        Assert.Equal(HttpStatusCode.OK, nodes.Response.StatusCode);
        var node = Cells(Assert.Single(Rows(nodes, "#nodes")));
        Assert.EndsWith("cet hôte", node[0], StringComparison.Ordinal);
        Assert.Equal("actif", node[3]);
        Assert.Equal(HttpStatusCode.OK, pending.Response.StatusCode);
        Assert.Equal("2 messages en attente", Text(pending, "#count"));
        var message = Cells(Assert.Single(Rows(pending, "#messages"), r => Cells(r)[1] == "LabelGranted"));
        Assert.Equal("Labelling", message[0]);
        Assert.Matches(@"^\d{1,2}(er)? \p{L}+ \d{4} à \d{1,2} h \d{2}$", message[2]);
        Assert.Equal(["0", message[2], "—", "—"], message[3..7]);
        var correlation = pending.Document.QuerySelectorAll("#messages tbody tr").First(r => Cells(r)[1] == "LabelGranted").QuerySelector("a")!;
        Assert.Equal($"/ops/taches?recherche={correlation.TextContent}", correlation.GetAttribute("href"));
        Assert.Empty(pending.Document.QuerySelectorAll("#messages form")); // only failed messages are retried

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
    }

    [Fact]
    public async Task Pages_ForAnAdministratorWithoutTheOperatorRole_AreReadOnlyAndRefuseActionsAndOthersAreTurnedAway()
    {
        await using var scene = await StartAsync(SmtpServer.FreePort());
        using var organiser = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        var eventId = await scene.LabelledEventAsync(organiser);
        await scene.Platform.CreateUserAsync(DirectorEmail, KitScene.Password, [PlatformRoles.Administrator]);
        using var director = await PageSession.SignedInAsync(scene.Platform, DirectorEmail, KitScene.Password);
        using var moderatorClient = await scene.ModeratorAsync();
        using var moderator = await PageSession.SignedInAsync(scene.Platform, KitScene.ModeratorEmail, KitScene.Password);
        using var organiserPages = await PageSession.SignedInAsync(scene.Platform, "a@usine-a.fr", KitScene.Password);
        using var anonymous = PageSession.Anonymous(scene.Platform);
        var failed = await WaitForPageAsync(director, "/ops/taches?etat=Failed", p => Jobs(p).Count == 1, "the kit job failed");
        var jobId = Assert.Single(Jobs(failed))["N°"];
        string[] pages = ["/ops", "/ops/taches", $"/ops/taches/{jobId}", "/ops/recurrentes", "/ops/noeuds", "/ops/outbox", "/ops/journal"];

        // The administrator reads everything, with no action.
        foreach (var path in pages)
        {
            var page = await director.GetAsync(path);
            Assert.True(page.Response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)page.Response.StatusCode}");
            Assert.Equal("Lecture seule : les actions sont réservées aux opérateurs.", Text(page, "#read-only"));
            Assert.Empty(page.Document.QuerySelectorAll("main form[method=post]").Select(f => $"{path}: form {f.Id}"));
        }

        Assert.Equal($"{eventId} · {scene.LabelNumber()}", Assert.Single(Jobs(failed))["Objet"]);
        Assert.False(Jobs(failed)[0].ContainsKey("Sélection"));
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync("/ops/taches/999999")).Response.StatusCode);
        var detail = await director.GetAsync($"/ops/taches/{jobId}");
        Assert.Contains("Connection refused", detail.Document.QuerySelector("#error-1 pre")!.TextContent, StringComparison.Ordinal);

        // A crafted POST (with the administrator's own anti-forgery token) is refused, and changes nothing.
        foreach (var (path, handler) in new[] { ($"/ops/taches/{jobId}", "Retry"), ($"/ops/taches/{jobId}", "Delete"), ("/ops/recurrentes?name=editions.close-registrations", "Pause"), ("/ops/taches", "Bulk") })
        {
            var page = await director.GetAsync($"/ops/taches/{jobId}");
            var form = page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("header form")!; // sign-out form: its token
            form.SetAttribute("action", path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"handler={handler}");
            var posted = await director.SubmitAsync(page, "header form", new() { ["Reason"] = "Essai", ["Selected"] = jobId, ["operation"] = "Retry" });
            Assert.True(posted.Response.StatusCode == HttpStatusCode.Forbidden, $"{handler}: {(int)posted.Response.StatusCode}");
        }

        Assert.Equal("en échec", Text(await director.GetAsync($"/ops/taches/{jobId}"), "#state"));
        Assert.Equal("non", Cells(Rows(await director.GetAsync("/ops/recurrentes"), "#recurring")[0])[6]);
        Assert.Equal("0 action", Text(await director.GetAsync("/ops/journal"), "#count"));

        // Organisers and moderators are turned away; visitors are asked to sign in.
        foreach (var path in pages)
        {
            foreach (var session in new[] { organiserPages, moderator })
            {
                var page = await session.GetAsync(path);
                Assert.Equal(HttpStatusCode.Redirect, page.Response.StatusCode);
                Assert.StartsWith("/acces-refuse", page.Response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
            }

            var asAnonymous = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, asAnonymous.Response.StatusCode);
            Assert.StartsWith("/connexion", asAnonymous.Response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.Null((await organiserPages.GetAsync("/mon-espace")).Document.QuerySelector("header a[href='/ops']"));
        Assert.Equal("Exploitation", (await director.GetAsync("/ops")).Document.QuerySelector("header .fr-nav__link[href='/ops']")?.TextContent);
    }

    private static async Task<KitScene> StartAsync(int smtpPort) =>
        await KitScene.StartAsync(settings: new Dictionary<string, string?>
        {
            // Nothing listens there until the test starts a server: kit mails fail.
            ["Mail:Delivery"] = "Smtp",
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Mail:SmtpTimeout"] = "00:00:05",
            ["Jobs:RetryAttempts"] = "1",
            ["Jobs:RetryFirstDelay"] = "00:00:01",
            ["Jobs:RetryMaxDelay"] = "00:00:01",
        });

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

    private static List<IElement> Rows(PageResult page, string table) => [.. page.Document.QuerySelectorAll($"{table} tbody tr")];

    private static string Text(PageResult page, string selector) =>
        Normalise(page.Document.QuerySelector(selector)?.TextContent ?? throw new InvalidOperationException($"No '{selector}' on {page.Path}."));

    /// <summary>The rows of the jobs' list, each cell under its column's header (« N° », « État »…).</summary>
    private static List<Dictionary<string, string>> Jobs(PageResult page)
    {
        var headers = page.Document.QuerySelectorAll("#jobs thead th").Select(h => Normalise(h.TextContent)).ToList();
        return [.. Rows(page, "#jobs").Select(r => Cells(r).Select((text, i) => (headers[i], text)).ToDictionary(c => c.Item1, c => c.text))];
    }

    private static string[] Cells(IElement row) => [.. row.QuerySelectorAll("td").Select(c => Normalise(c.TextContent))];

    private static string Normalise(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
