using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IndustryWeek.Browser.Tests.Map;

/// <summary>
/// /carte/integration in a partner's page, in chromium: shown in a frame on a site of Map:EmbedAllowedOrigins (pins,
/// list, links opening the event in a new tab), refused on any other site; the rest of the platform refused everywhere.
/// The partners' sites are two small servers of their own on loopback (chromium refuses a frame of a loopback address
/// in a page it did not get from a local address: local network access).
/// </summary>
[Collection(ChromiumTests.Name)]
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class EmbedMapBrowserTests(Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly PartnerSite _partner = new();
    private readonly PartnerSite _stranger = new();
    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;
    private Uri _address = null!;
    private Guid _valenciennes;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database, new Dictionary<string, string?> { ["Map:EmbedAllowedOrigins:0"] = _partner.Origin });
        _address = _platform.StartKestrel();
        var valenciennes = SampleEvents.FactoryVisit();
        var lyonSample = SampleEvents.FactoryVisit(regionCode: "84", title: "Atelier soudure à Lyon");
        var lyon = lyonSample with
        {
            Event = lyonSample.Event with
            {
                Location = new EventLocation { Mode = LocationMode.OnSite, Street = "5 quai de Saône", PostalCode = "69002", City = "Lyon", InseeCode = "69382", DepartmentCode = "69", RegionCode = "84", Latitude = 45.757, Longitude = 4.827 },
            },
        };
        _valenciennes = valenciennes.EventId;
        using var moderator = await _platform.SignedInClientAsync();
        foreach (var submitted in new[] { valenciennes, lyon })
        {
            await _platform.PublishAsync(submitted);
            (await moderator.PostAsJsonAsync($"/api/labelling/applications/{submitted.EventId}/grant", new { })).EnsureSuccessStatusCode();
        }

        using var visitor = _platform.CreateClient();
        await Eventually.WaitAsync(
            async () => (await visitor.GetFromJsonAsync<JsonElement>("/api/map/events")).GetProperty("features").GetArrayLength() == 2,
            "the two labelled events are on the map");
    }

    public async Task DisposeAsync()
    {
        _partner.Dispose();
        _stranger.Dispose();
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task EmbedPage_OnAnAllowedSite_ShowsTheFilteredMapAndOpensEventsInANewTab_WhileOtherSitesAndPagesAreRefused()
    {
        await using var browser = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
        var page = browser.Page;
        _partner.Body = $"""<iframe name="embed" title="Carte" src="{_address}carte/integration?region=32" width="1000" height="900"></iframe><iframe name="full" title="Carte complète" src="{_address}carte?region=32"></iframe>""";
        _stranger.Body = $"""<iframe name="embed" title="Carte" src="{_address}carte/integration?region=32" width="1000" height="900"></iframe>""";

        await page.GotoAsync(_partner.Origin + "/agenda");

        // On the partner's site: the map of the filters with its pin, the list, and the way to the full map.
        var embed = page.FrameLocator("iframe[name=embed]");
        await Expect(embed.Locator("#events-map")).ToHaveAttributeAsync("data-pins", "1");
        await Expect(embed.Locator("#events-map .leaflet-marker-icon")).ToHaveCountAsync(1);
        await Expect(embed.Locator("#events-list li")).ToHaveCountAsync(1);
        await Expect(embed.Locator("#full-map")).ToHaveAttributeAsync("href", "http://localhost:5080/carte?region=32");
        await Screenshots.TakeAsync(page, "map-embedded.png");

        // An event opens in a new tab, on the platform itself (its pages refuse frames).
        var tab = await page.RunAndWaitForPopupAsync(() => embed.Locator("#events-list a").First.ClickAsync());
        await Expect(tab.Locator("h1")).ToHaveTextAsync(SampleEvents.FactoryVisit().Event.Title);
        Assert.EndsWith($"/evenements/{_valenciennes}", tab.Url, StringComparison.Ordinal);
        await tab.CloseAsync();

        // The full map, on the same partner's page, is refused: it is not made to be framed.
        await Eventually.WaitAsync(() => Task.FromResult(browser.Errors.Any(e => e.Contains("frame-ancestors 'none'", StringComparison.Ordinal))), "chromium refuses to frame /carte");
        Assert.Equal(0, await page.FrameLocator("iframe[name=full]").Locator("#events-map").CountAsync());

        // Another site: the embed itself is refused.
        await page.GotoAsync(_stranger.Origin + "/agenda");
        await Eventually.WaitAsync(
            () => Task.FromResult(browser.Errors.Any(e => e.Contains($"frame-ancestors 'self' {_partner.Origin}", StringComparison.Ordinal))),
            "chromium refuses to frame the embed on a site not listed");
        Assert.Equal(0, await page.FrameLocator("iframe[name=embed]").Locator("#events-map").CountAsync());
        Assert.DoesNotContain(browser.Errors, e => e.StartsWith("page error", StringComparison.Ordinal));
    }

    /// <summary>A partner's site on a free loopback port: every address answers its page, with <see cref="Body"/> inside.</summary>
    private sealed class PartnerSite : IDisposable
    {
        private readonly HttpListener _listener = new();

        public PartnerSite()
        {
            var free = new TcpListener(IPAddress.Loopback, 0);
            free.Start();
            var port = ((IPEndPoint)free.LocalEndpoint).Port;
            free.Stop();
            Origin = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Origin + "/");
            _listener.Start();
            _ = ServeAsync();
        }

        public string Origin { get; }

        public string Body { get; set; } = "";

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return; // closed
                }

                var html = Encoding.UTF8.GetBytes($"""<!DOCTYPE html><html lang="fr"><head><title>Site partenaire</title></head><body><h1>Agenda</h1>{Body}</body></html>""");
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.ContentLength64 = html.Length;
                await context.Response.OutputStream.WriteAsync(html);
                context.Response.Close();
            }
        }
    }
}
