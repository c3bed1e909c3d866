using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Browser.Tests.Journeys;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace IndustryWeek.Browser.Tests.Accessibility;

/// <summary>
/// Issue 20: every page a person uses, as each role, on a desktop and at a phone's width, audited by axe-core in
/// chromium: no serious or critical violation. The accessibility statement (/accessibilite) reports this audit.
/// The Hangfire dashboard (/hangfire, operators only) is Hangfire's own markup and is not audited. The API reference
/// (/api/docs) is Scalar's markup and is audited like the site's pages: its language and its light theme's contrast
/// are set by the host (ApiReferencePage, api-reference.js).
/// </summary>
[Collection(ChromiumTests.Name)]
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class AccessibilityTests(Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string OrganiserEmail = "organisatrice@accessible.fr";
    private const string ModeratorEmail = "moderatrice@accessible.fr";
    private const string OperatorEmail = "operateur@accessible.fr";

    private static readonly (string Name, int Width, int Height)[] Widths = [("ordinateur", 1280, 900), ("téléphone", 412, 823)];

    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;
    private Uri _address = null!;
    private Guid _event;
    private Guid _edition;
    private string _organiserId = "";

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database);
        _address = _platform.StartKestrel();
        var day = JourneySteps.Iso((await JourneySteps.PublishUpcomingEditionAsync(_platform)).AddDays(1));
        await _platform.CreateUserAsync(OrganiserEmail, JourneySteps.Password, [PlatformRoles.Organiser]);
        await _platform.CreateUserAsync(ModeratorEmail, JourneySteps.Password, [PlatformRoles.Moderator], ["32"]);
        await _platform.CreateUserAsync(OperatorEmail, JourneySteps.Password, [PlatformRoles.Operator]);
        using var organiser = await _platform.SignedInClientAsync(OrganiserEmail, JourneySteps.Password);
        (await organiser.PutAsJsonAsync("/api/me/organisation", new
        {
            name = "Forges de Valenciennes",
            type = "IndustrialCompany",
            address = new { street = "1 rue de l'Industrie", postalCode = "59300", city = "Valenciennes" },
            contactName = "Camille Martin",
        })).EnsureSuccessStatusCode();
        var created = await organiser.PostAsJsonAsync("/api/events", new
        {
            title = "Visite des forges",
            description = "Découverte des ateliers de forge et des métiers de la maintenance.",
            format = "CompanyVisit",
            audiences = new[] { "Pupils", "JobSeekers" },
            sectors = new[] { "Automotive" },
            sessions = new[] { new { start = $"{day}T09:00", end = $"{day}T12:00" } },
            location = new { mode = "OnSite", street = "1 rue de l'Industrie", postalCode = "59300", inseeCode = "59606", latitude = 50.357, longitude = 3.523 },
            isFree = true,
            booking = new { required = false },
            publicContact = new { email = "visites@forges.example.fr" },
            accessible = true,
            aboutIndustry = true,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST /api/events: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        _event = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await organiser.PostAsync(new Uri($"/api/events/{_event}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
        using var moderator = await _platform.SignedInClientAsync(ModeratorEmail, JourneySteps.Password);
        await Eventually.WaitAsync(
            async () => (await moderator.PostAsJsonAsync($"/api/labelling/applications/{_event}/grant", new { comment = "Bravo" })).IsSuccessStatusCode,
            "the moderator grants the label");
        using var visitor = _platform.CreateClient();
        await Eventually.WaitAsync(
            async () => (await visitor.GetAsync(new Uri($"/api/map/events/{_event}", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
            "the event is on the map");
        _edition = (await visitor.GetFromJsonAsync<JsonElement>("/api/editions/current")).GetProperty("id").GetGuid();
        await using var scope = _platform.Services.CreateAsyncScope();
        _organiserId = (await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(OrganiserEmail))!.Id;
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>The pages that answer with an error status, as a person sees them (French, in the site's layout).</summary>
    private static readonly Dictionary<string, int> ErrorPages = new(StringComparer.Ordinal)
    {
        ["/acces-refuse"] = 403,
        ["/page-qui-n-existe-pas"] = 404,
    };

    [Fact]
    public async Task Every_page_a_person_uses_has_no_serious_or_critical_axe_violation_as_each_role_on_desktop_and_phone()
    {
        (string Role, string? Email, string Password, string[] Paths)[] people =
        [
            ("visiteur", null, "", ["/", "/carte", "/carte/integration?region=32", $"/evenements/{_event}", "/connexion", "/inscription", "/mot-de-passe-oublie",
                "/nouveau-mot-de-passe", "/confirmation-email", "/confirmation-email?userId=x&code=y&changedEmail=nouvelle%40exemple.fr",
                "/confirmation-email/nouveau-lien", "/acces-refuse", "/accessibilite", "/mentions-legales",
                "/donnees-personnelles", "/cookies", "/carte?department=zz", "/page-qui-n-existe-pas", "/api/docs"]),
            ("organisateur", OrganiserEmail, JourneySteps.Password, ["/", "/mon-espace", "/mon-espace/evenements/nouveau", "/mon-espace/import", $"/mon-espace/evenements/{_event}",
                $"/mon-espace/evenements/{_event}/modifier", $"/mon-espace/evenements/{_event}/bilan", $"/mon-espace/evenements/{_event}/kit",
                "/organisation", "/invitation", "/mon-compte"]),
            ("modérateur", ModeratorEmail, JourneySteps.Password, ["/moderation", "/moderation/statistiques", $"/moderation/demandes/{_event}", "/carte"]),
            ("administrateur", PlatformFactory.AdminEmail, PlatformFactory.AdminPassword, ["/admin/editions", "/admin/editions/nouvelle", $"/admin/editions/{_edition}",
                $"/admin/editions/{_edition}/modifier", $"/admin/editions/{_edition}/reprogrammer", $"/admin/editions/{_edition}/tableau-de-bord", "/admin/comptes", $"/admin/comptes/{_organiserId}",
                $"/admin/comptes/{_organiserId}/verrouillage", "/moderation/motifs"]),
            ("exploitant", OperatorEmail, JourneySteps.Password, ["/admin/kits", "/ops", "/ops/journal", "/ops/outbox", "/ops/recurrentes"]),
        ];
        var failures = new List<string>();
        var audited = 0;
        foreach (var (role, email, password, paths) in people)
        {
            await using var browser = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
            var page = browser.Page;
            if (email is not null)
            {
                await JourneySteps.SignInAsync(page, email, password);
            }

            foreach (var (width, x, y) in Widths)
            {
                await page.SetViewportSizeAsync(x, y);
                foreach (var path in paths)
                {
                    var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
                    // The error pages say what they are with their status too: audited as the pages they are.
                    if (response?.Status != (ErrorPages.TryGetValue(path, out var status) ? status : 200))
                    {
                        failures.Add($"{path} ({role}, {width}): {response?.Status}");
                        continue;
                    }

                    audited++;
                    failures.AddRange((await Axe.SeriousViolationsAsync(page)).Select(v => $"{path} ({role}, {width}): {v}"));
                }
            }
        }

        await using var reader = await RecordedPage.OpenAsync(chromium.Browser, _address);
        await reader.Page.GotoAsync("/accessibilite");
        var version = await Axe.VersionAsync(reader.Page);
        output.WriteLine($"axe-core {version}: {audited} pages audited, {failures.Count} serious or critical violations");
        Assert.True(failures.Count == 0, $"{failures.Count} serious or critical violations on {audited} pages audited:\n" + string.Join("\n", failures));

        // The accessibility statement reports this very audit: its tool, its pages (one per role using it) and its count.
        var statement = await reader.Page.Locator("main").InnerTextAsync();
        Assert.Contains($"axe-core {version}", statement, StringComparison.Ordinal);
        Assert.Contains($"les {people.Sum(p => p.Paths.Length)} pages que les personnes utilisent", statement, StringComparison.Ordinal);
        Assert.Contains($"soit {audited} pages contrôlées", statement, StringComparison.Ordinal);
    }
}
