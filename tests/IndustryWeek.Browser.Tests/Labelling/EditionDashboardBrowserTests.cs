using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Browser.Tests.Journeys;
using IndustryWeek.Shared;
using IndustryWeek.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IndustryWeek.Browser.Tests.Labelling;

/// <summary>Issue 21: the administrator reaches the edition's dashboard from the editions list and reads its charts in chromium (screenshot edition-dashboard.png).</summary>
[Collection(ChromiumTests.Name)]
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class EditionDashboardBrowserTests(Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;
    private Uri _address = null!;
    private Guid _edition;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database);
        _address = _platform.StartKestrel();

        // The demo: the real editions, the upcoming one and its 60 events over the regions, most submitted.
        await _platform.Services.SeedDemoAsync(new DemoOptions());
        await Eventually.WaitAsync(
            async () => await _database.ScalarAsync("""SELECT COUNT(*) FROM registration_outbox WHERE "ProcessedAtUtc" IS NULL""") == 0
                && await _database.ScalarAsync("""SELECT COUNT(*) FROM editions_outbox WHERE "ProcessedAtUtc" IS NULL""") == 0,
            "Labelling received every edition and submission");
        using var admin = await _platform.SignedInClientAsync();
        _edition = (await admin.GetFromJsonAsync<JsonElement>("/api/editions/current")).GetProperty("id").GetGuid();

        // A moderator's morning: a dozen of the waiting applications granted at once.
        var pending = await admin.GetFromJsonAsync<JsonElement>("/api/labelling/applications?status=Pending&pageSize=12");
        var ids = pending.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
        (await admin.PostAsJsonAsync("/api/labelling/applications/bulk-grant", new { ids })).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Dashboard_FromTheEditionsList_DrawsItsChartsWithTheirTablesAndNothingElsewhere()
    {
        await using var administrator = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
        var page = administrator.Page;
        await JourneySteps.SignInAsync(page, PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);
        await page.GotoAsync("/admin/editions");

        await page.Locator($"main a[href='/admin/editions/{_edition}/tableau-de-bord']").ClickAsync();

        await Expect(page.Locator("h1")).ToContainTextAsync("Tableau de bord de l'édition");
        await Expect(page.Locator("#tableau-labels-par-jour-table tbody tr")).Not.ToHaveCountAsync(0);
        foreach (var chart in new[] { "statuts", "regions", "formats", "publics", "retards", "labels-par-jour", "comparaison" })
        {
            var box = await page.Locator($"#tableau-{chart} svg").BoundingBoxAsync();
            Assert.True(box is { Width: > 300, Height: > 150 }, $"the chart « {chart} » is drawn ({box?.Width} × {box?.Height})");
        }

        Assert.True(await page.Locator("#tableau-regions svg rect").CountAsync() > 4, "several regions have bars");
        await Screenshots.TakeAsync(page, "edition-dashboard.png");
        Assert.Empty(administrator.RequestsElsewhere);
        Assert.Empty(administrator.Errors);
    }
}
