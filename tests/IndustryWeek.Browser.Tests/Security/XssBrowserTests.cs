using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Browser.Tests.Journeys;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IndustryWeek.Browser.Tests.Security;

/// <summary>
/// Issue 9: markup written by an organiser in every text of the organisation and of a labelled event never runs,
/// on any page that shows it, for whoever reads it (the organiser, the region's moderator, the administrator, the
/// public): no dialog, no script-set global, no Content-Security-Policy violation (which would mean markup reached
/// the page and only the policy stopped it).
/// </summary>
[Collection(ChromiumTests.Name)]
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class XssBrowserTests(Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string Password = "Mot-de-passe-2027";
    private const string OrganiserEmail = "organisatrice@xss.fr";
    private const string ModeratorEmail = "moderatrice@xss.fr";
    private const string Title = "Visite <img src=x onerror=\"window.__xss=1;alert('titre')\"> <script>window.__xss=2;alert('script')</script>";
    private const string Description = "Découverte des ateliers <svg onload=\"window.__xss=3;alert('svg')\"> </textarea><img src=x onerror=\"window.__xss=4\"> « fin »";
    private const string Street = "1 rue <img src=x onerror=\"window.__xss=5\"> de l'Industrie";
    private const string Organisation = "Alpha \"><img src=x onerror=\"window.__xss=6;alert('organisation')\"> SAS";
    private const string Contact = "Camille <script>window.__xss=7</script>";

    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;
    private Uri _address = null!;
    private Guid _event;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database);
        _address = _platform.StartKestrel();
        var day = JourneySteps.Iso((await JourneySteps.PublishUpcomingEditionAsync(_platform)).AddDays(1));
        await Eventually.WaitAsync(
            async () => await _database.ScalarAsync("""SELECT COUNT(*) FROM editions_outbox WHERE "ProcessedAtUtc" IS NULL""") == 0,
            "Registration received every edition (editions_outbox all processed)");
        await _platform.CreateUserAsync(OrganiserEmail, Password, [PlatformRoles.Organiser]);
        await _platform.CreateUserAsync(ModeratorEmail, Password, [PlatformRoles.Moderator], ["32"]);
        using var organiser = await _platform.SignedInClientAsync(OrganiserEmail, Password);
        (await organiser.PutAsJsonAsync("/api/me/organisation", new
        {
            name = Organisation,
            type = "IndustrialCompany",
            address = new { street = Street, postalCode = "59300", city = "Valenciennes" },
            contactName = Contact,
        })).EnsureSuccessStatusCode();

        var created = await organiser.PostAsJsonAsync("/api/events", new
        {
            title = Title,
            description = Description,
            format = "CompanyVisit",
            audiences = new[] { "Pupils", "JobSeekers" },
            sectors = new[] { "Automotive" },
            sessions = new[] { new { start = $"{day}T09:00", end = $"{day}T12:00" } },
            location = new { mode = "OnSite", street = Street, postalCode = "59300", inseeCode = "59606", latitude = 50.357, longitude = 3.523 },
            isFree = true,
            booking = new { required = false },
            publicContact = new { email = "visites@usine-exemple.fr" },
            accessible = true,
            aboutIndustry = true,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST /api/events: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        _event = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await organiser.PostAsync(new Uri($"/api/events/{_event}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();

        // Labelling opens the application when the outbox brings EventSubmitted; the moderator then grants it.
        using var moderator = await _platform.SignedInClientAsync(ModeratorEmail, Password);
        await Eventually.WaitAsync(
            async () => (await moderator.PostAsJsonAsync($"/api/labelling/applications/{_event}/grant", new { comment = "<b>Bravo</b>" })).IsSuccessStatusCode,
            "the moderator grants the label");
        using var visitor = _platform.CreateClient();
        await Eventually.WaitAsync(
            async () => (await visitor.GetAsync(new Uri($"/api/map/events/{_event}", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
            "the event is on the map");
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Markup_in_organisers_texts_never_runs_on_any_page_that_shows_it()
    {
        var failures = new List<string>();
        (string? Email, string[] Paths)[] readers =
        [
            (OrganiserEmail, ["/mon-espace", $"/mon-espace/evenements/{_event}", $"/mon-espace/evenements/{_event}/modifier", $"/mon-espace/evenements/{_event}/kit", "/organisation"]),
            (ModeratorEmail, ["/moderation", $"/moderation/demandes/{_event}"]),
            (PlatformFactory.AdminEmail, [$"/moderation/demandes/{_event}", "/admin/kits", "/admin/comptes"]),
            (null, [$"/evenements/{_event}", "/carte", "/carte/integration", "/"]),
        ];
        var visited = 0;
        foreach (var (email, paths) in readers)
        {
            await using var browser = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
            var page = browser.Page;
            var dialogs = new List<string>();
            page.Dialog += (_, dialog) =>
            {
                dialogs.Add(dialog.Message);
                _ = dialog.DismissAsync();
            };
            if (email is not null)
            {
                await page.GotoAsync("/connexion");
                await page.Locator("main input[name=Email]").FillAsync(email);
                await page.Locator("main input[name=Password]").FillAsync(email == PlatformFactory.AdminEmail ? PlatformFactory.AdminPassword : Password);
                await page.Locator("main form button[type=submit]").ClickAsync();
                await Expect(page.Locator("header")).ToContainTextAsync(email);
            }

            foreach (var path in paths)
            {
                var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
                visited++;
                if (response?.Status != 200)
                {
                    failures.Add($"{path} as {email ?? "visitor"}: {response?.Status}");
                    continue;
                }

                // Scroll and hover over everything once: a handler waiting for an event must get its chance.
                await page.EvaluateAsync("() => { window.scrollTo(0, document.body.scrollHeight); document.querySelectorAll('*').forEach(e => e.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))); }");
                var ran = await page.EvaluateAsync<JsonElement>("() => window.__xss === undefined ? null : String(window.__xss)");
                if (ran.ValueKind != JsonValueKind.Null)
                {
                    failures.Add($"{path} as {email ?? "visitor"}: an injected script ran (window.__xss = {ran})");
                }

                // The event page's JSON-LD holds the texts as data (never run): it must still be one whole JSON document.
                var injected = await page.EvaluateAsync<int>("""
                    () => document.querySelectorAll('[onerror], [onload]').length
                        + [...document.scripts].filter(s => s.type !== 'application/ld+json' && s.textContent.includes('__xss')).length
                        + [...document.scripts].filter(s => s.type === 'application/ld+json' && (() => { try { JSON.parse(s.textContent); return false; } catch { return true; } })()).length
                    """);
                if (injected > 0)
                {
                    failures.Add($"{path} as {email ?? "visitor"}: {injected} injected elements in the DOM");
                }
            }

            failures.AddRange(dialogs.Select(d => $"as {email ?? "visitor"}: a dialog opened: {d}"));
            failures.AddRange(browser.Errors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || e.Contains("Refused to", StringComparison.Ordinal))
                .Select(e => $"as {email ?? "visitor"}: {e}"));
        }

        Assert.True(failures.Count == 0, $"{failures.Count} problems on {visited} pages:\n" + string.Join("\n", failures));

        // And the texts are there, shown as typed (dropping them would also pass the checks above).
        await using var reader = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
        await reader.Page.GotoAsync($"/evenements/{_event}");
        await Expect(reader.Page.Locator("main")).ToContainTextAsync("<script>window.__xss=2;alert('script')</script>");
        await Expect(reader.Page.Locator("main")).ToContainTextAsync("<svg onload=\"window.__xss=3;alert('svg')\">");
    }

    [Fact]
    public async Task Markup_in_an_imported_file_never_runs_in_the_import_report()
    {
        // The reference comes back in the report as typed; the format's, shortened, in its French error.
        const string Reference = "<img src=x onerror=\"window.__xss=8\">";
        const string Format = "<script>window.__xss=9</script>";
        var file = "externalId;title;description;format;audiences;sectors;sessions;location.mode;location.onlineUrl;isFree\r\n"
            + $"\"{Reference.Replace("\"", "\"\"", StringComparison.Ordinal)}\";Webinaire des métiers;Une présentation des métiers de l'industrie.;{Format};Pupils;Automotive;2000-01-01T09:00/2000-01-01T10:00;Online;https://visio.exemple.fr/a;oui\r\n";
        await using var browser = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
        var page = browser.Page;
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync("/connexion");
        await page.Locator("main input[name=Email]").FillAsync(OrganiserEmail);
        await page.Locator("main input[name=Password]").FillAsync(Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("header")).ToContainTextAsync(OrganiserEmail);

        await page.GotoAsync("/mon-espace/import");
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = "evenements.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(file) });
        await page.Locator("main form button[type=submit]").ClickAsync();

        var report = page.Locator("main table").First;
        await Expect(report).ToContainTextAsync(Reference);
        await Expect(report).ToContainTextAsync(Format);
        Assert.Equal(JsonValueKind.Null, (await page.EvaluateAsync<JsonElement>("() => window.__xss === undefined ? null : String(window.__xss)")).ValueKind);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('[onerror], [onload]').length"));
        Assert.Empty(dialogs);
    }
}
