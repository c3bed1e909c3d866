using System.Text.Json;
using Microsoft.Playwright;

namespace IndustryWeek.Browser.Tests.Accessibility;

/// <summary>
/// axe-core (npm, tests/IndustryWeek.Browser.Tests/package.json), copied beside the tests by the build, run in the page
/// as it is: its serious and critical violations, each with its rule, the elements it found and what the rule asks.
/// </summary>
internal static class Axe
{
    private static readonly Lazy<string> Source = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js")));

    /// <summary>The axe-core version the audit ran with (the accessibility statement quotes it).</summary>
    public static async Task<string> VersionAsync(IPage page)
    {
        await InjectAsync(page);
        return await page.EvaluateAsync<string>("() => axe.version");
    }

    /// <summary>The page's serious and critical violations, one line each: « rule (impact): help – selectors ».</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await InjectAsync(page);
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const results = await axe.run(document, { resultTypes: ['violations'] });
                return results.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        return [.. violations.EnumerateArray().Select(v => v.GetString() ?? "")];
    }

    // Evaluated through the DevTools protocol, as a test's own script: the site's Content-Security-Policy (no inline
    // script) applies to the page's scripts, not to this, and the page is audited with its real policy.
    private static async Task InjectAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source.Value);
        }
    }
}
