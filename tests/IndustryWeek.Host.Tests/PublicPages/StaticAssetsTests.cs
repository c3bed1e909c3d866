using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.PublicPages;

/// <summary>
/// The front-end files as a browser gets them: the pages link fingerprinted URLs, cached for a year; the files
/// come compressed when the browser accepts it, identical once decompressed. (The published host's own answers —
/// Brotli, sizes, 304 per encoding — are in PublishedHostTests: a build serves its files from the source tree.)
/// </summary>
public sealed partial class StaticAssetsTests
{
    [Fact]
    public async Task Page_LinksFingerprintedStylesheetsAndScripts_CachedForAYearAndCompressed()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        using var client = platform.CreateClient();

        var page = await client.GetStringAsync(new Uri("/carte", UriKind.Relative));
        var assets = AssetUrl().Matches(page).Select(m => m.Groups["url"].Value).Distinct().ToList();

        Assert.Contains(assets, a => Fingerprinted("/lib/dsfr/dsfr.public.min.", ".css").IsMatch(a));
        Assert.Contains(assets, a => Fingerprinted("/lib/leaflet/leaflet.", ".js").IsMatch(a));
        Assert.Contains(assets, a => Fingerprinted("/js/events-map.", ".js").IsMatch(a));
        foreach (var asset in assets)
        {
            using var plain = await client.GetAsync(new Uri(asset, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            Assert.True("max-age=31536000, immutable" == plain.Headers.CacheControl?.ToString(), $"{asset}: {plain.Headers.CacheControl}");
            var identity = await plain.Content.ReadAsByteArrayAsync();

            using var gzipRequest = new HttpRequestMessage(HttpMethod.Get, asset) { Headers = { AcceptEncoding = { new StringWithQualityHeaderValue("gzip") } } };
            using var gzipped = await client.SendAsync(gzipRequest);
            Assert.Equal("gzip", Assert.Single(gzipped.Content.Headers.ContentEncoding));
            Assert.Contains("Accept-Encoding", gzipped.Headers.Vary);
            var compressed = await gzipped.Content.ReadAsByteArrayAsync();
            Assert.Equal(identity, Gunzip(compressed));
        }
    }

    private static Regex Fingerprinted(string prefix, string extension) =>
        new($"^{Regex.Escape(prefix)}[a-z0-9]{{8,}}{Regex.Escape(extension)}$", RegexOptions.None, TimeSpan.FromSeconds(1));

    private static byte[] Gunzip(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex("""<(?:link rel="stylesheet" href|script(?: type="module"| nomodule)? src)="(?<url>/[^"]+)""")]
    private static partial Regex AssetUrl();
}
