using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Shared.Time;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Map;

/// <summary>
/// GET /api/map/pins (issue 22): the compact pins /carte draws — the placed events of the collection, with
/// their id, coordinates and title only — under the same edition rule, filters, visibility, errors and caching.
/// </summary>
[Collection(MapApiTestGroup.Name)]
public sealed class MapPinsApiTests(MapPlatformFixture map)
{
    private static readonly Guid Upcoming = Guid.Parse("2044aaaa-0000-0000-0000-0000000000d1");
    private static readonly Guid Changing = Guid.Parse("2045aaaa-0000-0000-0000-0000000000d2");

    [Fact]
    public async Task Pins_WhenNotFiltered_AreThePlacedEventsOfTheCollectionWithIdCoordinatesAndTitleOnly()
    {
        using var response = await map.Visitor.GetAsync(new Uri("/api/map/pins" + FilterEdition.Query, UriKind.Relative));
        var placed = (await MapApi.FeaturesAsync(map.Visitor, FilterEdition.Query)).Where(f => f.GetProperty("geometry").ValueKind != JsonValueKind.Null).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var pins = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pins").EnumerateArray().ToList();
        Assert.Equal(placed.Select(f => f.GetProperty("id").GetGuid()), pins.Select(p => p.GetProperty("id").GetGuid()));
        Assert.DoesNotContain(FilterEdition.Online, pins.Select(p => p.GetProperty("id").GetGuid())); // online only: no place, no pin
        foreach (var (pin, feature) in pins.Zip(placed))
        {
            Assert.Equal(["id", "lat", "lon", "title"], pin.EnumerateObject().Select(p => p.Name));
            var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
            Assert.Equal(coordinates[1].GetDouble(), pin.GetProperty("lat").GetDouble());
            Assert.Equal(coordinates[0].GetDouble(), pin.GetProperty("lon").GetDouble());
            Assert.Equal(feature.GetProperty("properties").GetProperty("title").GetString(), pin.GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task Pins_WhenServed_WeighAFractionOfTheCollection()
    {
        var pins = await map.Visitor.GetByteArrayAsync(new Uri("/api/map/pins" + FilterEdition.Query, UriKind.Relative));
        var collection = await map.Visitor.GetByteArrayAsync(new Uri("/api/map/events" + FilterEdition.Query, UriKind.Relative));

        Assert.True(pins.Length * 3 < collection.Length, $"pins {pins.Length} bytes, collection {collection.Length} bytes");
    }

    [Theory]
    [InlineData("&region=84,11", "BD")]
    [InlineData("&department=974", "E")]
    [InlineData("&format=CompanyVisit,OpenDay", "AF")]
    [InlineData("&audience=JobSeekers&to=2020-11-30", "AE")]
    [InlineData("&online=true", "D")]
    [InlineData("&sector=Digital", "")]
    [InlineData("&q=chantier%20NAVAL", "F")]
    [InlineData("&bbox=2,48,5,51", "AD")]
    [InlineData("&from=2020-12-01", "")]
    public async Task Pins_WhenFiltered_AreThePlacedEventsOfTheFilteredCollection(string filters, string expected)
    {
        var ids = await MapApi.PinIdsAsync(map.Visitor, FilterEdition.Query + filters);

        Assert.Equal(expected.Select(letter => FilterEdition.ByLetter[letter]), ids);
    }

    [Fact]
    public async Task Pins_WhenEditionGivenByYearOrUnknown_FollowTheCollectionsRule()
    {
        Assert.Equal(await MapApi.PinIdsAsync(map.Visitor, FilterEdition.Query), await MapApi.PinIdsAsync(map.Visitor, $"?edition={FilterEdition.Year}"));
        Assert.Empty(await MapApi.PinsAsync(map.Visitor, "?edition=1999"));
        Assert.Empty(await MapApi.PinsAsync(map.Visitor, $"?edition={Guid.NewGuid()}"));
    }

    [Theory]
    [InlineData("?region=99")]
    [InlineData("?department=ZZ&format=visite")]
    [InlineData("?audience=jeunes&sector=acier")]
    [InlineData("?from=2020-13-01&to=demain")]
    [InlineData("?from=2020-11-22&to=2020-11-16")]
    [InlineData("?online=oui&bbox=2.2,48.8,2.5")]
    [InlineData("?bbox=2.5,48.8,2.2,48.9")]
    [InlineData("?region=32&region=99")]
    [InlineData("?q=usine&q=atelier")]
    [InlineData("?edition=vingt")]
    [InlineData("?preview=peut-etre")]
    public async Task Pins_WhenAFilterIsWrong_Return400WithTheCollectionsFrenchErrors(string query)
    {
        using var pins = await map.Visitor.GetAsync(new Uri("/api/map/pins" + query, UriKind.Relative));
        using var collection = await map.Visitor.GetAsync(new Uri("/api/map/events" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, pins.StatusCode);
        Assert.Equal("application/problem+json", pins.Content.Headers.ContentType?.MediaType);
        var problem = await pins.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("La requête contient des erreurs.", problem.GetProperty("title").GetString());
        var expected = (await collection.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(expected.GetRawText(), problem.GetProperty("errors").GetRawText());
    }

    [Fact]
    public async Task Pins_WhenClientHasTheCurrentTag_Return304AndTheirTagIsNotTheCollections()
    {
        var first = await GetAsync("/api/map/pins" + FilterEdition.Query);
        var etag = first.Headers.ETag!;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl?.ToString());

        var again = await GetAsync("/api/map/pins" + FilterEdition.Query, etag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag);

        // Another representation, another tag: the collection's copy never answers for the pins, nor the reverse.
        Assert.NotEqual(etag, (await GetAsync("/api/map/events" + FilterEdition.Query)).Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/map/events" + FilterEdition.Query, etag)).StatusCode);

        var filtered = await GetAsync("/api/map/pins" + FilterEdition.Query + "&region=32&online=false");
        Assert.NotEqual(etag, filtered.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync("/api/map/pins" + FilterEdition.Query + "&online=false&region=32", filtered.Headers.ETag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/map/pins" + FilterEdition.Query + "&region=11", filtered.Headers.ETag)).StatusCode);
    }

    [Fact]
    public async Task Pins_AfterAChange_HaveANewTagAndTheNewPinWithCoordinatesRoundedToAboutAMetre()
    {
        var query = $"?edition={Changing}";
        await map.GrantAsync(MapSamples.Granted(Guid.NewGuid(), Changing, 2045, MapSamples.Visit("Premier atelier")));
        var before = await GetAsync("/api/map/pins" + query);
        var etag = before.Headers.ETag!;

        var added = await map.GrantAsync(MapSamples.Granted(Guid.NewGuid(), Changing, 2045, MapSamples.Visit("Second atelier") with
        {
            Location = MapSamples.Place("Valenciennes", "59300", "59606", "59", "32", 50.35701234567, 3.52309876543),
        }));

        var after = await GetAsync("/api/map/pins" + query, etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag);
        var pin = (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pins").EnumerateArray()
            .Single(p => p.GetProperty("id").GetGuid() == added.EventId);
        Assert.Equal("Second atelier", pin.GetProperty("title").GetString());
        Assert.Equal("50.35701", pin.GetProperty("lat").GetRawText());
        Assert.Equal("3.5231", pin.GetProperty("lon").GetRawText());
    }

    [Fact]
    public async Task Pins_BeforeTheEditionsMapIsPublic_AreShownToAnAdministratorsPreviewOnly()
    {
        await map.Platform.CreateUserAsync("moderatrice.reperes@tests.local", "Moderatrice-2044", ["Moderator"], ["32"]);
        using var moderator = await map.Platform.SignedInClientAsync("moderatrice.reperes@tests.local", "Moderatrice-2044");
        await map.PublishAsync(MapSamples.Published(MapSamples.Edition(Upcoming, 2044, TimeProvider.System.TodayInParis().AddDays(30))));
        var upcoming = MapSamples.Granted(Guid.NewGuid(), Upcoming, 2044, MapSamples.Visit("Édition à venir"));
        await map.PublishAsync(upcoming);
        await Eventually.WaitAsync(async () => (await MapApi.PinsAsync(map.Administrator, $"?edition={Upcoming}&preview=true")).Count == 1, "the pin is published");

        // The public, even asking for a preview, and a signed-in moderator see nothing; an administrator only when previewing.
        Assert.Empty(await MapApi.PinsAsync(map.Visitor, $"?edition={Upcoming}"));
        Assert.Empty(await MapApi.PinsAsync(map.Visitor, $"?edition={Upcoming}&preview=true"));
        Assert.Empty(await MapApi.PinsAsync(moderator, "?edition=2044&preview=true"));
        Assert.Empty(await MapApi.PinsAsync(map.Administrator, "?edition=2044"));
        Assert.DoesNotContain(upcoming.EventId, await MapApi.PinIdsAsync(map.Visitor, "?preview=true"));
        Assert.Equal([upcoming.EventId], await MapApi.PinIdsAsync(map.Administrator, "?edition=2044&preview=true"));

        // The preview is the administrator's: never kept by a shared cache, never answered from the public's copy.
        using var preview = await map.Administrator.GetAsync(new Uri($"/api/map/pins?edition={Upcoming}&preview=true", UriKind.Relative));
        Assert.True(preview.Headers.CacheControl is { Private: true, NoCache: true, Public: false });
        var hidden = await GetAsync($"/api/map/pins?edition={Upcoming}");
        Assert.NotEqual(hidden.Headers.ETag, preview.Headers.ETag);
    }

    private async Task<HttpResponseMessage> GetAsync(string url, EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        return await map.Visitor.SendAsync(request);
    }
}
