using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IndustryWeek.Browser.Tests.Map;

/// <summary>The public map and an event's public page in chromium: pins, the list, no tile server, organisers' text never run.</summary>
[Collection(ChromiumTests.Name)]
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class PublicMapTests(Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string HostileTitle = "Atelier <img src=x onerror=alert(1)> « soudure » <script>alert(2)</script>";

    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;
    private Uri _address = null!;
    private Guid _lyon;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database);
        _address = _platform.StartKestrel();

        var valenciennes = SampleEvents.FactoryVisit();
        var lyonSample = SampleEvents.FactoryVisit(regionCode: "84", title: HostileTitle);
        var lyon = lyonSample with
        {
            Event = lyonSample.Event with
            {
                Location = new EventLocation { Mode = LocationMode.OnSite, Street = "5 quai de Saône", PostalCode = "69002", City = "Lyon", InseeCode = "69382", DepartmentCode = "69", RegionCode = "84", Latitude = 45.757, Longitude = 4.827 },
            },
        };
        var onlineSample = SampleEvents.FactoryVisit(title: "Webconférence : les métiers de la chimie");
        var online = onlineSample with
        {
            Event = onlineSample.Event with { Format = "WebConference", Location = new EventLocation { Mode = LocationMode.Online, OnlineUrl = "https://webinaire.example.fr/chimie" } },
        };
        _lyon = lyon.EventId;
        using var moderator = await _platform.SignedInClientAsync();
        foreach (var submitted in new[] { valenciennes, lyon, online })
        {
            await _platform.PublishAsync(submitted);
            (await moderator.PostAsJsonAsync($"/api/labelling/applications/{submitted.EventId}/grant", new { })).EnsureSuccessStatusCode();
        }

        using var visitor = _platform.CreateClient();
        await Eventually.WaitAsync(
            async () => (await visitor.GetFromJsonAsync<JsonElement>("/api/map/events")).GetProperty("features").GetArrayLength() == 3,
            "the three labelled events are on the map");
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Map_InChromium_ShowsPinsAndTheSameListWithoutTilesAndNeverRunsOrganisersText()
    {
        await using var browser = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
        var page = browser.Page;
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };

        await page.GotoAsync("/carte");

        // The two placed events on the map (the online one has no place), France drawn from the shipped outline.
        var map = page.Locator("#events-map");
        await Expect(map).ToHaveAttributeAsync("data-pins", "2");
        await Expect(map).ToHaveAttributeAsync("data-outline", "drawn");
        await Expect(map.Locator(".leaflet-marker-icon")).ToHaveCountAsync(2);
        await Expect(map.Locator(".leaflet-tile")).ToHaveCountAsync(0);

        // The list gives the same results, online one included, and the organiser's markup as text.
        await Expect(page.Locator("#result-count")).ToContainTextAsync("3 événements labellisés");
        var items = page.Locator("#events-list li");
        await Expect(items).ToHaveCountAsync(3);
        await Expect(page.Locator("#events-list")).ToContainTextAsync(HostileTitle);
        await Expect(page.Locator("#events-list")).ToContainTextAsync("En ligne");

        // The map drew the compact pins, downloaded once (the page's preload is what the script uses); no event's
        // details were downloaded for it.
        Assert.Single(browser.Requests, url => new Uri(url).AbsolutePath == "/api/map/pins");
        Assert.DoesNotContain(browser.Requests, url => new Uri(url).AbsolutePath.StartsWith("/api/map/events", StringComparison.Ordinal));

        // A pin's popup, built from the data: the title as text, a link to the public page, then the details
        // (date, place, organiser) of that one event, asked for when the popup opened.
        await map.Locator(".leaflet-marker-icon[title*='soudure']").ClickAsync();
        var popup = map.Locator(".leaflet-popup-content");
        await Expect(popup).ToContainTextAsync(HostileTitle);
        await Expect(popup.Locator("a")).ToHaveAttributeAsync("href", $"/evenements/{_lyon}");
        await Expect(popup).ToContainTextAsync("lundi 16 novembre 2020, 9 h 00");
        await Expect(popup).ToContainTextAsync("Lyon – ");
        Assert.Equal([$"/api/map/events/{_lyon}"], browser.Requests.Select(url => new Uri(url).AbsolutePath).Where(path => path.StartsWith("/api/map/events", StringComparison.Ordinal)));
        await Screenshots.TakeAsync(page, "map.png");

        // Filters work without JavaScript: the form reloads the page with the API's parameters.
        await page.Locator("#region").SelectOptionAsync("84");
        await page.Locator("#filters button[type=submit]").ClickAsync();
        await Expect(page.Locator("#result-count")).ToContainTextAsync("1 événement labellisé");
        await Expect(map).ToHaveAttributeAsync("data-pins", "1");

        // The public page, where the poster's QR code leads.
        await page.Locator("#events-list a").First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(HostileTitle);
        await Expect(page.Locator("#sessions li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#place")).ToContainTextAsync("5 quai de Saône, 69002 Lyon");
        await Expect(page.Locator("#ics")).ToHaveAttributeAsync("href", $"/api/map/events/{_lyon}.ics");
        await page.Locator("#event-map").ScrollIntoViewIfNeededAsync(); // drawn when it comes near the screen
        await Expect(page.Locator("#event-map .leaflet-marker-icon")).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(page, "public-event.png");

        Assert.Empty(dialogs);
        Assert.Empty(browser.RequestsElsewhere);
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task Map_OnAPhone_StartsTheSiteScriptOnceThePinsAreDrawn_AndItsMenuOpens()
    {
        await using var browser = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
        var page = browser.Page;
        await page.SetViewportSizeAsync(412, 823);

        await page.GotoAsync("/carte");
        await Expect(page.Locator("#events-map")).ToHaveAttributeAsync("data-pins", "2");

        // The DSFR's script is not in the page as a script (it would run before the pins): the map's script imports it.
        Assert.Equal(0, await page.Locator("script[src*='dsfr.site.module']").CountAsync());
        await page.Locator("#header-menu-button").ClickAsync();
        await Expect(page.Locator("#header-menu")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("fr-modal--opened"));
        await Expect(page.Locator("#header-menu .fr-header__menu-links a[href='/connexion']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task EventPage_OnAPhone_LoadsTheSmallMapOnlyWhenItComesIntoView()
    {
        await using var browser = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
        var page = browser.Page;
        await page.SetViewportSizeAsync(412, 823);

        await page.GotoAsync($"/evenements/{_lyon}");
        await Expect(page.Locator("h1")).ToHaveTextAsync(HostileTitle);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Below the text on a phone: neither Leaflet nor France's outline downloaded for a visitor who does not scroll.
        Assert.DoesNotContain(browser.Requests, url => url.Contains("/lib/leaflet/", StringComparison.Ordinal));
        Assert.DoesNotContain(browser.Requests, url => url.Contains("/geo/", StringComparison.Ordinal));
        await Expect(page.Locator("#event-map .leaflet-marker-icon")).ToHaveCountAsync(0);

        await page.Locator("#event-map").ScrollIntoViewIfNeededAsync();
        await Expect(page.Locator("#event-map .leaflet-marker-icon")).ToHaveCountAsync(1);
        await Expect(page.Locator("#event-map")).ToHaveAttributeAsync("data-outline", "drawn");
        Assert.Empty(browser.RequestsElsewhere);
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task Map_WhenAPopupsDetailsCannotBeLoaded_SaysSoInFrenchAndAsksAgainAtTheNextOpening()
    {
        await using var browser = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
        var page = browser.Page;
        await page.RouteAsync("**/api/map/events/*", route => route.FulfillAsync(new() { Status = 503 }));
        await page.GotoAsync("/carte");
        var map = page.Locator("#events-map");
        await Expect(map).ToHaveAttributeAsync("data-pins", "2");

        var pin = map.Locator(".leaflet-marker-icon[title*='soudure']");
        await pin.ClickAsync();
        var popup = map.Locator(".leaflet-popup-content");
        await Expect(popup).ToContainTextAsync("Les détails n'ont pas pu être chargés : la page de l'événement les donne.");
        await Expect(popup.Locator("a")).ToHaveAttributeAsync("href", $"/evenements/{_lyon}");

        await page.UnrouteAsync("**/api/map/events/*");
        await map.Locator(".leaflet-popup-close-button").ClickAsync();
        await pin.ClickAsync();
        await Expect(popup).ToContainTextAsync("lundi 16 novembre 2020, 9 h 00");
        await Expect(popup).Not.ToContainTextAsync("n'ont pas pu être chargés");
        Assert.Empty(browser.RequestsElsewhere);
    }
}
