using System.Net;
using System.Net.Http.Json;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.PublicPages;

/// <summary>The public map and event pages without JavaScript, without an account; the security headers on every answer.</summary>
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class PublicPagesTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string HostileTitle = "Portes ouvertes <script>alert('x')</script> & « forge »";

    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;
    private Guid _eventId;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database);
        var submitted = SampleEvents.FactoryVisit(title: HostileTitle);
        _eventId = submitted.EventId;
        await _platform.PublishAsync(submitted);
        using var moderator = await _platform.SignedInClientAsync();
        (await moderator.PostAsJsonAsync($"/api/labelling/applications/{_eventId}/grant", new { })).EnsureSuccessStatusCode();
        await Eventually.WaitAsync(async () => (await MapApi.FeaturesAsync(moderator)).Count == 1, "the event is on the map");
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task MapPage_WithoutAccount_ListsTheEventWithItsTitleAsText()
    {
        using var visitor = PageSession.Anonymous(_platform);

        var page = await visitor.GetAsync("/carte");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        var item = Assert.Single(page.Document.QuerySelectorAll("#events-list li"));
        Assert.Equal(HostileTitle, item.QuerySelector("a")!.TextContent);
        Assert.Equal($"/evenements/{_eventId}", item.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(page.Document.QuerySelectorAll("main script:not([src])"));
        Assert.DoesNotContain("<script>alert('x')", await page.Response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("1 événement labellisé", page.Document.QuerySelector("#result-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapPage_WhenFiltersAreWrong_ShowsFrenchMessagesAndNoEvent()
    {
        using var visitor = PageSession.Anonymous(_platform);

        var page = await visitor.GetAsync("/carte?region=99&from=2020-11-20&to=2020-11-10");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        var errors = page.Document.QuerySelector("#filter-errors")!.TextContent;
        Assert.Contains("Région inconnue", errors, StringComparison.Ordinal);
        Assert.Contains("date de fin", errors, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("#no-results"));
    }

    [Fact]
    public async Task MapPage_WhenFilteredOnAnotherRegion_SaysNothingMatches()
    {
        using var visitor = PageSession.Anonymous(_platform);

        var page = await visitor.GetAsync("/carte?region=84&q=");

        Assert.NotNull(page.Document.QuerySelector("#no-results"));
        Assert.Equal("/api/map/pins?region=84", page.Document.QuerySelector("#events-map")!.GetAttribute("data-api"));
    }

    [Fact]
    public async Task EventPage_WithoutAccount_ShowsSessionsPlaceBookingAndCalendar()
    {
        using var visitor = PageSession.Anonymous(_platform);

        var page = await visitor.GetAsync($"/evenements/{_eventId}");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal(HostileTitle, page.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Lundi 16 novembre 2020, 9 h 00 – 12 h 00", "Mercredi 18 novembre 2020, 14 h 00 – 17 h 30"], page.Document.QuerySelectorAll("#sessions li").Select(li => li.TextContent).ToArray());
        Assert.Contains("1 rue de l'Industrie, 59300 Valenciennes", page.Document.QuerySelector("#place")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://usine-exemple.fr/visites", page.Document.QuerySelector("#booking")!.GetAttribute("href"));
        Assert.Equal($"/api/map/events/{_eventId}.ics", page.Document.QuerySelector("#ics")!.GetAttribute("href"));
        Assert.Contains("SDI-2020-000001", page.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var share = page.Document.QuerySelectorAll("#share a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains(share, href => href.StartsWith("https://www.linkedin.com/sharing/share-offsite/?url=http%3A%2F%2Flocalhost%3A5080%2Fevenements%2F", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EventPage_WhenUnknownOrRevoked_IsNotFound()
    {
        using var visitor = PageSession.Anonymous(_platform);
        using var moderator = await _platform.SignedInClientAsync();

        var unknown = await visitor.GetAsync($"/evenements/{Guid.NewGuid()}");
        (await moderator.PostAsJsonAsync($"/api/labelling/applications/{_eventId}/revoke", new { reason = "L'événement n'a pas lieu." })).EnsureSuccessStatusCode();
        await Eventually.WaitAsync(async () => (await MapApi.FeaturesAsync(moderator)).Count == 0, "the revoked event left the map");
        var revoked = await visitor.GetAsync($"/evenements/{_eventId}");

        Assert.Equal(HttpStatusCode.NotFound, unknown.Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoked.Response.StatusCode);
    }

    [Theory]
    [InlineData("/carte")]
    [InlineData("/api/map/events")]
    [InlineData("/connexion")]
    [InlineData("/js/events-map.js")]
    public async Task AnyAnswer_CarriesTheSecurityHeaders(string path)
    {
        using var client = _platform.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task ShortLink_OfTheLabelNumber_LeadsToThePublicPageAndAnythingElseIsNotFound()
    {
        using var visitor = _platform.CreateClient(new() { AllowAutoRedirect = false });

        // The address printed on the poster, typed by hand (in lower case too).
        var printed = await visitor.GetAsync(new Uri("/e/SDI-2020-000001", UriKind.Relative));
        var typed = await visitor.GetAsync(new Uri("/e/sdi-2020-000001", UriKind.Relative));
        var unknown = await visitor.GetAsync(new Uri("/e/SDI-2020-999999", UriKind.Relative));
        var hostile = await visitor.GetAsync(new Uri("/e/%3Cscript%3Ealert(1)%3C%2Fscript%3E", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, printed.StatusCode);
        Assert.Equal($"/evenements/{_eventId}", printed.Headers.Location!.OriginalString);
        Assert.Equal($"/evenements/{_eventId}", typed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hostile.StatusCode);
        Assert.DoesNotContain("<script>", await hostile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
