using System.Net;
using System.Text.RegularExpressions;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.ApiReference;

/// <summary>
/// /api/docs: the API's reference, for anyone, drawn from /openapi/v1.json with nothing fetched from another host. Its
/// policy allows its one inline script by a nonce drawn for each answer; the rest of the site keeps « script-src 'self' ».
/// </summary>
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed partial class ApiReferencePageTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;
    private HttpClient _visitor = null!;

    public Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database);
        _visitor = _platform.CreateClient(); // /api/docs leads to /api/docs/ (Scalar's files are relative to it)
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _visitor.Dispose();
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ApiDocs_ForAnAnonymousVisitor_IsAnHtmlPageReadingTheOpenApiDocument_WithNoAddressElsewhere()
    {
        using var answer = await _visitor.GetAsync(new Uri("/api/docs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
        var html = await answer.Content.ReadAsStringAsync();
        // Scalar's script resolves the document's address against the site's root: /openapi/v1.json (the browser test sees the request).
        Assert.Contains("\"sources\":[{\"title\":\"v1\",\"url\":\"openapi/v1.json\"}]", html, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", html, StringComparison.Ordinal);
        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
        var elsewhere = AbsoluteUrl().Matches(html).Select(m => m.Value).Where(u => !u.StartsWith("http://localhost", StringComparison.Ordinal)).ToList();
        Assert.True(elsewhere.Count == 0, "Addresses elsewhere: " + string.Join(", ", elsewhere));
    }

    [Fact]
    public async Task ApiDocs_AllowsItsInlineScriptByAFreshNonce_WhileOtherPagesKeepTheSitesPolicy()
    {
        var first = await NonceAsync();
        var second = await NonceAsync();

        Assert.NotEqual(first, second);
        using var home = await _visitor.GetAsync(new Uri("/", UriKind.Relative));
        var sitePolicy = string.Join(";", home.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", sitePolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("nonce", sitePolicy, StringComparison.Ordinal);
    }

    /// <summary>The nonce of one answer of /api/docs, checked against its policy and its inline script tags (files need none: « 'self' »).</summary>
    private async Task<string> NonceAsync()
    {
        using var answer = await _visitor.GetAsync(new Uri("/api/docs", UriKind.Relative));
        var policy = string.Join(";", answer.Headers.GetValues("Content-Security-Policy"));
        var nonce = PolicyNonce().Match(policy);
        Assert.True(nonce.Success, "No nonce in " + policy);
        Assert.Contains("style-src 'self' 'unsafe-inline';", policy, StringComparison.Ordinal);
        Assert.EndsWith("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        var html = await answer.Content.ReadAsStringAsync();
        var inline = ScriptTag().Matches(html).Select(m => m.Value).Where(s => !s.Contains(" src=", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(inline);
        Assert.Single(Regex.Matches(html, "api-reference\\.js")); // once per answer, not once more per request
        Assert.All(inline, s => Assert.Contains($"nonce=\"{nonce.Groups[1].Value}\"", s, StringComparison.Ordinal));
        return nonce.Groups[1].Value;
    }

    [GeneratedRegex(@"https?://[^\s""'<>)]+")]
    private static partial Regex AbsoluteUrl();

    [GeneratedRegex(@"script-src 'self' 'nonce-([A-Za-z0-9+/=]+)';")]
    private static partial Regex PolicyNonce();

    [GeneratedRegex(@"<script[^>]*>")]
    private static partial Regex ScriptTag();
}
