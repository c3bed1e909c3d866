using System.Net;
using System.Net.Http.Json;
using IndustryWeek.Shared.Time;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.NoDeadEnds;

/// <summary>
/// The home page shows the edition open for registration and the way to register an event; after sign-in each role
/// lands where its work is; a person with several roles gets one menu.
/// </summary>
public sealed class HomeAndSignInTests
{
    [Fact]
    public async Task HomePage_WithAnEditionOpenForRegistration_ShowsItsNameThemeDatesDeadlineAndTheCallToRegister()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        using var visitor = PageSession.Anonymous(platform);
        Assert.NotNull((await visitor.GetAsync("/")).Document.QuerySelector("#no-open-edition"));

        using var administrator = await platform.SignedInClientAsync();
        var today = TimeProvider.System.TodayInParis();
        var closes = today.AddDays(40);
        var week = (Start: today.AddDays(60), End: today.AddDays(66));
        var created = await administrator.PostAsJsonAsync("/api/editions", new Dictionary<string, object?>
        {
            ["number"] = 30,
            ["year"] = week.Start.Year,
            ["name"] = $"Semaine de l'industrie {week.Start.Year}",
            ["theme"] = "Inventer un avenir durable",
            ["themeDescription"] = "Transition écologique et mixité des métiers.",
            ["focusTopics"] = new[] { "Mixité des métiers" },
            ["hashtag"] = "#SemaineIndustrie",
            ["headlineWeek"] = new { start = Iso(week.Start), end = Iso(week.End) },
            ["eventPeriod"] = new { start = Iso(week.Start), end = Iso(week.End) },
            ["regionalPeriods"] = Array.Empty<object>(),
            ["registrationOpens"] = Iso(today.AddDays(-1)),
            ["registrationCloses"] = Iso(closes),
            ["mapVisibleFrom"] = Iso(week.Start.AddDays(-7)),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        Assert.True((await administrator.PostAsync(new Uri($"/api/editions/{id}/publish", UriKind.Relative), null)).IsSuccessStatusCode);

        var home = await visitor.GetAsync("/");
        var open = home.Document.QuerySelector("#open-edition");
        Assert.NotNull(open);
        Assert.Equal($"Semaine de l'industrie {week.Start.Year}", open.QuerySelector("h2")?.TextContent);
        Assert.Equal("« Inventer un avenir durable »", open.QuerySelector("#open-edition-theme")?.TextContent);
        Assert.Contains(ParisTime.FormatDate(week.Start), open.QuerySelector("#open-edition-dates")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(ParisTime.FormatDate(closes), open.QuerySelector("#open-edition-deadline")?.TextContent, StringComparison.Ordinal);
        var register = home.Document.QuerySelector("#register-event");
        Assert.Equal("Inscrire mon événement", register?.TextContent);

        // The call to action leads an organiser to the new event form, through the sign-in for a visitor.
        var toForm = await visitor.GetAsync(register!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.Redirect, toForm.Response.StatusCode);
        Assert.Equal("/connexion", toForm.Response.Headers.Location?.AbsolutePath);

        // The map's button keeps its label next to its icon (a DSFR group of icon buttons hides labels otherwise).
        var mapLink = home.Document.QuerySelector("#map-link");
        Assert.Equal("Carte des événements labellisés", mapLink?.TextContent);
        Assert.Contains("fr-btns-group--icon-left", mapLink!.ParentElement!.ParentElement!.ClassName, StringComparison.Ordinal);

        // The map itself, the embeddable one, in a frame the site is allowed to show (loaded when scrolled to).
        var frame = home.Document.QuerySelector("iframe#home-map");
        Assert.Equal("/carte/integration", frame?.GetAttribute("src"));
        Assert.Equal("lazy", frame?.GetAttribute("loading"));
        Assert.False(string.IsNullOrWhiteSpace(frame?.GetAttribute("title")));
        var embedded = await visitor.GetAsync("/carte/integration");
        Assert.Equal(HttpStatusCode.OK, embedded.Response.StatusCode);
        Assert.Contains("frame-ancestors 'self'", embedded.Response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Organiser", "/mon-espace")]
    [InlineData("Moderator", "/moderation")]
    [InlineData("Administrator", "/admin/editions")]
    [InlineData("Operator", "/ops")]
    public async Task SignIn_WithoutAPageAsked_LandsWhereTheRolesWorkIs(string role, string landing)
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        await platform.CreateUserAsync("personne@tests.local", "Personne-2020-ok", [role], role == "Moderator" ? ["32"] : null);
        using var session = PageSession.Anonymous(platform);

        var form = await session.GetAsync("/connexion");
        var signedIn = await session.SubmitAsync(form, "main form", new() { ["Email"] = "personne@tests.local", ["Password"] = "Personne-2020-ok" });

        Assert.Equal(HttpStatusCode.Redirect, signedIn.Response.StatusCode);
        Assert.Equal(landing, signedIn.Response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(landing)).Response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithAPageAsked_GoesBackToIt()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        using var session = PageSession.Anonymous(platform);

        var form = await session.GetAsync("/connexion?ReturnUrl=%2Fadmin%2Fcomptes");
        var signedIn = await session.SubmitAsync(form, "main form", new() { ["Email"] = PlatformFactory.AdminEmail, ["Password"] = PlatformFactory.AdminPassword });

        Assert.Equal("/admin/comptes", signedIn.Response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Menu_OfAPersonWithSeveralRoles_IsOneMenuWithEachLinkOnce()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        await platform.CreateUserAsync("polyvalente@tests.local", "Polyvalente-2020", ["Organiser", "Moderator", "Operator"], ["32"]);
        using var session = await PageSession.SignedInAsync(platform, "polyvalente@tests.local", "Polyvalente-2020");

        var home = await session.GetAsync("/");

        var menus = home.Document.QuerySelectorAll("nav.fr-nav");
        Assert.Single(menus);
        var links = menus[0].QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/mon-espace", "/organisation", "/moderation", "/admin/kits", "/ops", "/carte"], links);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
