using IndustryWeek.Shared.Web;

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
}
