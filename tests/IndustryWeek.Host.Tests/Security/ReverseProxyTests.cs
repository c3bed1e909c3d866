using System.Net;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Security;

/// <summary>
/// Behind a TLS-terminating proxy (docs/deployment.md): the scheme the proxy forwards is believed only from a
/// trusted proxy; plain http is sent to https, browsers are told to stay there; health probes are answered as they come;
/// answers are compressed by the rule of the scheme the visitor used.
/// </summary>
public sealed class ReverseProxyTests
{
    private const string PublicHost = "sdi.example.fr";

    [Fact]
    public async Task BehindATrustedProxy_ForwardedHttpsIsServedWithHsts_PlainHttpIsRedirected_ProbesAreAnswered()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database, new Dictionary<string, string?> { ["Site:PublicUrl"] = $"https://{PublicHost}", ["ReverseProxy:RequireHttps"] = "true" });
        var address = platform.StartKestrel(); // a real connection from 127.0.0.1: the proxy on the same machine
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };

        using var forwarded = await client.SendAsync(Request("/carte", forwardedProto: "https"));
        Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(forwarded.Headers.GetValues("Strict-Transport-Security")));

        using var plain = await client.SendAsync(Request("/carte?edition=2027", forwardedProto: null));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal($"https://{PublicHost}/carte?edition=2027", plain.Headers.Location?.ToString());

        using var probe = await client.SendAsync(Request("/health/live", forwardedProto: null));
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }

    [Fact]
    public async Task FromAnUntrustedAddress_ForwardedHeadersAreIgnored()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database, new Dictionary<string, string?>
        {
            ["Site:PublicUrl"] = $"https://{PublicHost}",
            ["ReverseProxy:RequireHttps"] = "true",
            ["ReverseProxy:KnownProxies:0"] = "10.9.9.9", // the proxy is elsewhere: 127.0.0.1 is anyone
        });
        var address = platform.StartKestrel();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };

        using var spoofed = await client.SendAsync(Request("/carte", forwardedProto: "https"));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, spoofed.StatusCode); // still plain http: the header was not believed
    }

    [Fact]
    public async Task BehindATrustedProxy_ForwardedHttpsFollowsTheCompressionRule()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        var address = platform.StartKestrel();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address }; // no decompression

        // https at the proxy: the sign-in page (its anti-forgery token) goes uncompressed, the public map compressed.
        Assert.Null(await CodingAsync(client, "/connexion", forwardedProto: "https"));
        Assert.Equal("br", await CodingAsync(client, "/carte", forwardedProto: "https"));

        // Plain http all the way: compressed.
        Assert.Equal("br", await CodingAsync(client, "/connexion", forwardedProto: null));
    }

    [Fact]
    public async Task KnownProxies_WhenNotAnAddress_StopsTheHostWithOneFrenchLine()
    {
        var contentRoot = Directory.CreateTempSubdirectory("industryweek-proxy-").FullName;
        try
        {
            await using var host = HostProcess.Start(contentRoot, [new("ReverseProxy:KnownProxies:0", "proxy.local")]);

            Assert.Equal(1, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            var line = Assert.Single(host.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Equal("Configuration invalide : ReverseProxy:KnownProxies attend des adresses IP (par exemple 10.0.0.5) ; refusé : proxy.local.", line);
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    private static async Task<string?> CodingAsync(HttpClient client, string path, string? forwardedProto)
    {
        using var request = Request(path, forwardedProto);
        request.Headers.Add("Accept-Encoding", "gzip, deflate, br");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Content.Headers.ContentEncoding.SingleOrDefault();
    }

    private static HttpRequestMessage Request(string path, string? forwardedProto)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = PublicHost;
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        }

        return request;
    }
}
