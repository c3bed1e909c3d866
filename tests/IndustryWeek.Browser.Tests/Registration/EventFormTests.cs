using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IndustryWeek.Shared;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IndustryWeek.Browser.Tests.Registration;

/// <summary>The organiser's event form in chromium: the pin map drawn without tiles, communes from the postal code, the pin, the draft.</summary>
[Collection(ChromiumTests.Name)]
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed partial class EventFormTests(Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string Email = "a@usine-a.fr";
    private const string Password = "Mot-de-passe-2027";

    // Valenciennes (59300; INSEE 59606), as an organiser would type it.
    private const double ValenciennesLatitude = 50.357;
    private const double ValenciennesLongitude = 3.523;

    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database);
        _address = _platform.StartKestrel();

        // The real editions, and the upcoming one open for registration; an organiser who described their organisation.
        await _platform.Services.SeedDemoAsync(new DemoOptions(Events: 0));

        // The seed drains the outboxes, but the host's own dispatcher runs at the same time and may take a message
        // too; the loser's attempt fails and is retried a few seconds later. Registration knows the editions then.
        await Eventually.WaitAsync(
            async () => await _database.ScalarAsync("""SELECT COUNT(*) FROM editions_outbox WHERE "ProcessedAtUtc" IS NULL""") == 0,
            "Registration received every edition (editions_outbox all processed)");
        await _platform.CreateUserAsync(Email, Password, [PlatformRoles.Organiser]);
        using var client = await _platform.SignedInClientAsync(Email, Password);
        var response = await client.PutAsJsonAsync("/api/me/organisation", new
        {
            name = "Usine A",
            type = "IndustrialCompany",
            address = new { street = "1 rue de l'Industrie", postalCode = "59300", city = "Valenciennes" },
            contactName = "Camille Martin",
        });
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task EventForm_InChromium_DrawsFranceWithoutTilesListsCommunesPlacesThePinAndCreatesTheDraft()
    {
        await using var browser = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
        var page = browser.Page;

        // Sign in.
        await page.GotoAsync("/connexion");
        await page.Locator("main input[name=Email]").FillAsync(Email);
        await page.Locator("main input[name=Password]").FillAsync(Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("header")).ToContainTextAsync(Email);

        // The form, its map drawn from the shipped outline of the regions.
        await page.GotoAsync("/mon-espace/evenements/nouveau");
        var map = page.Locator("#pin-map");
        await Expect(map.Locator("svg path")).ToHaveCountAsync(RegionCount());
        var drawn = await map.Locator("svg path").EvaluateAllAsync<int>("paths => paths.filter(p => (p.getAttribute('d') || '').length > 100).length");
        Assert.True(drawn >= 13, $"{drawn} regions drawn, expected the 13 of metropolitan France at least.");
        await Expect(map.Locator(".leaflet-tile")).ToHaveCountAsync(0);

        // The postal code fills the list of communes.
        await page.Locator("#PostalCode").FillAsync("59300");
        await page.Locator("#PostalCode").PressAsync("Tab");
        var communes = page.Locator("#InseeCode option:not([value=''])");
        await Expect(communes).ToHaveCountAsync(3);
        Assert.Equal(["59032", "59221", "59606"], await communes.EvaluateAllAsync<string[]>("options => options.map(o => o.value)"));
        await Expect(communes.Last).ToHaveTextAsync(new Regex("^Valenciennes"));
        await Expect(map.Locator(".leaflet-marker-icon")).ToHaveCountAsync(0);
        await page.Locator("#InseeCode").SelectOptionAsync("59606");

        // The commune places the pin at its centre, and says so.
        await Expect(map.Locator(".leaflet-marker-icon")).ToHaveCountAsync(1);
        await Expect(page.Locator("#pin-map-status")).ToHaveTextAsync("Repère placé au centre de Valenciennes : déplacez-le sur le lieu exact de l’événement.");
        Assert.Equal(ValenciennesLatitude, double.Parse(await page.Locator("#Latitude").InputValueAsync(), CultureInfo.InvariantCulture), 0.02);
        Assert.Equal(ValenciennesLongitude, double.Parse(await page.Locator("#Longitude").InputValueAsync(), CultureInfo.InvariantCulture), 0.02);

        // Typed coordinates move the pin and centre the map on it.
        await page.Locator("#Latitude").FillAsync("50,357");
        await page.Locator("#Longitude").FillAsync("3,523");
        await page.Locator("#Longitude").PressAsync("Tab");
        await Expect(map.Locator(".leaflet-marker-icon")).ToHaveCountAsync(1);
        await Expect(page.Locator("#pin-map-status")).ToBeEmptyAsync();
        var size = await map.EvaluateAsync<int[]>("m => [m.clientWidth, m.clientHeight]");
        var (centreX, centreY) = (size[0] / 2, size[1] / 2);
        await WaitForPinAtAsync(page, centreX, centreY);

        // A click on the map, a little south-east of Valenciennes, moves the pin there and fills the coordinates.
        await map.ClickAsync(new() { Position = new() { X = centreX + 40, Y = centreY + 30 } });
        await Expect(page.Locator("#Latitude")).ToHaveValueAsync(Coordinate());
        await Expect(page.Locator("#Longitude")).ToHaveValueAsync(Coordinate());
        var latitude = double.Parse(await page.Locator("#Latitude").InputValueAsync(), CultureInfo.InvariantCulture);
        var longitude = double.Parse(await page.Locator("#Longitude").InputValueAsync(), CultureInfo.InvariantCulture);
        Assert.InRange(latitude, ValenciennesLatitude - 0.02, ValenciennesLatitude - 0.001);
        Assert.InRange(longitude, ValenciennesLongitude + 0.001, ValenciennesLongitude + 0.03);
        await WaitForPinAtAsync(page, centreX + 40, centreY + 30);
        await Expect(map.Locator(".leaflet-marker-icon")).ToHaveCountAsync(1);

        // The rest of the form.
        var day = await DayInHautsDeFranceAsync(page);
        await page.Locator("#Title").FillAsync("Visite de l'usine de Valenciennes");
        await page.Locator("#Description").FillAsync("Découverte des lignes d'assemblage et des métiers de la production, avec les apprentis du site.");
        await page.Locator("#Format").SelectOptionAsync("CompanyVisit");
        await TickAsync(page, "input[name=Audiences][value=Pupils]");
        await TickAsync(page, "input[name=Sectors][value=Automotive]");
        await page.Locator("input[name='Sessions[0].Date']").FillAsync(day);
        await page.Locator("input[name='Sessions[0].StartTime']").FillAsync("09:00");
        await page.Locator("input[name='Sessions[0].EndTime']").FillAsync("12:00");
        await TickAsync(page, "#Mode-OnSite");
        await page.Locator("#Street").FillAsync("1 rue de l'Industrie");
        await TickAsync(page, "#IsFree-true");
        await TickAsync(page, "#AboutIndustry");
        // Zoomed out three levels at once (shift), the pin stays where it was clicked and France's outline shows around it.
        await map.Locator(".leaflet-control-zoom-out").ClickAsync(new() { Modifiers = [KeyboardModifier.Shift] });
        await WaitForPinAtAsync(page, centreX + 5, centreY + 4);
        await Screenshots.TakeAsync(page, "event-form.png");

        // Saved as a draft: the event's page.
        await page.Locator("#event-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("main .fr-badge")).ToContainTextAsync("Brouillon");
        await Expect(page.Locator("main .fr-alert--success")).ToContainTextAsync("enregistré en brouillon");
        await Expect(page.Locator("main")).ToContainTextAsync("Valenciennes");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Visite de l'usine de Valenciennes");
        await Screenshots.TakeAsync(page, "event-page.png");

        Assert.Empty(browser.Errors);
        Assert.Empty(browser.RequestsElsewhere);
        Assert.Contains(browser.Requests, url => url.EndsWith("/geo/regions.geojson", StringComparison.Ordinal));
        Assert.Contains(browser.Requests, url => url.EndsWith("/api/geo/communes?postalCode=59300", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EventForm_WhenTheCommunesCentreIsUnknown_PlacesThePinAtTheDepartmentsChefLieuAndSaysSo()
    {
        await using var browser = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
        var page = browser.Page;
        await page.GotoAsync("/connexion");
        await page.Locator("main input[name=Email]").FillAsync(Email);
        await page.Locator("main input[name=Password]").FillAsync(Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("header")).ToContainTextAsync(Email);
        await page.GotoAsync("/mon-espace/evenements/nouveau");

        // Abancourt (59268), 441 inhabitants: its centre is unknown to GeoNames.
        await page.Locator("#PostalCode").FillAsync("59268");
        await page.Locator("#PostalCode").PressAsync("Tab");
        await Expect(page.Locator("#InseeCode option:not([value=''])")).ToHaveCountAsync(6);
        await page.Locator("#InseeCode").SelectOptionAsync("59001");
        await Expect(page.Locator("#pin-map-status")).ToContainTextAsync("Le centre d’Abancourt n’est pas connu : repère placé au chef-lieu du département");
        await Expect(page.Locator("#pin-map .leaflet-marker-icon")).ToHaveCountAsync(1);

        // Lille, the Nord's chef-lieu.
        Assert.Equal(50.63, double.Parse(await page.Locator("#Latitude").InputValueAsync(), CultureInfo.InvariantCulture), 0.02);
        Assert.Equal(3.06, double.Parse(await page.Locator("#Longitude").InputValueAsync(), CultureInfo.InvariantCulture), 0.02);
        Assert.Empty(browser.Errors);
    }

    /// <summary>Ticks a checkbox or radio button as a person does, on its label (DSFR draws the box on the label, over the input).</summary>
    private static async Task TickAsync(IPage page, string inputSelector)
    {
        var input = page.Locator(inputSelector);
        await page.Locator($"label[for='{await input.GetAttributeAsync("id")}']").ClickAsync();
        await Expect(input).ToBeCheckedAsync();
    }

    /// <summary>Waits until the pin's tip (the bottom centre of Leaflet's marker icon) is at this point of the map, zoom animation over.</summary>
    private static async Task WaitForPinAtAsync(IPage page, int x, int y) =>
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

    /// <summary>A day inside the upcoming edition's Hauts-de-France period, read from the form's hint.</summary>
    private static async Task<string> DayInHautsDeFranceAsync(IPage page)
    {
        Assert.Contains("Hauts-de-France", await page.Locator("#sessions-legend .fr-hint-text").TextContentAsync(), StringComparison.Ordinal);
        var year = Year().Match(await page.Locator("h1").TextContentAsync() ?? "").Value;
        return $"{year}-03-24";
    }

    private static int RegionCount()
    {
        using var regions = JsonDocument.Parse(File.ReadAllText(Path.Combine(HostProcess.RepositoryRoot, "src", "Host", "wwwroot", "geo", "regions.geojson")));
        return regions.RootElement.GetProperty("features").GetArrayLength();
    }

    /// <summary>A coordinate as the map writes it: a dot and five decimals.</summary>
    [GeneratedRegex(@"^-?\d+\.\d{5}$")]
    private static partial Regex Coordinate();

    [GeneratedRegex(@"\b\d{4}\b")]
    private static partial Regex Year();
}
