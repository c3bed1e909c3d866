using System.Net;
using System.Net.Http.Json;
using IndustryWeek.Host.Tests.Map;
using IndustryWeek.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IndustryWeek.Host.Tests.Security;

/// <summary>
/// BREACH (docs/deployment.md, « Compression »): over HTTPS, the public answers are compressed for visitors not signed
/// in; what carries a secret beside text an attacker can choose (an anti-forgery token, an account, a token) is not.
/// </summary>
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class CompressionOverHttpsTests : IAsyncLifetime
{
    private const string Brotli = "gzip, deflate, br, zstd";
    private static readonly Guid EventId = Guid.Parse("c0c0c0c0-0000-0000-0000-0000000000e1");

    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database);
        await _platform.PublishAsync(MapSamples.Granted(EventId, Guid.Parse("c0c0c0c0-0000-0000-0000-0000000000ed"), 2043));
        using var visitor = _platform.CreateClient();
        await Eventually.WaitAsync(async () => await MapApi.FeatureAsync(visitor, EventId) is not null, "the event is on the map");
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task OverHttps_ForAVisitor_PublicAnswersAreCompressed_PagesWithAFormTokenAndIdentityAnswersAreNot()
    {
        using var visitor = _platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        foreach (var url in new[] { "/", "/carte", $"/evenements/{EventId}", "/api/map/events", "/api/map/events?region=32", $"/api/map/events/{EventId}", $"/api/map/events/{EventId}.ics", "/api/map/export.csv?region=32", "/api/map/events.ics", "/api/map/events.ics?region=32", "/carte/integration", "/sitemap.xml", "/robots.txt" })
        {
            using var response = await Compressed.GetAsync(visitor, url, Brotli);
            Assert.True(HttpStatusCode.OK == response.StatusCode, $"{url}: {response.StatusCode}");
            Assert.True("br" == Compressed.Coding(response), $"{url} is not compressed over HTTPS");
            Assert.DoesNotContain("__RequestVerificationToken", System.Text.Encoding.UTF8.GetString(await Compressed.BodyAsync(response)), StringComparison.Ordinal);
        }

        using var signIn = await Compressed.GetAsync(visitor, "/connexion", Brotli);
        Assert.Null(Compressed.Coding(signIn));
        Assert.Contains("__RequestVerificationToken", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var login = new HttpRequestMessage(HttpMethod.Post, "/api/identity/login")
        {
            Content = JsonContent.Create(new { email = PlatformFactory.AdminEmail, password = PlatformFactory.AdminPassword }),
            Headers = { { "Accept-Encoding", Brotli } },
        };
        using var token = await visitor.SendAsync(login);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Null(Compressed.Coding(token));
        Assert.Contains("accessToken", await token.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverHttps_ForASignedInVisitor_PagesAndFilteredAnswersAreNotCompressed_TheWholeMapStillIs()
    {
        using var signedIn = _platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        (await signedIn.PostAsJsonAsync("/api/identity/login?useCookies=true", new { email = PlatformFactory.AdminEmail, password = PlatformFactory.AdminPassword })).EnsureSuccessStatusCode();

        using var page = await Compressed.GetAsync(signedIn, "/carte", Brotli);
        Assert.Null(Compressed.Coding(page));
        Assert.Contains("Se déconnecter", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var filtered = await Compressed.GetAsync(signedIn, "/api/map/events?region=32", Brotli);
        Assert.Null(Compressed.Coding(filtered));
        Assert.DoesNotContain("-br\"", filtered.Headers.ETag?.Tag, StringComparison.Ordinal);

        // Compressed in advance, the same bytes for everyone, nothing of the request in them: nothing to guess.
        using var whole = await Compressed.GetAsync(signedIn, "/api/map/events", Brotli);
        Assert.Equal("br", Compressed.Coding(whole));
    }

    [Fact]
    public async Task OverPlainHttp_EvenThePagesWithAFormTokenAreCompressed()
    {
        using var visitor = _platform.CreateClient();

        using var signIn = await Compressed.GetAsync(visitor, "/connexion", Brotli);

        Assert.Equal("br", Compressed.Coding(signIn));
    }
}

#pragma warning restore CA1001
