using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IndustryWeek.Browser.Tests.Operations;

/// <summary>The operators' dashboard in chromium: a kit mail that failed while the mail server was down, retried from its page once it is back.</summary>
[Collection(ChromiumTests.Name)]
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class OperationsDashboardTests(Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string OperatorEmail = "exploitation@semaine-industrie.local";
    private const string Password = "Mot-de-passe-2027";

    private readonly int _smtpPort = SmtpServer.FreePort();
    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database, new Dictionary<string, string?>
        {
            // Nothing listens there until the test starts a server: the kit mail fails, once retried.
            ["Mail:Delivery"] = "Smtp",
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = _smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Mail:SmtpTimeout"] = "00:00:05",
            ["Jobs:RetryAttempts"] = "1",
            ["Jobs:RetryFirstDelay"] = "00:00:01",
            ["Jobs:RetryMaxDelay"] = "00:00:01",
        });
        _address = _platform.StartKestrel();
        await _platform.CreateUserAsync(OperatorEmail, Password, [PlatformRoles.Operator]);

        // Two labels granted: their pins are published, their kit mails fail.
        using var admin = await _platform.SignedInClientAsync();
        foreach (var title in new[] { "Visite de l'usine de Valenciennes", "Portes ouvertes de la fonderie de Maubeuge" })
        {
            var submitted = SampleEvents.FactoryVisit(title: title);
            await _platform.PublishAsync(submitted);
            (await admin.PostAsJsonAsync($"/api/labelling/applications/{submitted.EventId}/grant", new { })).EnsureSuccessStatusCode();
        }

        await Eventually.WaitAsync(
            async () => (await admin.GetFromJsonAsync<JsonElement>("/api/ops/jobs?state=Failed")).GetProperty("total").GetInt32() == 2,
            "both kit mails failed");
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Dashboard_InChromium_LeadsToTheFailedJobWhichTheOperatorRetriesUntilItSucceeds()
    {
        await using var browser = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
        var page = browser.Page;

        await page.GotoAsync("/connexion");
        await page.Locator("main input[name=Email]").FillAsync(OperatorEmail);
        await page.Locator("main input[name=Password]").FillAsync(Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("header")).ToContainTextAsync(OperatorEmail);

        // The dashboard, from the menu: two failed jobs, the day's runs drawn (styled by ops.css, no inline style).
        await page.Locator("header .fr-nav__link[href='/ops']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Exploitation");
        await Expect(page.Locator("#counter-failed .ops-counter__count")).ToHaveTextAsync("2");
        var failedBars = page.Locator("#activite-24h svg rect.ops-chart__bar--failed");
        await Expect(failedBars.First).ToBeVisibleAsync();
        Assert.Equal("rgb(206, 5, 0)", await failedBars.First.EvaluateAsync<string>("bar => getComputedStyle(bar).fill"));
        await Expect(page.Locator("#activite-24h svg desc")).ToContainTextAsync("4 exécutions en échec");
        await Expect(page.Locator("#recurring tbody tr")).ToHaveCountAsync(2);
        await Screenshots.TakeAsync(page, "ops-dashboard.png");

        // The failed list, then the first job's page: its exception, whole, behind « details ».
        await page.Locator("#counter-failed a").ClickAsync();
        await Expect(page.Locator("#count")).ToHaveTextAsync("2 tâches");
        await page.Locator("#jobs tbody tr a").First.ClickAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync("en échec");
        await Expect(page.Locator("#attempts tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#error-2 pre")).Not.ToBeVisibleAsync();
        await page.Locator("#error-2 summary").ClickAsync();
        await Expect(page.Locator("#error-2 pre")).ToContainTextAsync("Connection refused");

        // The mail server is back: « Relancer », and the job succeeds.
        await using var smtp = await SmtpServer.StartAsync(Path.Combine(_database.Directory, "maildir"), _smtpPort);
        await page.Locator("form#retry button").ClickAsync();
        await Expect(page.Locator("#done")).ToHaveTextAsync("Tâche relancée : elle s'exécute dans quelques instants.");
        await Eventually.WaitAsync(
            async () =>
            {
                await page.ReloadAsync();
                return (await page.Locator("#state").TextContentAsync())?.Trim() == "réussie";
            },
            "the retried job is shown succeeded");
        await Expect(page.Locator("#attempts tbody tr").First).ToContainTextAsync(OperatorEmail);
        await Expect(page.Locator("#job-actions")).ToContainTextAsync("Relance d'une tâche");
        await Expect(page.Locator("form#retry")).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(page, "ops-job.png");

        Assert.Single(smtp.ReceivedFiles());
        Assert.Empty(browser.RequestsElsewhere);
        Assert.Empty(browser.Errors);
    }
}
