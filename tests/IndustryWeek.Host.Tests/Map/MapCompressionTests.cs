using System.Net;
using System.Text.Json.Nodes;

namespace IndustryWeek.Host.Tests.Map;

/// <summary>
/// What a visitor of the map downloads, compressed when the browser accepts it (over plain HTTP here; the HTTPS rule
/// is in CompressionOverHttpsTests): the same bytes once decompressed, a tag per representation, 304 for each.
/// </summary>
[Collection(MapApiTestGroup.Name)]
public sealed class MapCompressionTests(MapPlatformFixture map)
{
    private const string Chrome = "gzip, deflate, br, zstd";
    private static readonly string Whole = "/api/map/events" + FilterEdition.Query;
    private static readonly string Filtered = "/api/map/events" + FilterEdition.Query + "&region=32&online=false";

    public static TheoryData<string> MapAnswers => new()
    {
        Whole,
        Filtered,
        "/api/map/export.csv?edition=2040",
        "/api/map/export.csv?edition=2040&region=84",
        "/api/map/export.geojson?edition=2040",
        "/api/map/export.geojson?edition=2040&format=Workshop",
        $"/api/map/events/{FilterEdition.Lyon}",
        "/api/map/pins" + FilterEdition.Query,
        "/api/map/pins" + FilterEdition.Query + "&region=84",
    };

    [Theory]
    [MemberData(nameof(MapAnswers))]
    public async Task MapAnswer_InEachCoding_DecompressesToTheSameBytes_WithATagOfItsOwnThatGives304ForThatCodingOnly(string url)
    {
        // The map's version is global: a write left behind by another test of this host (a grant's later effects)
        // changes every tag. A failure counts unless the answer itself changed meanwhile; then the checks run again.
        for (var attempt = 1; ; attempt++)
        {
            using var before = await Compressed.GetAsync(map.Visitor, url, acceptEncoding: null);
            try
            {
                await CheckCodingsAsync(url);
                return;
            }
            catch (Xunit.Sdk.XunitException) when (attempt < 3)
            {
                if (!await ChangedSinceAsync(url, before.Headers.ETag!.Tag!))
                {
                    throw;
                }
            }
        }
    }

    private async Task<bool> ChangedSinceAsync(string url, string tag)
    {
        using var now = await Compressed.GetAsync(map.Visitor, url, acceptEncoding: null);
        return now.Headers.ETag?.Tag != tag;
    }

    private async Task CheckCodingsAsync(string url)
    {
        (string? Accept, string? Coding)[] codings = [(null, null), ("br", "br"), ("gzip", "gzip")];
        var identity = Array.Empty<byte>();
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (accept, coding) in codings)
        {
            using var response = await Compressed.GetAsync(map.Visitor, url, accept);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(coding, Compressed.Coding(response));
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            var body = await Compressed.BodyAsync(response);
            identity = coding is null ? body : identity;
            Assert.Equal(identity, body);
            Assert.False(response.Headers.ETag!.IsWeak); // the middleware leaves the tag as set: suffixed beforehand
            tags[coding ?? "identity"] = response.Headers.ETag.Tag!;
        }

        Assert.Equal(3, tags.Values.Distinct(StringComparer.Ordinal).Count());
        Assert.EndsWith("-br\"", tags["br"], StringComparison.Ordinal);
        Assert.EndsWith("-gz\"", tags["gzip"], StringComparison.Ordinal);
        foreach (var (accept, coding) in codings)
        {
            var own = tags[coding ?? "identity"];
            using var notModified = await Compressed.GetAsync(map.Visitor, url, accept, ifNoneMatch: own);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Equal(own, notModified.Headers.ETag?.Tag);
            Assert.Contains("Accept-Encoding", notModified.Headers.Vary);
            Assert.Equal(HttpStatusCode.NotModified, (await Compressed.GetAsync(map.Visitor, url, accept, ifNoneMatch: "W/" + own)).StatusCode);

            // A copy in another coding is not this representation: the answer is sent, not confirmed.
            foreach (var other in tags.Values.Where(t => t != own))
            {
                using var sent = await Compressed.GetAsync(map.Visitor, url, accept, ifNoneMatch: other);
                Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
                Assert.Equal(coding, Compressed.Coding(sent));
                Assert.Equal(own, sent.Headers.ETag?.Tag);
            }
        }
    }

    [Theory]
    [InlineData(Chrome, "br")]
    [InlineData("gzip;q=1, br;q=0.5", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("gzip;q=0", null)]
    [InlineData("br;q=0, gzip;q=0", null)]
    [InlineData("identity", null)]
    [InlineData("deflate", null)]
    [InlineData("*", "br")]
    public async Task Events_AreSentInTheCodingTheClientPrefers_WholeOrFiltered(string acceptEncoding, string? expected)
    {
        foreach (var url in new[] { Whole, Filtered })
        {
            using var response = await Compressed.GetAsync(map.Visitor, url, acceptEncoding);

            Assert.Equal(expected, Compressed.Coding(response));
            var (_, plainTag) = await PlainAsync(url);
            Assert.Equal(expected is null, plainTag == response.Headers.ETag?.Tag);
        }
    }

    [Fact]
    public async Task Events_WholeEdition_ComeCompressedWithTheirLength()
    {
        var (identity, _) = await PlainAsync(Whole);

        using var brotli = await Compressed.GetAsync(map.Visitor, Whole, Chrome);

        Assert.Equal((await brotli.Content.ReadAsByteArrayAsync()).Length, brotli.Content.Headers.ContentLength);
        Assert.True(brotli.Content.Headers.ContentLength < identity.Length / 2, $"{brotli.Content.Headers.ContentLength} bytes of Brotli for {identity.Length}");
    }

    public static TheoryData<string, string> OtherAnswers => new()
    {
        { "/carte?edition=2040", "text/html" },
        { $"/evenements/{FilterEdition.Lyon}", "text/html" },
        { $"/api/map/events/{FilterEdition.Lyon}.ics", "text/calendar" },
        { "/api/geo/communes?postalCode=59300", "application/json" },
        { "/api/map/events?region=zz", "application/problem+json" },
    };

    [Theory]
    [MemberData(nameof(OtherAnswers))]
    public async Task OtherAnswer_InEachCoding_DecompressesToTheSameContent(string url, string mediaType)
    {
        var (identity, _) = await PlainAsync(url);
        foreach (var coding in new[] { "br", "gzip" })
        {
            using var response = await Compressed.GetAsync(map.Visitor, url, coding);

            Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(coding, Compressed.Coding(response));
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.Equal(WithoutTraceId(identity, mediaType), WithoutTraceId(await Compressed.BodyAsync(response), mediaType));
        }
    }

    private async Task<(byte[] Body, string? Tag)> PlainAsync(string url)
    {
        using var response = await Compressed.GetAsync(map.Visitor, url, acceptEncoding: null);
        Assert.Null(Compressed.Coding(response));
        return (await response.Content.ReadAsByteArrayAsync(), response.Headers.ETag?.Tag);
    }

    /// <summary>A problem's traceId names the request: every other byte is compared.</summary>
    private static string WithoutTraceId(byte[] body, string mediaType)
    {
        var text = System.Text.Encoding.UTF8.GetString(body);
        if (mediaType != "application/problem+json")
        {
            return text;
        }

        var problem = JsonNode.Parse(text)!.AsObject();
        problem.Remove("traceId");
        return problem.ToJsonString();
    }
}
