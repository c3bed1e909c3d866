using IndustryWeek.Testing;
using Microsoft.Playwright;

namespace IndustryWeek.Browser.Tests;

/// <summary>Where the journeys' screenshots go: docs/screenshots/, shown by the README.</summary>
internal static class Screenshots
{
    public static string PathFor(string name)
    {
        var directory = Path.Combine(HostProcess.RepositoryRoot, "docs", "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }

    /// <summary>
    /// A full-page screenshot that leaves the page as it is. Playwright hides the caret by default with an inline
    /// style on every input, the header's hidden anti-forgery field included; when DSFR's script starts at that moment,
    /// it copies the header's links with innerHTML, style and all, and the CSP (style-src 'self') rejects it: a console
    /// error caused by the test, not the page.
    /// </summary>
    public static Task TakeAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.ScreenshotAsync(new() { Path = PathFor(name), FullPage = true, Caret = ScreenshotCaret.Initial });
    }
}
