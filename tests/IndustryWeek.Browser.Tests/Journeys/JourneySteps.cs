using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IndustryWeek.Browser.Tests.Journeys;

/// <summary>What the journeys do the same way: sign in through the page, tick DSFR boxes, read a poster's QR code.</summary>
internal static class JourneySteps
{
    public const string Password = "Mot-de-passe-2027";

    /// <summary>Signs in on /connexion as a person does and waits until the header shows who is signed in.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = Password)
    {
        await page.GotoAsync("/connexion");
        await page.Locator("main input[name=Email]").FillAsync(email);
        await page.Locator("main input[name=Password]").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("header")).ToContainTextAsync(email);
    }

    /// <summary>Follows a link of the header's menu, by its text.</summary>
    public static async Task MenuAsync(IPage page, string text) =>
        await page.Locator("header .fr-nav__link", new() { HasTextString = text }).ClickAsync();

    /// <summary>Ticks a checkbox or radio button on its label, where DSFR draws the box.</summary>
    public static async Task TickAsync(IPage page, string inputSelector)
    {
        var input = page.Locator(inputSelector);
        await page.Locator($"label[for='{await input.GetAttributeAsync("id")}']").ClickAsync();
        await Expect(input).ToBeCheckedAsync();
    }

    /// <summary>Waits until the pin's tip (the bottom centre of Leaflet's marker) is at this point of the form's map, any zoom animation over.</summary>
    public static async Task WaitForPinAtAsync(IPage page, int x, int y) =>
        await page.WaitForFunctionAsync(
            """
            ([x, y]) => {
                const map = document.getElementById('pin-map');
                const icon = map.querySelector('.leaflet-marker-icon');
                if (!icon || map.querySelector('.leaflet-zoom-anim')) return false;
                const m = map.getBoundingClientRect(), i = icon.getBoundingClientRect();
                const tipX = i.left + i.width / 2 - m.left - map.clientLeft, tipY = i.bottom - m.top - map.clientTop;
                return Math.abs(tipX - x) <= 2 && Math.abs(tipY - y) <= 2;
            }
            """,
            new[] { x, y });

    /// <summary>
    /// Reloads the page until <paramref name="locator"/> shows <paramref name="text"/>: work done in the background shows up
    /// (within a minute: the outbox, then a job building PDFs, on a CI machine shared with other builds).
    /// </summary>
    public static async Task ReloadUntilAsync(IPage page, ILocator locator, string text, string what) =>
        await Eventually.WaitAsync(
            async () =>
            {
                await page.ReloadAsync();
                return await locator.CountAsync() > 0 && (await locator.First.TextContentAsync() ?? "").Contains(text, StringComparison.Ordinal);
            },
            what,
            TimeSpan.FromSeconds(60));

    /// <summary>
    /// An edition open for registration today, its map public, published through the administrators' API:
    /// the week next March (this March until February), Hauts-de-France's period wider, as in 2020.
    /// </summary>
    /// <returns>The first day of its headline week.</returns>
    public static async Task<DateOnly> PublishUpcomingEditionAsync(PlatformFactory platform)
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var year = today.Month >= 3 ? today.Year + 1 : today.Year;
        var monday = new DateOnly(year, 3, 20);
        while (monday.DayOfWeek != DayOfWeek.Monday)
        {
            monday = monday.AddDays(1);
        }

        var closes = monday.AddDays(-10);
        var opens = today.AddDays(-7) < closes ? today.AddDays(-7) : closes.AddDays(-1);
        using var admin = await platform.SignedInClientAsync();
        var created = await admin.PostAsJsonAsync("/api/editions", new Dictionary<string, object?>
        {
            ["number"] = year - 2010,
            ["year"] = year,
            ["name"] = $"Semaine de l'industrie {year}",
            ["theme"] = "Inventer un avenir durable",
            ["themeDescription"] = "Transition écologique, économie circulaire et mixité des métiers.",
            ["focusTopics"] = new[] { "Transition écologique", "Mixité des métiers" },
            ["hashtag"] = "#SemaineIndustrie",
            ["headlineWeek"] = new { start = Iso(monday), end = Iso(monday.AddDays(6)) },
            ["eventPeriod"] = new { start = Iso(monday), end = Iso(monday.AddDays(6)) },
            ["regionalPeriods"] = new[] { new { regionCode = "32", start = Iso(monday.AddDays(-7)), end = Iso(monday.AddDays(20)) } },
            ["registrationOpens"] = Iso(opens),
            ["registrationCloses"] = Iso(closes),
            ["mapVisibleFrom"] = Iso(opens),
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST /api/editions: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await admin.PostAsync(new Uri($"/api/editions/{id}/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
        await RegistrationKnowsTheEditionsAsync(platform);
        return monday;
    }

    /// <summary>Waits until the host's outbox dispatcher has handed every edition message to the other modules.</summary>
    public static Task RegistrationKnowsTheEditionsAsync(PlatformFactory platform) =>
        Eventually.WaitAsync(
            async () => await platform.Database.ScalarAsync("""SELECT COUNT(*) FROM editions_outbox WHERE "ProcessedAtUtc" IS NULL""") == 0,
            "every edition message dispatched (editions_outbox all processed)");

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The text of the QR code(s) printed on the first page of a PDF, as a phone's camera reads it (poppler-utils, zbar-tools).</summary>
    public static string ReadQrCode(string pdfPath)
    {
        var image = Path.Combine(Path.GetDirectoryName(pdfPath)!, Path.GetFileNameWithoutExtension(pdfPath));
        Run("pdftoppm", "poppler-utils", "-png", "-r", "150", "-singlefile", pdfPath, image);
        return Run("zbarimg", "zbar-tools", "-q", "--raw", image + ".png").TrimEnd('\n', '\r');
    }

    private static string Run(string program, string debianPackage, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"The journeys need {program}: apt-get install -y {debianPackage} ({e.Message}).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} took more than 60 s.");
            }

            process.WaitForExit();
            return process.ExitCode == 0
                ? output.Result
                : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {errors.Result}");
        }
    }
}
