using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IndustryWeek.Host.Tests.Operations;

/// <summary>
/// The Hangfire dashboard at /hangfire as the platform's people meet it over HTTP: behind the platform's
/// sign-in, in French, read only for administrators, and for operators the dashboard's own commands (the
/// POSTs its buttons send, with the anti-forgery header its pages carry) acting on the kit jobs, mirrored on
/// the keyed table and journaled on /ops/journal.
/// </summary>
public sealed class HangfireDashboardTests
{
    private const string DirectorEmail = "direction@tests.local";
    private const string OrganiserEmail = "organisatrice@usine-exemple.fr";
    private const string ModeratorEmail = "moderatrice@prefecture-hdf.fr";
    private const string Title = "Visite de l'usine de Valenciennes";
    private const string LabelNumber = "SDI-2020-000001";

    [Fact]
    public async Task Dashboard_ForVisitorsOrganisersAndModerators_AsksToSignInOrTurnsAwayAndDoesNothing()
    {
        await using var scene = await OpsScene.StartAsync(settings: MailServerDown(SmtpServer.FreePort()));
        var eventId = await scene.LabelledAsync(Title);
        var kit = await scene.WaitForJobOfAsync(eventId, OpsScene.KitJobs, "Failed", TimeSpan.FromSeconds(60));
        var hangfireId = kit.GetProperty("hangfireJobId").GetString()!;
        await scene.Platform.CreateUserAsync(OrganiserEmail, OpsScene.Password, [PlatformRoles.Organiser]);
        await scene.Platform.CreateUserAsync(ModeratorEmail, OpsScene.Password, [PlatformRoles.Moderator], ["32"]);
        using var anonymous = DashboardBrowser.Anonymous(scene.Platform);
        using var organiser = await DashboardBrowser.SignedInAsync(scene.Platform, OrganiserEmail, OpsScene.Password);
        using var moderator = await DashboardBrowser.SignedInAsync(scene.Platform, ModeratorEmail, OpsScene.Password);

        foreach (var path in new[] { "/hangfire", "/hangfire/jobs/failed", $"/hangfire/jobs/details/{hangfireId}", "/hangfire/recurring" })
        {
            var asAnonymous = await anonymous.GetAsync(path);
            Assert.True(asAnonymous.Response.StatusCode == HttpStatusCode.Redirect, $"{path} as a visitor: {(int)asAnonymous.Response.StatusCode}");
            Assert.Equal($"/connexion?ReturnUrl={Uri.EscapeDataString(path)}", Where(asAnonymous.Response)); // back to the dashboard once signed in
            Assert.DoesNotContain(Title, asAnonymous.Html, StringComparison.Ordinal);
            foreach (var (who, browser) in new[] { ("organiser", organiser), ("moderator", moderator) })
            {
                var turnedAway = await browser.GetAsync(path);
                Assert.True(turnedAway.Response.StatusCode == HttpStatusCode.Redirect, $"{path} as {who}: {(int)turnedAway.Response.StatusCode}");
                Assert.StartsWith("/acces-refuse", Where(turnedAway.Response), StringComparison.Ordinal);
                Assert.DoesNotContain(Title, turnedAway.Html, StringComparison.Ordinal);
            }
        }

        // A requeue posted by any of them is turned away before it reaches Hangfire: the job stays failed, nothing is journaled.
        var posted = await anonymous.PostAsync($"/hangfire/jobs/actions/requeue/{hangfireId}");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("/connexion", Where(posted), StringComparison.Ordinal);
        foreach (var browser in new[] { organiser, moderator })
        {
            var refused = await browser.PostAsync($"/hangfire/jobs/actions/requeue/{hangfireId}");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/acces-refuse", Where(refused), StringComparison.Ordinal);
        }

        Assert.Equal(("Failed", 1), StateOf(await scene.JobAsync(OpsScene.Id(kit))));
        Assert.Empty(await scene.ActionsAsync());
    }

    [Fact]
    public async Task Dashboard_ForAnAdministratorWithoutTheOperatorRole_ReadsTheFailedJobsInFrenchButCannotRequeueThem()
    {
        await using var scene = await OpsScene.StartAsync(settings: MailServerDown(SmtpServer.FreePort()));
        var eventId = await scene.LabelledAsync(Title);
        var kit = await scene.WaitForJobOfAsync(eventId, OpsScene.KitJobs, "Failed", TimeSpan.FromSeconds(60));
        var hangfireId = kit.GetProperty("hangfireJobId").GetString()!;
        await scene.Platform.CreateUserAsync(DirectorEmail, OpsScene.Password, [PlatformRoles.Administrator]);
        using var director = await DashboardBrowser.SignedInAsync(scene.Platform, DirectorEmail, OpsScene.Password);
        await director.WaitUntilListedAsync("/hangfire/jobs/failed", hangfireId);

        var home = await director.GetAsync("/hangfire");
        var failed = await director.GetAsync("/hangfire/jobs/failed");
        var details = await director.GetAsync($"/hangfire/jobs/details/{hangfireId}");

        // In French, the failed job listed under the event it is about; no button, no box to tick.
        Assert.Equal(HttpStatusCode.OK, home.Response.StatusCode);
        Assert.Equal("fr", home.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Tâches de fond · Semaine de l'industrie", home.Document.Title, StringComparison.Ordinal);
        Assert.Contains("Aperçu", Text(home.Document.QuerySelector("h1")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, failed.Response.StatusCode);
        Assert.Equal("Tâches échouées", Text(failed.Document.QuerySelector("h1")));
        Assert.Equal(["Id", "Tâche", "Échouée"], failed.Document.QuerySelectorAll("table thead th").Select(Text).Where(t => t.Length > 0));
        // (The mail saying the submission was received failed too: the kit's job is the one looked at.)
        var listed = Assert.Single(failed.Document.QuerySelectorAll("table a.job-method"), a => Text(a).StartsWith("Envoi du kit", StringComparison.Ordinal));
        Assert.Equal($"Envoi du kit – {Title} ({LabelNumber})", Text(listed));
        Assert.Empty(failed.Document.QuerySelectorAll(".js-jobs-list-command"));
        Assert.Empty(failed.Document.QuerySelectorAll("input[name='jobs[]']"));
        Assert.Equal(HttpStatusCode.OK, details.Response.StatusCode);
        Assert.Empty(details.Document.QuerySelectorAll("[data-ajax]"));
        Assert.Contains("Connection refused", Text(details.Document.QuerySelector("body")), StringComparison.Ordinal);

        // The requeue a button would post, with the administrator's own anti-forgery token: refused by Hangfire, nothing done.
        var requeue = await director.PostAsync($"/hangfire/jobs/actions/requeue/{hangfireId}");
        var batch = await director.PostAsync("/hangfire/jobs/failed/requeue", Jobs(hangfireId));
        var delete = await director.PostAsync($"/hangfire/jobs/actions/delete/{hangfireId}");

        Assert.Equal(HttpStatusCode.Unauthorized, requeue.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, batch.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
        Assert.Equal(("Failed", 1), StateOf(await scene.JobAsync(OpsScene.Id(kit))));
        var stillFailed = await director.GetAsync("/hangfire/jobs/failed");
        Assert.NotNull(stillFailed.Document.QuerySelector($"table a.job-method[href='/hangfire/jobs/details/{hangfireId}']"));
        var journal = await director.GetAsync("/ops/journal");
        Assert.Equal("0 action", Text(journal.Document.QuerySelector("#count")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Requeue_OfAFailedKitJobByAnOperatorOnItsDashboardPage_SendsTheMailAndIsJournaledAndWithoutTheAntiforgeryHeaderIsRefused(string provider)
    {
        var port = SmtpServer.FreePort();
        await using var scene = await OpsScene.StartAsync(provider, MailServerDown(port));
        var eventId = await scene.LabelledAsync(Title);
        var kit = await scene.WaitForJobOfAsync(eventId, OpsScene.KitJobs, "Failed", TimeSpan.FromSeconds(60));
        var id = OpsScene.Id(kit);
        var key = kit.GetProperty("key").GetString()!;
        var hangfireId = kit.GetProperty("hangfireJobId").GetString()!;
        var correlationId = (await scene.JobAsync(id)).GetProperty("correlationId").GetString();
        using var @operator = await DashboardBrowser.SignedInAsync(scene.Platform, OpsScene.OperatorEmail, OpsScene.Password);
        await @operator.WaitUntilListedAsync("/hangfire/jobs/failed", hangfireId);

        // The job's page: titled with the event and its label, the request that caused it, its buttons.
        var details = await @operator.GetAsync($"/hangfire/jobs/details/{hangfireId}");
        Assert.Equal(HttpStatusCode.OK, details.Response.StatusCode);
        Assert.Equal($"Envoi du kit – {Title} ({LabelNumber})", Text(details.Document.QuerySelector("h1")));
        var parameters = details.Document.QuerySelectorAll("table.job-snippet-properties tr").ToDictionary(r => Text(r.Children[0]), r => Text(r.Children[1]));
        Assert.False(string.IsNullOrEmpty(correlationId));
        Assert.Equal($"\"{correlationId}\"", parameters["CorrelationId"]);
        Assert.Equal("Remettre en file d'attente", Text(details.Document.QuerySelector($"[data-ajax='/hangfire/jobs/actions/requeue/{hangfireId}']")));
        Assert.Contains("Connection refused", Text(details.Document.QuerySelector("body")), StringComparison.Ordinal);

        // Posted without the anti-forgery header (a forged cross-site request): refused, nothing done.
        var forged = await @operator.PostAsync($"/hangfire/jobs/actions/requeue/{hangfireId}", withAntiforgery: false);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(("Failed", 1), StateOf(await scene.JobAsync(id)));
        Assert.Equal("0 action", Text((await @operator.GetAsync("/ops/journal")).Document.QuerySelector("#count")));

        // The mail server is back: « Remettre en file d'attente » runs the job again, and the organiser gets the kit mail.
        await using var smtp = await SmtpServer.StartAsync(Path.Combine(scene.Database.Directory, "maildir"), port);
        var requeued = await @operator.PostAsync($"/hangfire/jobs/actions/requeue/{hangfireId}");
        Assert.Equal(HttpStatusCode.NoContent, requeued.StatusCode);
        JobSummary? ran = null;
        await Eventually.WaitAsync(
            async () => (ran = await BackgroundJobRuns.FindAsync(scene.Platform, OpsScene.KitJobs, key)) is { State: JobState.Succeeded, Attempts: 2 },
            "the requeued kit job ran again and succeeded",
            TimeSpan.FromSeconds(60));
        await Eventually.WaitAsync(() => Task.FromResult(MailFile.Kits(smtp.ReceivedFiles()).Count >= 1), "the kit mail reaches the mail server");
        Assert.Equal(hangfireId, ran!.HangfireJobId);
        Assert.Contains(LabelNumber, MailFile.Read(Assert.Single(MailFile.Kits(smtp.ReceivedFiles()))).Subject, StringComparison.Ordinal);
        var succeeded = await @operator.WaitUntilListedAsync("/hangfire/jobs/succeeded", hangfireId);
        Assert.Equal($"Envoi du kit – {Title} ({LabelNumber})", Text(succeeded.Document.QuerySelector($"a.job-method[href='/hangfire/jobs/details/{hangfireId}']")));
        Assert.DoesNotContain((await @operator.GetAsync("/hangfire/jobs/failed")).Document.QuerySelectorAll("a.job-method"), a => Text(a).StartsWith("Envoi du kit", StringComparison.Ordinal));

        // The journal: who, what, which job, with a link to it.
        var journal = await @operator.GetAsync("/ops/journal");
        Assert.Equal("1 action", Text(journal.Document.QuerySelector("#count")));
        var entry = Cells(Assert.Single(journal.Document.QuerySelectorAll("#journal tbody tr")));
        Assert.Equal([OpsScene.OperatorEmail, "Relance d'une tâche", $"{OpsScene.KitJobs} {key} (tâche Hangfire n° {hangfireId})", "—"], entry[1..]);
        Assert.Equal($"/ops/taches/{id}", journal.Document.QuerySelector("#journal tbody a")!.GetAttribute("href"));
        var action = Assert.Single(await scene.ActionsAsync());
        Assert.Equal(("RetryJob", OpsScene.OperatorEmail, id), (action.GetProperty("kind").GetString(), action.GetProperty("actor").GetString(), action.GetProperty("jobId").GetInt64()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Delete_OfTheTickedFailedJobsByAnOperator_DeletesEachMarksItDeletedAndJournalsEach(string provider)
    {
        await using var scene = await OpsScene.StartAsync(provider, MailServerDown(SmtpServer.FreePort()));
        var first = await scene.LabelledAsync(Title);
        var second = await scene.LabelledAsync("Atelier soudure");
        var kits = new[]
        {
            await scene.WaitForJobOfAsync(first, OpsScene.KitJobs, "Failed", TimeSpan.FromSeconds(60)),
            await scene.WaitForJobOfAsync(second, OpsScene.KitJobs, "Failed", TimeSpan.FromSeconds(60)),
        };
        var hangfireIds = kits.Select(k => k.GetProperty("hangfireJobId").GetString()!).ToArray();
        using var @operator = await DashboardBrowser.SignedInAsync(scene.Platform, OpsScene.OperatorEmail, OpsScene.Password);
        await @operator.WaitUntilListedAsync("/hangfire/jobs/failed", hangfireIds);

        // The failed jobs' page: both listed, each with its box to tick, and the « Supprimer la sélection » button.
        var failed = await @operator.GetAsync("/hangfire/jobs/failed");
        // (Listed with the mails saying the submissions were received, which failed too.)
        Assert.Subset(failed.Document.QuerySelectorAll("input[name='jobs[]']").Select(b => b.GetAttribute("value")!).ToHashSet(), hangfireIds.ToHashSet());
        Assert.Equal("Supprimer la sélection", Text(failed.Document.QuerySelector(".js-jobs-list-command[data-url='/hangfire/jobs/failed/delete']")));

        var deleted = await @operator.PostAsync("/hangfire/jobs/failed/delete", Jobs(hangfireIds));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        foreach (var kit in kits)
        {
            var job = (await scene.JobAsync(OpsScene.Id(kit))).GetProperty("job");
            Assert.Equal(("Deleted", 1), (job.GetProperty("state").GetString(), job.GetProperty("attempts").GetInt32()));
        }

        Assert.Empty((await @operator.GetAsync("/hangfire/jobs/failed")).Document.QuerySelectorAll("input[name='jobs[]']").Select(b => b.GetAttribute("value")!).Intersect(hangfireIds));
        var deletedPage = await @operator.GetAsync("/hangfire/jobs/deleted");
        Assert.Equal(
            [$"Envoi du kit – Atelier soudure (SDI-2020-000002)", $"Envoi du kit – {Title} ({LabelNumber})"],
            deletedPage.Document.QuerySelectorAll("a.job-method").Select(Text).Order(StringComparer.Ordinal));
        var journal = await @operator.GetAsync("/ops/journal");
        Assert.Equal("2 actions", Text(journal.Document.QuerySelector("#count")));
        var entries = journal.Document.QuerySelectorAll("#journal tbody tr").Select(Cells).ToList();
        Assert.All(entries, e => Assert.Equal([OpsScene.OperatorEmail, "Suppression d'une tâche"], e[1..3]));
        Assert.Equal(
            kits.Select(k => $"{OpsScene.KitJobs} {k.GetProperty("key").GetString()} (tâche Hangfire n° {k.GetProperty("hangfireJobId").GetString()})").Order(StringComparer.Ordinal),
            entries.Select(e => e[3]).Order(StringComparer.Ordinal));
        Assert.Equal(kits.Select(OpsScene.Id).Order(), (await scene.ActionsAsync()).Select(a => a.GetProperty("jobId").GetInt64()).Order());

        // The same command from a page left open (the jobs are no longer failed): Hangfire answers 204 and skips
        // them; nothing was done, so nothing more is journaled.
        var stale = await @operator.PostAsync("/hangfire/jobs/failed/delete", Jobs(hangfireIds));
        Assert.Equal(HttpStatusCode.NoContent, stale.StatusCode);
        Assert.Equal(2, (await scene.ActionsAsync()).Count);
    }

    [Fact]
    public async Task ContentSecurityPolicy_UnderTheDashboard_AllowsInlineStylesOnlyAndScriptsStayFilesOfTheSite()
    {
        await using var scene = await OpsScene.StartAsync();
        using var @operator = await DashboardBrowser.SignedInAsync(scene.Platform, OpsScene.OperatorEmail, OpsScene.Password);

        foreach (var path in new[] { "/hangfire", "/hangfire/jobs/failed", "/hangfire/recurring", "/hangfire/servers" })
        {
            var page = await @operator.GetAsync(path);
            Assert.True(page.Response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)page.Response.StatusCode}");
            var policy = Directives(page.Response);
            Assert.Equal("'self' 'unsafe-inline'", policy["style-src"]);
            Assert.Equal("'self'", policy["script-src"]);
            Assert.Equal("'self'", policy["default-src"]);
            Assert.Equal("'none'", policy["frame-ancestors"]);
            Assert.Single(policy.Values, v => v.Contains("'unsafe-inline'", StringComparison.Ordinal));

            // Every script of the dashboard is a file of the site, which « script-src 'self' » lets run: its buttons work.
            var scripts = page.Document.QuerySelectorAll("script").ToList();
            Assert.NotEmpty(scripts);
            Assert.All(scripts, s => Assert.StartsWith("/hangfire/js", s.GetAttribute("src"), StringComparison.Ordinal));
            var script = await @operator.GetAsync(scripts[0].GetAttribute("src")!);
            Assert.Equal(HttpStatusCode.OK, script.Response.StatusCode);
        }

        // Outside /hangfire, the site's own pages keep their strict styles.
        foreach (var path in new[] { "/ops", "/ops/journal", "/" })
        {
            var policy = Directives((await @operator.GetAsync(path)).Response);
            Assert.Equal("'self'", policy["style-src"]);
            Assert.Equal("'self'", policy["script-src"]);
            Assert.DoesNotContain(policy.Values, v => v.Contains("'unsafe-inline'", StringComparison.Ordinal));
        }

        // Nor does a path that only begins like the dashboard's.
        Assert.Equal("'self'", Directives((await @operator.GetAsync("/hangfire-et-autres")).Response)["style-src"]);
    }

    /// <summary>Mail over SMTP to a port nobody listens on, no automatic retry: a kit job fails at its first run.</summary>
    private static Dictionary<string, string?> MailServerDown(int port) => new()
    {
        ["Mail:Delivery"] = "Smtp",
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:SmtpPort"] = port.ToString(CultureInfo.InvariantCulture),
        ["Mail:SmtpTimeout"] = "00:00:05",
        ["Jobs:RetryAttempts"] = "0",
    };

    private static (string? State, int Attempts) StateOf(System.Text.Json.JsonElement detail) =>
        (detail.GetProperty("job").GetProperty("state").GetString(), detail.GetProperty("job").GetProperty("attempts").GetInt32());

    /// <summary>The form a batch command of the dashboard posts: one « jobs[] » per ticked job.</summary>
    private static List<KeyValuePair<string, string>> Jobs(params string[] hangfireIds) => [.. hangfireIds.Select(id => new KeyValuePair<string, string>("jobs[]", id))];

    private static Dictionary<string, string> Directives(HttpResponseMessage response)
    {
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        return csp.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "", StringComparer.Ordinal);
    }

    /// <summary>Where a redirect leads, as a path and query (the sign-in's redirects are absolute).</summary>
    private static string? Where(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString : null;

    private static string[] Cells(IElement row) => [.. row.QuerySelectorAll("td").Select(Text)];

    private static string Text(IElement? element) =>
        string.Join(" ", (element ?? throw new InvalidOperationException("No such element.")).TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Someone on the dashboard with a browser: a cookie session signed in through /connexion, redirects seen
    /// rather than followed, and the dashboard's POSTs sent as its script sends them, with the anti-forgery
    /// header named and valued by the last dashboard page's « csrf-header » and « csrf-token ».
    /// </summary>
    private sealed class DashboardBrowser : IDisposable
    {
        private readonly HttpClient _client;
        private (string Header, string Token)? _antiforgery;

        private DashboardBrowser(HttpClient client) => _client = client;

        public static DashboardBrowser Anonymous(PlatformFactory platform) =>
            new(platform.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

        public static async Task<DashboardBrowser> SignedInAsync(PlatformFactory platform, string email, string password)
        {
            var browser = Anonymous(platform);
            var page = await browser.GetAsync("/connexion");
            var token = page.Document.QuerySelector("main form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token });
            var signedIn = await browser._client.PostAsync(new Uri("/connexion", UriKind.Relative), form);
            if (signedIn.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Sign-in of {email} failed ({(int)signedIn.StatusCode}).");
            }

            return browser;
        }

        public async Task<(HttpResponseMessage Response, IDocument Document, string Html)> GetAsync(string path)
        {
            var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            var document = await new HtmlParser().ParseDocumentAsync(html);
            if (document.QuerySelector("meta[name='csrf-header']")?.GetAttribute("content") is { Length: > 0 } header
                && document.QuerySelector("meta[name='csrf-token']")?.GetAttribute("content") is { Length: > 0 } token)
            {
                _antiforgery = (header, token);
            }

            return (response, document, html);
        }

        /// <summary>
        /// Waits until the dashboard's list at <paramref name="path"/> shows those jobs: Hangfire records a run's end
        /// just after the run has written it in the keyed table, which the scene waits on.
        /// </summary>
        public async Task<(HttpResponseMessage Response, IDocument Document, string Html)> WaitUntilListedAsync(string path, params string[] hangfireIds)
        {
            (HttpResponseMessage Response, IDocument Document, string Html) page = default;
            await Eventually.WaitAsync(
                async () =>
                {
                    page = await GetAsync(path);
                    return hangfireIds.All(id => page.Document.QuerySelector($"a.job-method[href='/hangfire/jobs/details/{id}']") is not null);
                },
                $"{path} lists the jobs {string.Join(", ", hangfireIds)}");
            return page;
        }

        /// <summary>A dashboard command: no body for a single job's, « jobs[] » for a batch.</summary>
        public async Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>>? form = null, bool withAntiforgery = true)
        {
            if (withAntiforgery && _antiforgery is null)
            {
                await GetAsync("/hangfire");
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
            {
                Content = form is null ? new ByteArrayContent([]) : new FormUrlEncodedContent(form),
            };
            if (withAntiforgery && _antiforgery is { } antiforgery)
            {
                request.Headers.TryAddWithoutValidation(antiforgery.Header, antiforgery.Token);
            }

            return await _client.SendAsync(request);
        }

        public void Dispose() => _client.Dispose();
    }
}
