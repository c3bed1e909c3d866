using Microsoft.Playwright;

namespace IndustryWeek.Browser.Tests;

/// <summary>
/// Debian's chromium (<c>apt-get install -y chromium</c>) driven by Playwright, launched once for the browser tests.
/// Playwright's own browsers are never downloaded: the feed cannot serve them (../shared/RECIPES.md).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"The browser tests need Debian's chromium at {ExecutablePath}: apt-get install -y chromium");
        }

        // Generous for a loaded CI machine; every wait is still on a condition, never a fixed delay.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>The tests that share the one <see cref="Chromium"/>: <c>[Collection(ChromiumTests.Name)]</c>.</summary>
[CollectionDefinition(Name)]
public sealed class ChromiumTests : ICollectionFixture<Chromium>
{
    public const string Name = "Chromium";
}
