using System.Text.RegularExpressions;
using IndustryWeek.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IndustryWeek.Browser.Tests.ApiReference;

/// <summary>
/// /api/docs in chromium: Scalar draws the API's operations from /openapi/v1.json, under the page's own
/// Content-Security-Policy, with every file from the host (no font, script or telemetry host asked) and no console error.
/// </summary>
[Collection(ChromiumTests.Name)]
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class ApiReferenceBrowserTests(Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database);
        _address = _platform.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ApiDocs_FromTheFooter_ShowsTheOperationsOfTheDocument_WithNothingFetchedElsewhereAndNoError()
    {
        await using var browser = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
        var page = browser.Page;
        await page.GotoAsync("/");

        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Documentation de l'API" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/api/docs"));
        // An operation of the document, by its summary (Scalar draws the first group at once, the others as one scrolls).
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Donne ses rôles à un compte, et ses régions à un modérateur (administrateur)." })).ToBeVisibleAsync();
        Assert.Contains(_address + "openapi/v1.json", browser.Requests);
        Assert.Empty(browser.RequestsElsewhere);
        Assert.Empty(browser.Errors);
    }
}
