using System.Net;
using System.Net.Http.Headers;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Map;

/// <summary>ETag, If-None-Match → 304, Cache-Control, and a new tag once the map changed.</summary>
[Collection(MapApiTestGroup.Name)]
public sealed class MapCachingTests(MapPlatformFixture map)
{
    private static readonly Guid Edition = Guid.Parse("2042aaaa-0000-0000-0000-0000000000c1");
    private static readonly string Query = $"?edition={Edition}";

    [Fact]
    public async Task Events_WhenClientHasTheCurrentTag_Returns304ThenANewTagAfterAChange()
    {
        await map.GrantAsync(MapSamples.Granted(Guid.NewGuid(), Edition, 2042));
        var first = await GetAsync("/api/map/events" + Query);
        var etag = first.Headers.ETag!;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl?.ToString());

        var again = await GetAsync("/api/map/events" + Query, etag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync("/api/map/events" + Query, new EntityTagHeaderValue(etag.Tag, isWeak: true))).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync("/api/map/events" + Query, EntityTagHeaderValue.Any)).StatusCode);

        var added = MapSamples.Granted(Guid.NewGuid(), Edition, 2042, MapSamples.Visit("Un second événement"));
        await map.GrantAsync(added);

        var changed = await GetAsync("/api/map/events" + Query, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Contains("Un second événement", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_WhenFiltered_HaveATagOfTheirOwnThatAlsoGives304()
    {
        var whole = (await GetAsync("/api/map/events" + FilterEdition.Query)).Headers.ETag!;
        var filtered = await GetAsync("/api/map/events" + FilterEdition.Query + "&region=32&online=false");
        var sameFilterOtherOrder = await GetAsync("/api/map/events" + FilterEdition.Query + "&online=false&region=32");

        Assert.NotEqual(whole, filtered.Headers.ETag);
        Assert.Equal(filtered.Headers.ETag, sameFilterOtherOrder.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync("/api/map/events" + FilterEdition.Query + "&region=32&online=false", filtered.Headers.ETag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/map/events" + FilterEdition.Query + "&region=11", filtered.Headers.ETag)).StatusCode);
    }

    [Theory]
    [InlineData("/api/map/events/{0}")]
    [InlineData("/api/map/export.geojson?edition=2040")]
    [InlineData("/api/map/export.csv?edition=2040")]
    public async Task OtherResources_WhenClientHasTheCurrentTag_Return304(string url)
    {
        var address = string.Format(System.Globalization.CultureInfo.InvariantCulture, url, FilterEdition.Lyon);
        var first = await GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl?.ToString());

        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(address, first.Headers.ETag)).StatusCode);
    }

    [Fact]
    public async Task Events_WhenAnotherEditionChanges_StillAnswerFromTheNewVersion()
    {
        var before = (await GetAsync("/api/map/events" + FilterEdition.Query)).Headers.ETag!;

        await map.GrantAsync(MapSamples.Granted(Guid.NewGuid(), Edition, 2042, MapSamples.Visit("Ailleurs")));

        // One version for the whole map: the tag moves, the content does not.
        await Eventually.WaitAsync(async () => !Equals((await GetAsync("/api/map/events" + FilterEdition.Query)).Headers.ETag, before), "a new tag");
        Assert.Equal(6, (await MapApi.FeaturesAsync(map.Visitor, FilterEdition.Query)).Count);
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
