using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using IndustryWeek.Host.Tests.Security;
using IndustryWeek.Shared.Time;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Map;

/// <summary>
/// What search engines are given: /sitemap.xml lists the public pages of the events on a public map (never those of an
/// edition whose map is not open yet, whose pages say « noindex »), with absolute addresses from Site:PublicUrl;
/// /robots.txt keeps them out of the private areas and names the sitemap.
/// </summary>
public sealed class SearchEnginesTests
{
    private const string PublicUrl = "https://semaine-industrie.example.fr";
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly Guid Open2045 = Guid.Parse("2045bbbb-0000-0000-0000-0000000000d1");
    private static readonly Guid Upcoming2046 = Guid.Parse("2046bbbb-0000-0000-0000-0000000000d2");

    [Fact]
    public async Task Sitemap_ListsTheEventsOfPublishedMapsOnly_UntilTheNextMapOpens()
    {
        var clock = new TestClock();
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database, new Dictionary<string, string?> { ["Site:PublicUrl"] = PublicUrl + "/" }) { Clock = clock };
        using var visitor = platform.CreateClient();
        using var administrator = await platform.SignedInClientAsync();
        var today = clock.TodayInParis();
        var opensOn = today.AddDays(10);
        await platform.PublishAsync(MapSamples.Published(MapSamples.Edition(Open2045, 2045, today.AddDays(-1))));
        await platform.PublishAsync(MapSamples.Published(MapSamples.Edition(Upcoming2046, 2046, opensOn)));
        var open = MapSamples.Granted(Guid.NewGuid(), Open2045, 2045, MapSamples.Visit("Carte ouverte"));
        var upcoming = MapSamples.Granted(Guid.NewGuid(), Upcoming2046, 2046, MapSamples.Visit("Carte à venir"));
        await platform.PublishAsync(open);
        await platform.PublishAsync(upcoming);
        await Eventually.WaitAsync(
            async () => (await MapApi.FeaturesAsync(administrator, $"?edition={Upcoming2046}&preview=true")).Count == 1
                && (await MapApi.FeaturesAsync(administrator, $"?edition={Open2045}")).Count == 1,
            "both pins are published");

        using var first = await visitor.GetAsync(new Uri("/sitemap.xml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/xml", first.Content.Headers.ContentType?.MediaType);
        var sitemap = XDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal(Sitemaps + "urlset", sitemap.Root!.Name);
        Assert.Equal([$"{PublicUrl}/carte", $"{PublicUrl}/evenements/{open.EventId}"], Locations(sitemap));
        var lastmod = sitemap.Root.Elements(Sitemaps + "url").Single(u => u.Element(Sitemaps + "loc")!.Value.EndsWith(open.EventId.ToString(), StringComparison.Ordinal)).Element(Sitemaps + "lastmod")!.Value;
        Assert.True(DateTimeOffset.TryParse(lastmod, out var modified) && lastmod.EndsWith('Z') && modified <= clock.GetUtcNow(), lastmod);

        // The event left out is the one whose page is not to be indexed yet.
        using var pages = PageSession.Anonymous(platform);
        var upcomingPage = await pages.GetAsync($"/evenements/{upcoming.EventId}");
        Assert.Equal("noindex", upcomingPage.Document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Equal(HttpStatusCode.NotModified, await StatusIfNoneMatchAsync(visitor, first.Headers.ETag!));

        // Midnight in Paris on the day its map opens: nothing recorded, yet the sitemap (and its tag) changes.
        clock.MoveTo(ParisTime.ToInstant(opensOn.ToDateTime(new TimeOnly(0, 1))));

        Assert.Equal(HttpStatusCode.OK, await StatusIfNoneMatchAsync(visitor, first.Headers.ETag!));
        var later = XDocument.Parse(await visitor.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        Assert.Equal(
            new[] { $"{PublicUrl}/carte", $"{PublicUrl}/evenements/{open.EventId}", $"{PublicUrl}/evenements/{upcoming.EventId}" }.Order(StringComparer.Ordinal),
            Locations(later).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Robots_KeepsEveryPrivatePageOutAndNamesTheSitemap()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database, new Dictionary<string, string?> { ["Site:PublicUrl"] = PublicUrl });
        using var visitor = platform.CreateClient();

        using var response = await visitor.GetAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal("User-agent: *", lines[0]);
        Assert.Contains($"Sitemap: {PublicUrl}/sitemap.xml", lines);
        var rules = lines.Where(l => l.StartsWith("Allow: ", StringComparison.Ordinal) || l.StartsWith("Disallow: ", StringComparison.Ordinal))
            .Select(l => (Allow: l.StartsWith('A'), Prefix: l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..]))
            .ToList();

        // Every page the authorization matrix does not open to everyone is disallowed, and so is the API (but the map's).
        var privatePages = AuthorizationMatrixTests.Pages.Where(p => !p.Expected.StartsWith("200 200", StringComparison.Ordinal)).Select(p => p.Path).ToList();
        Assert.NotEmpty(privatePages);
        string[] otherPrivate = ["/hangfire", "/hangfire/jobs/failed", "/api/events", "/api/labelling/applications", "/api/ops/jobs", "/api/identity/login", "/connexion", "/inscription", "/mot-de-passe-oublie"];
        Assert.All(privatePages.Concat(otherPrivate), path => Assert.False(Allowed(rules, path), $"{path} is not disallowed"));
        string[] publicPaths = ["/", "/carte", "/carte?region=32", $"/evenements/{Guid.NewGuid()}", "/accessibilite", "/mentions-legales", "/api/map/events.ics", "/api/map/export.csv", "/sitemap.xml"];
        Assert.All(publicPaths, path => Assert.True(Allowed(rules, path), $"{path} is disallowed"));
    }

    /// <summary>Google's reading of robots.txt: the longest matching rule wins, Allow on a tie; no rule, allowed.</summary>
    private static bool Allowed(List<(bool Allow, string Prefix)> rules, string path) =>
        rules.Where(r => path.StartsWith(r.Prefix, StringComparison.Ordinal)).OrderByDescending(r => r.Prefix.Length).ThenByDescending(r => r.Allow)
            .Select(r => (bool?)r.Allow).FirstOrDefault() ?? true;

    private static List<string> Locations(XDocument sitemap) =>
        [.. sitemap.Root!.Elements(Sitemaps + "url").Select(u => u.Element(Sitemaps + "loc")!.Value)];

    private static async Task<HttpStatusCode> StatusIfNoneMatchAsync(HttpClient client, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sitemap.xml");
        request.Headers.IfNoneMatch.Add(etag);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
