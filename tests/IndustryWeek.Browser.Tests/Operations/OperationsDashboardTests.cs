using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IndustryWeek.Browser.Tests.Journeys;
using IndustryWeek.Shared.Observability;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IndustryWeek.Browser.Tests.Operations;

/// <summary>
/// The operators' tools in chromium: a kit mail that failed while the mail server was down, found from /ops by its
/// label number, requeued on its Hangfire page once the server is back, and the action in the journal; an
/// administrator without the operator role sees the same page without its buttons.
/// </summary>
[Collection(ChromiumTests.Name)]
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed partial class OperationsDashboardTests(Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string OperatorEmail = "exploitation@semaine-industrie.local";
    private const string ReaderEmail = "direction@semaine-industrie.local";
    private const string Organiser = "organisatrice@usine-exemple.fr";
    private const string CorrelationId = "ops-navigateur-valenciennes";
    private const string KitJobs = "communication-kit.deliver";

    private readonly int _smtpPort = SmtpServer.FreePort();
    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;
    private Uri _address = null!;

    /// <summary>The followed event's label number, e.g. SDI-2020-000001.</summary>
    private string _labelNumber = null!;

    private string _kitJobKey = null!;

    private string _hangfireJobId = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database, new Dictionary<string, string?>
        {
            // Nothing listens there until the test starts a server: the kit mails fail, and are not retried by themselves.
            ["Mail:Delivery"] = "Smtp",
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = _smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Mail:SmtpTimeout"] = "00:00:05",
            ["Jobs:RetryAttempts"] = "0",
        });
        _address = _platform.StartKestrel();
        await _platform.CreateUserAsync(OperatorEmail, JourneySteps.Password, [PlatformRoles.Operator]);
        await _platform.CreateUserAsync(ReaderEmail, JourneySteps.Password, [PlatformRoles.Administrator]);

        // Two labels granted, the followed one under a known correlation id: their pins are published, their kit mails fail.
        using var admin = await _platform.SignedInClientAsync();
        foreach (var (title, correlationId) in new[] { ("Visite de l'usine de Valenciennes", CorrelationId), ("Portes ouvertes de la fonderie de Maubeuge", "ops-navigateur-maubeuge") })
        {
            var submitted = SampleEvents.FactoryVisit(title: title);
            await _platform.PublishAsync(submitted);
            using var grant = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/labelling/applications/{submitted.EventId}/grant", UriKind.Relative))
            {
                Content = JsonContent.Create(new { }),
            };
            grant.Headers.TryAddWithoutValidation(Correlation.HeaderName, correlationId);
            (await admin.SendAsync(grant)).EnsureSuccessStatusCode();
        }

        var failed = new List<JsonElement>();
        await Eventually.WaitAsync(
            async () =>
            {
                var page = await admin.GetFromJsonAsync<JsonElement>("/api/ops/jobs?state=Failed");
                failed = [.. page.GetProperty("items").EnumerateArray().Where(j => j.GetProperty("type").GetString() == KitJobs)];
                return failed.Count == 2;
            },
            "both kit mails failed",
            TimeSpan.FromSeconds(60));
        var kitJob = failed.Single(j => j.GetProperty("about").GetString()!.Contains("Valenciennes", StringComparison.Ordinal));
        _labelNumber = LabelNumber().Match(kitJob.GetProperty("about").GetString()!).Value;
        Assert.False(string.IsNullOrEmpty(_labelNumber), "the kit job is about a label number");
        _kitJobKey = kitJob.GetProperty("key").GetString()!;
        _hangfireJobId = kitJob.GetProperty("hangfireJobId").GetString()!;
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task FailedKitJob_WhenTheOperatorFindsItFromOpsAndRequeuesItOnHangfireOnceTheMailServerIsBack_SucceedsSendsTheKitOnceAndIsJournaled()
    {
        await using var browser = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
        var page = browser.Page;
        await JourneySteps.SignInAsync(page, OperatorEmail);

        // /ops, from the menu: the label number finds the event's two jobs, the pin published and the kit mail failed.
        await JourneySteps.MenuAsync(page, "Exploitation");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Exploitation");
        await page.Locator("#recherche").FillAsync(_labelNumber);
        await page.Locator("#job-search button[type=submit]").ClickAsync();
        await Expect(page.Locator("#found-count")).ToHaveTextAsync("2 tâches trouvées");
        await Expect(page.Locator("#found tbody tr", new() { HasTextString = "map.publish-pin" })).ToContainTextAsync("réussie");
        var kitRow = page.Locator("#found tbody tr", new() { HasTextString = KitJobs });
        await Expect(kitRow).ToContainTextAsync("en échec");
        await Expect(kitRow).ToContainTextAsync($"Visite de l'usine de Valenciennes ({_labelNumber})");
        await Screenshots.TakeAsync(page, "ops-search.png");

        // Its page on the Hangfire dashboard, in French: titled by the event and its label, with the correlation id
        // of the moderator's grant and the exception. Hangfire names the states themselves in English.
        await kitRow.Locator("a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/hangfire/jobs/details/{Regex.Escape(_hangfireJobId)}$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Envoi du kit – Visite de l'usine de Valenciennes ({_labelNumber})");
        await Expect(page.Locator("table.job-snippet-properties tr", new() { HasTextString = "CorrelationId" })).ToContainTextAsync($"\"{CorrelationId}\"");
        await Expect(CurrentState(page)).ToHaveClassAsync(new Regex("state-card-state-danger"));
        await Expect(CurrentState(page).Locator(".state-card-title")).ToContainTextAsync("Failed");
        await Expect(CurrentState(page)).ToContainTextAsync("Connection refused");
        await Expect(Requeue(page)).ToBeVisibleAsync();
        await Expect(Delete(page)).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "ops-hangfire-failed.png");

        // The mail server is back: « Remettre en file d'attente » (Hangfire asks no confirmation for it, only to delete;
        // an unexpected dialog would be dismissed and the job never run). Its script posts with the anti-forgery
        // token, then reloads the page by itself: that reload is over before the test reloads in turn.
        await using var smtp = await SmtpServer.StartAsync(Path.Combine(_database.Directory, "maildir"), _smtpPort);
        var reloaded = new TaskCompletionSource();
        void OnLoad(object? sender, IPage loaded) => reloaded.TrySetResult();
        page.Load += OnLoad;
        var requeued = await page.RunAndWaitForResponseAsync(
            () => Requeue(page).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith($"/hangfire/jobs/actions/requeue/{_hangfireJobId}", StringComparison.Ordinal));
        Assert.Equal(204, requeued.Status);
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(15));
        page.Load -= OnLoad;
        // Hangfire.Storage.SQLite writes the state, then the expiry, of a succeeded job one after the other: a page read
        // in between shows the failed job's « retirée … il y a 2026 ans » (its expiry cleared as DateTime.MinValue).
        await Eventually.WaitAsync(
            async () =>
            {
                await page.ReloadAsync();
                return (await CurrentState(page).Locator(".state-card-title").TextContentAsync())!.Contains("Succeeded", StringComparison.Ordinal)
                    && (await page.Locator(".alert-info").TextContentAsync())!.Contains("automatiquement dans ", StringComparison.Ordinal);
            },
            "the requeued job is shown succeeded, to be removed in a day",
            TimeSpan.FromSeconds(60));
        await Expect(CurrentState(page)).ToHaveClassAsync(new Regex("state-card-state-success"));
        await Expect(page.Locator(".state-card .state-card-title", new() { HasTextString = "Failed" })).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(page, "ops-hangfire-succeeded.png");

        // Among the dashboard's « Tâches réussies », by its French title.
        await page.Locator("#stats a[href='/hangfire/jobs/succeeded']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tâches réussies");
        await Expect(page.Locator($"a.job-method[href='/hangfire/jobs/details/{_hangfireJobId}']")).ToContainTextAsync($"Envoi du kit – Visite de l'usine de Valenciennes ({_labelNumber})");

        // The organiser gets the kit once; the other event's kit mail, not requeued, stays failed.
        // (The mails saying the submissions were received failed for good too, and are not requeued either.)
        await page.Locator("#stats a[href='/hangfire/jobs/failed']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tâches échouées");
        await Expect(page.Locator("a.job-method", new() { HasTextString = "Envoi du kit" })).ToHaveCountAsync(1);
        await Expect(page.Locator($"a.job-method[href='/hangfire/jobs/details/{_hangfireJobId}']")).ToHaveCountAsync(0);
        await Eventually.WaitAsync(() => Task.FromResult(MailFile.Kits(smtp.ReceivedFiles()).Count >= 1), "the kit mail reaches the mail server");
        var mail = MailFile.Read(Assert.Single(MailFile.Kits(smtp.ReceivedFiles())));
        Assert.Equal(Organiser, mail.To);
        Assert.Contains(_labelNumber, mail.Subject, StringComparison.Ordinal);

        // Back to the site by Hangfire's link: the journal says who requeued the job on the dashboard.
        await page.Locator(".navbar a[href='/ops']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Exploitation");
        await page.Locator("main a[href='/ops/journal']").First.ClickAsync();
        await Expect(page.Locator("#count")).ToHaveTextAsync("1 action");
        var action = page.Locator("#journal tbody tr");
        await Expect(action).ToContainTextAsync(OperatorEmail);
        await Expect(action).ToContainTextAsync("Relance d'une tâche");
        await Expect(action).ToContainTextAsync($"{KitJobs} {_kitJobKey} (tâche Hangfire n° {_hangfireJobId})");

        Assert.Single(MailFile.Kits(smtp.ReceivedFiles()));
        Assert.Empty(browser.RequestsElsewhere);
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task HangfireJobPage_WhenAnAdministratorWithoutTheOperatorRole_ShowsTheFailedJobWithoutRequeueOrDelete()
    {
        await using var browser = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
        var page = browser.Page;
        await JourneySteps.SignInAsync(page, ReaderEmail);

        await JourneySteps.MenuAsync(page, "Exploitation");
        await page.Locator("#recherche").FillAsync(_labelNumber);
        await page.Locator("#job-search button[type=submit]").ClickAsync();
        await page.Locator("#found tbody tr", new() { HasTextString = KitJobs }).Locator("a").ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync($"Envoi du kit – Visite de l'usine de Valenciennes ({_labelNumber})");
        await Expect(CurrentState(page).Locator(".state-card-title")).ToContainTextAsync("Failed");
        await Expect(Requeue(page)).ToHaveCountAsync(0);
        await Expect(Delete(page)).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-ajax]")).ToHaveCountAsync(0);

        // Nor does Hangfire take the command from them, anti-forgery token and all (401: its answer to a read-only
        // user, where a missing token gets 403); the job stays failed and nothing is journaled.
        var token = await page.Locator("meta[name=csrf-token]").GetAttributeAsync("content");
        Assert.False(string.IsNullOrEmpty(token));
        var refused = await page.APIRequest.PostAsync(
            $"/hangfire/jobs/actions/requeue/{_hangfireJobId}",
            new() { Headers = new Dictionary<string, string> { ["RequestVerificationToken"] = token } });
        Assert.Equal(401, refused.Status);
        await page.ReloadAsync();
        await Expect(CurrentState(page).Locator(".state-card-title")).ToContainTextAsync("Failed");

        // The failed list offers no batch action either.
        await page.Locator("#stats a[href='/hangfire/jobs/failed']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tâches échouées");
        await Expect(page.Locator($"a.job-method[href='/hangfire/jobs/details/{_hangfireJobId}']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-ajax], .js-jobs-list-command")).ToHaveCountAsync(0);

        await page.GotoAsync("/ops/journal");
        await Expect(page.Locator("#count")).ToHaveTextAsync("0 action");

        Assert.Empty(browser.RequestsElsewhere);
        Assert.Empty(browser.Errors);
    }

    /// <summary>The job's current state: the first of its state cards, newest first.</summary>
    private static ILocator CurrentState(IPage page) => page.Locator(".state-card").First;

    private static ILocator Requeue(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Remettre en file d'attente" });

    private static ILocator Delete(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Supprimer" });

    [GeneratedRegex(@"SDI-\d{4}-\d{6}")]
    private static partial Regex LabelNumber();
}
