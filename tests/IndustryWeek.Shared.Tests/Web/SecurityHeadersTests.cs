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
}
