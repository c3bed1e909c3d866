using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Map;

/// <summary>
/// /carte/integration: the map made for a partner's page. Only this page may be framed, and only by the site and the
/// origins of Map:EmbedAllowedOrigins; every other answer keeps « frame-ancestors 'none' » and X-Frame-Options.
/// /carte gives the snippet and the calendar subscription of its filters.
/// </summary>
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class EmbedMapTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly Guid Edition = Guid.Parse("2047aaaa-0000-0000-0000-0000000000e1");
    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;
    private HttpClient _visitor = null!;
    private Guid _valenciennes;
    private Guid _lyon;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database, new Dictionary<string, string?>
        {
            ["Map:EmbedAllowedOrigins:0"] = "https://www.hautsdefrance.fr/",
            ["Map:EmbedAllowedOrigins:1"] = "https://*.Nord.fr",
        });
        _visitor = _platform.CreateClient();
        var valenciennes = MapSamples.Granted(Guid.NewGuid(), Edition, 2047, MapSamples.Visit("Visite des forges de Valenciennes"));
        var lyon = MapSamples.Granted(Guid.NewGuid(), Edition, 2047, MapSamples.Visit("Atelier chimie à Lyon") with
        {
            Location = MapSamples.Place("Lyon", "69007", "69387", "69", "84", 45.7485, 4.8467),
        });
        _valenciennes = valenciennes.EventId;
        _lyon = lyon.EventId;
        await _platform.PublishAsync(valenciennes);
        await _platform.PublishAsync(lyon);
        await Eventually.WaitAsync(async () => (await MapApi.FeaturesAsync(_visitor, $"?edition={Edition}")).Count == 2, "both events are on the map");
    }

    public async Task DisposeAsync()
    {
        _visitor.Dispose();
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task EmbedPage_MayBeFramedByTheSiteAndTheConfiguredOriginsOnly_AndNothingElseByAnyone()
    {
        using var embed = await _visitor.GetAsync(new Uri($"/carte/integration?edition={Edition}&region=32", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, embed.StatusCode);
        var policy = string.Join(";", embed.Headers.GetValues("Content-Security-Policy"));
        Assert.EndsWith("frame-ancestors 'self' https://www.hautsdefrance.fr https://*.nord.fr", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal); // the rest of the policy is the site's
        Assert.False(embed.Headers.Contains("X-Frame-Options"));

        string[] others =
        [
            "/carte", $"/carte?edition={Edition}&region=32", $"/evenements/{_valenciennes}", "/connexion", "/", "/carte/integration/autre",
            "/api/map/events", "/api/map/events.ics", "/sitemap.xml", "/robots.txt", "/mon-espace",
        ];
        foreach (var path in others)
        {
            using var response = await _visitor.GetAsync(new Uri(path, UriKind.Relative));
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.True(csp.EndsWith("frame-ancestors 'none'", StringComparison.Ordinal), $"{path} ({(int)response.StatusCode}): {csp}");
            Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frame) && frame.Single() == "DENY", $"{path}: no X-Frame-Options: DENY");
        }
    }

    [Fact]
    public async Task EmbedPage_WithFilters_ShowsTheMapAndItsListWithoutTheSitesHeaderAndLinksToTheFullMap()
    {
        using var visitor = PageSession.Anonymous(_platform);

        var page = await visitor.GetAsync($"/carte/integration?edition={Edition}&region=32");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        var document = page.Document;
        Assert.Null(document.QuerySelector("header"));
        Assert.Null(document.QuerySelector("footer"));
        Assert.Equal("noindex", document.QuerySelector("meta[name=robots]")?.GetAttribute("content")); // the same content as /carte
        Assert.Equal("_blank", document.QuerySelector("base")?.GetAttribute("target")); // the site's other pages refuse frames
        Assert.Equal($"http://localhost:5080/carte?edition={Edition}&region=32", document.QuerySelector("a#full-map")?.GetAttribute("href"));
        Assert.Equal("Voir la carte complète", document.QuerySelector("a#full-map")?.TextContent);
        Assert.Equal($"/api/map/pins?edition={Edition}&region=32", document.QuerySelector("#events-map")?.GetAttribute("data-api"));
        Assert.NotNull(document.QuerySelector("script[src^='/js/events-map']"));
        var item = Assert.Single(document.QuerySelectorAll("#events-list li"));
        Assert.Equal("Visite des forges de Valenciennes", item.QuerySelector("a")!.TextContent);
        Assert.Contains("1 événement labellisé", document.QuerySelector("#result-count")!.TextContent, StringComparison.Ordinal);

        var wrong = await visitor.GetAsync("/carte/integration?region=99");
        Assert.Contains("Région inconnue : « 99 »", wrong.Document.QuerySelector("#filter-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(wrong.Document.QuerySelectorAll("#events-list li"));
    }

    [Fact]
    public async Task MapPage_GivesTheSnippetAndTheCalendarSubscriptionOfItsFilters_WhichShowTheSameEvents()
    {
        using var visitor = PageSession.Anonymous(_platform);

        var page = await visitor.GetAsync($"/carte?edition={Edition}&region=84&format=CompanyVisit");

        var snippet = page.Document.QuerySelector<IHtmlTextAreaElement>("textarea#embed-snippet")!;
        Assert.True(snippet.IsReadOnly);
        Assert.NotNull(page.Document.QuerySelector("label[for=embed-snippet]"));
        var frame = new AngleSharp.Html.Parser.HtmlParser().ParseFragment(snippet.Value, page.Document.Body!).OfType<IHtmlInlineFrameElement>().Single();
        Assert.Equal($"http://localhost:5080/carte/integration?edition={Edition}&region=84&format=CompanyVisit", frame.Source);
        Assert.False(string.IsNullOrWhiteSpace(frame.Title));

        var subscribe = page.Document.QuerySelector("a#calendar-feed")!.GetAttribute("href");
        Assert.Equal($"webcal://localhost:5080/api/map/events.ics?edition={Edition}&region=84&format=CompanyVisit", subscribe);

        // Both show what the page shows: Lyon only.
        var embedded = await visitor.GetAsync(new Uri(frame.Source!).PathAndQuery);
        Assert.Equal("Atelier chimie à Lyon", Assert.Single(embedded.Document.QuerySelectorAll("#events-list li a")).TextContent);
        var feed = await _visitor.GetStringAsync(new Uri(new Uri(subscribe!.Replace("webcal://", "http://", StringComparison.Ordinal)).PathAndQuery, UriKind.Relative));
        Assert.Contains($"UID:{_lyon:N}-1@semaine-industrie", feed, StringComparison.Ordinal);
        Assert.DoesNotContain($"{_valenciennes:N}", feed, StringComparison.Ordinal);
    }
}
