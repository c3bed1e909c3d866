using IndustryWeek.Shared.Web;
using Microsoft.Extensions.Configuration;

namespace IndustryWeek.Shared.Tests.Web;

public sealed class SecurityHeadersTests
{
    [Fact]
    public void ContentSecurityPolicy_WhenNoTiles_AllowsImagesFromTheSiteOnly()
    {
        var policy = SecurityHeaders.ContentSecurityPolicy(null);

        Assert.Contains("img-src 'self' data:;", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void ApiReferencePolicy_AllowsAnInlineScriptByNonceOnly_AndInlineStyles_KeepingEverythingElseTheSites()
    {
        var site = SecurityHeaders.ContentSecurityPolicy(null);

        var policy = string.Format(System.Globalization.CultureInfo.InvariantCulture, SecurityHeaders.ApiReferencePolicy(site), "abc123");

        Assert.Contains("script-src 'self' 'nonce-abc123';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self' 'unsafe-inline';", policy, StringComparison.Ordinal);
        Assert.Equal(site, policy.Replace(" 'nonce-abc123'", "", StringComparison.Ordinal).Replace(" 'unsafe-inline'", "", StringComparison.Ordinal));
    }

    [Fact]
    public void ContentSecurityPolicy_WhenOpenStreetMapTilesConfigured_AllowsTheirServersForImagesOnly()
    {
        var policy = SecurityHeaders.ContentSecurityPolicy("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png");

        Assert.Contains("img-src 'self' data: https://*.tile.openstreetmap.org;", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentSecurityPolicy_WhenGeoplateformeTilesConfigured_AllowsItsHostForImagesOnly()
    {
        var policy = SecurityHeaders.ContentSecurityPolicy(
            "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}");

        Assert.Contains("img-src 'self' data: https://data.geopf.fr;", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void EmbedPolicy_WhenNoOriginConfigured_LetsTheSiteAloneFrameTheEmbed()
    {
        var site = SecurityHeaders.ContentSecurityPolicy(null);

        var embed = SecurityHeaders.EmbedPolicy(site, SecurityHeaders.EmbedAllowedOrigins(Settings()));

        Assert.EndsWith("frame-ancestors 'self'", embed, StringComparison.Ordinal);
        Assert.Equal(site.Replace("frame-ancestors 'none'", "", StringComparison.Ordinal), embed.Replace("frame-ancestors 'self'", "", StringComparison.Ordinal));
    }

    [Fact]
    public void EmbedAllowedOrigins_AsAListOrOneValue_AreOriginsLowerCasedWithoutTheirFinalSlash()
    {
        Assert.Equal(["https://www.hautsdefrance.fr", "https://*.nord.fr", "http://localhost:8080"],
            SecurityHeaders.EmbedAllowedOrigins(Settings(("Map:EmbedAllowedOrigins:0", "https://www.HautsDeFrance.fr/"), ("Map:EmbedAllowedOrigins:1", "https://*.nord.fr"), ("Map:EmbedAllowedOrigins:2", "http://localhost:8080"))));
        Assert.Equal(["https://a.fr", "https://b.fr"], SecurityHeaders.EmbedAllowedOrigins(Settings(("Map:EmbedAllowedOrigins", "https://a.fr, https://b.fr"))));
    }

    [Theory]
    [InlineData("www.region.fr")] // no scheme
    [InlineData("https://www.region.fr/carte")] // a path
    [InlineData("https://www.region.fr?x=1")]
    [InlineData("ftp://www.region.fr")]
    [InlineData("*")]
    [InlineData("'unsafe-inline'")]
    [InlineData("https://a.fr;script-src")] // would end the directive
    [InlineData("https://a.fr'")]
    [InlineData("https://www.*.fr")]
    public void EmbedAllowedOrigins_WhenAValueIsNotAnOrigin_StopsTheHostWithOneFrenchLineNamingIt(string value)
    {
        var thrown = Assert.Throws<StartupException>(() => SecurityHeaders.EmbedAllowedOrigins(Settings(("Map:EmbedAllowedOrigins:0", "https://ok.fr"), ("Map:EmbedAllowedOrigins:1", value))));

        Assert.StartsWith("Configuration invalide : Map:EmbedAllowedOrigins attend des origines de sites", thrown.Message, StringComparison.Ordinal);
        Assert.EndsWith($"refusé : « {value} ».", thrown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', thrown.Message);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
