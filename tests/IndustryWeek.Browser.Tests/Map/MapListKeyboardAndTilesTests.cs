using System.Globalization;
using System.Net;
using System.Net.Sockets;
using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Map;
using IndustryWeek.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IndustryWeek.Browser.Tests.Map;

/// <summary>
/// Issue 20: /carte with more labelled events than a page of its list holds, and map tiles configured on a server that
/// does not answer (as a production host whose tile server is down): the list is used with the keyboard alone, and
/// France's outline and the pins are still drawn.
/// </summary>
[Collection(ChromiumTests.Name)]
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class MapListKeyboardAndTilesTests(Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    /// <summary>Events in one page of the list (PageSize, internal to the Map module).</summary>
    private const int PageSize = 50;

    private const int Events = PageSize + 5;

    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;
    private Uri _address = null!;
    private Guid _first;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database, new Dictionary<string, string?>
        {
            ["Map:TileUrl"] = $"http://127.0.0.1:{ClosedPort()}/tuiles/{{z}}/{{x}}/{{y}}.png",
            ["Map:TileAttribution"] = "© IGN – Géoplateforme",
        });
        _address = _platform.StartKestrel();

        // Labelled straight into the Map module (its own handler of LabelGranted, as the map bench seeds it): the pins
        // without a kit to build for each.
        for (var i = 1; i <= Events; i++)
        {
            await using var scope = _platform.Services.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetServices<INotificationHandler<LabelGranted>>().Single(h => h.GetType().Assembly == typeof(MapModule).Assembly);
            var sample = SampleEvents.FactoryVisit(title: string.Create(CultureInfo.InvariantCulture, $"Visite d'atelier n° {i:00}"));
            _first = i == 1 ? sample.EventId : _first;
            await handler.Handle(new LabelGranted
            {
                EventId = sample.EventId,
                EditionId = sample.EditionId,
                EditionYear = sample.EditionYear,
                LabelNumber = string.Create(CultureInfo.InvariantCulture, $"SDI-2020-{i:000000}"),
                LabelVersion = 1,
                Event = sample.Event,
                Organiser = sample.Organiser,
                GrantedAtUtc = DateTime.UtcNow,
            }, CancellationToken.None);
        }

        await Eventually.WaitAsync(async () => await _database.ScalarAsync("SELECT COUNT(*) FROM map_pins") == Events, $"{Events} pins published");
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task List_IsUsedWithTheKeyboardAlone_FiltersLinksAndPagination_WithTheFocusSeen()
    {
        await using var browser = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
        var page = browser.Page;
        await page.GotoAsync("/carte");
        await Expect(page.Locator("#events-list li")).ToHaveCountAsync(PageSize);

        // From the top of the page, Tab reaches the filters, then the link past the map, each with its focus ring.
        var reached = new List<string>();
        while (!reached.Contains("skip-to-list"))
        {
            Assert.True(reached.Count < 40, "Tab never reached the link to the list: " + string.Join(", ", reached));
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await FocusedAsync(page));
        }

        Assert.Contains("q", reached);
        Assert.Contains("region", reached);
        Assert.True(reached.IndexOf("region") < reached.IndexOf("skip-to-list"), string.Join(", ", reached));
        await Expect(page.Locator("#skip-to-list")).ToBeVisibleAsync(); // hidden until focused

        // Enter on it: the next Tab is on the list's first event, then one Tab per event, then the next page's link.
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#events-list li").First.Locator("a")).ToBeFocusedAsync();
        for (var i = 1; i < PageSize; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Expect(page.Locator("#events-list li").Last.Locator("a")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        var next = page.Locator(".fr-pagination__link--next");
        await Expect(next).ToBeFocusedAsync();
        Assert.True(await FocusRingAsync(page), "the focused « Page suivante » link shows no focus ring");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#events-list li")).ToHaveCountAsync(Events - PageSize);
        Assert.Contains("page=2", page.Url, StringComparison.Ordinal);

        // A filter typed and sent with Enter, from the keyboard.
        await page.GotoAsync("/carte");
        while (await FocusedAsync(page) != "q")
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.TypeAsync("n° 07");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#result-count")).ToContainTextAsync("1 événement labellisé");
        await Expect(page.Locator("#events-list li")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Maps_WithTilesConfiguredOnAServerThatDoesNotAnswer_StillDrawFranceAndThePins()
    {
        await using var browser = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
        var page = browser.Page;
        var answer = await page.GotoAsync("/carte");

        // The page asks for the tiles (allowed by its Content-Security-Policy), none arrives; France and the pins are there.
        Assert.Contains("img-src 'self' data: http://127.0.0.1:", answer!.Headers["content-security-policy"], StringComparison.Ordinal);
        var map = page.Locator("#events-map");
        await Expect(map).ToHaveAttributeAsync("data-outline", "drawn");
        await Expect(map).ToHaveAttributeAsync("data-pins", Events.ToString(CultureInfo.InvariantCulture));
        await Expect(map.Locator(".leaflet-marker-icon")).Not.ToHaveCountAsync(0);
        await Expect(map.Locator(".leaflet-tile")).Not.ToHaveCountAsync(0);
        await Expect(map.Locator("path.leaflet-interactive, svg path")).Not.ToHaveCountAsync(0);
        await Expect(map.Locator(".leaflet-control-attribution")).ToContainTextAsync("© IGN – Géoplateforme");
        await Expect(map.Locator(".leaflet-control-attribution")).ToContainTextAsync("Contours : Natural Earth, COG INSEE");
        await Eventually.WaitAsync(() => Task.FromResult(browser.Errors.Any(e => e.Contains("/tuiles/", StringComparison.Ordinal))), "the browser asked for a tile");

        // An event's small map too.
        await page.GotoAsync($"/evenements/{_first}");
        var small = page.Locator("#event-map");
        await small.ScrollIntoViewIfNeededAsync(); // drawn when it comes near the screen
        await Expect(small).ToHaveAttributeAsync("data-outline", "drawn");
        await Expect(small.Locator(".leaflet-marker-icon")).ToHaveCountAsync(1);
        await Expect(small.Locator(".leaflet-tile")).Not.ToHaveCountAsync(0);
        await Expect(small.Locator(".leaflet-control-attribution")).ToContainTextAsync("© IGN – Géoplateforme");
        Assert.DoesNotContain(browser.Errors, e => !e.Contains("/tuiles/", StringComparison.Ordinal));
    }

    /// <summary>The focused element's id (or tag), once its focus ring is checked.</summary>
    private static async Task<string> FocusedAsync(IPage page)
    {
        var id = await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.tagName.toLowerCase()");
        Assert.True(await FocusRingAsync(page), $"the focused element « {id} » shows no focus ring: "
            + await page.EvaluateAsync<string>("() => { const e = document.activeElement, s = getComputedStyle(e); return `${e.outerHTML.slice(0, 200)} outline ${s.outlineStyle} ${s.outlineWidth} box-shadow ${s.boxShadow} focus-visible ${e.matches(':focus-visible')}`; }"));
        return id;
    }

    /// <summary>Whether the focused element is drawn with an outline or a shadow (DSFR's focus ring), as a keyboard user sees it.</summary>
    private static Task<bool> FocusRingAsync(IPage page) => page.EvaluateAsync<bool>("""
        () => {
            const e = document.activeElement;
            if (!e || e === document.body) return true;
            // DSFR's enlarged links (the header's title) draw it on their ::before, over the whole block.
            const ring = style => (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
            return ring(getComputedStyle(e)) || ring(getComputedStyle(e, '::before'));
        }
        """);

    /// <summary>A local port nothing listens on: the tile server that does not answer.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
