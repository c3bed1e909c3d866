using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Shared.Web;

/// <summary>
/// The headers every answer carries: a Content-Security-Policy with no inline script or style (every
/// script is a file under wwwroot), no framing, no MIME sniffing, and a referrer that does not leak paths.
/// Map tiles, when configured (`Map:TileUrl`), are the only images allowed from elsewhere.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var policy = ContentSecurityPolicy(app.ApplicationServices.GetRequiredService<IConfiguration>()["Map:TileUrl"]);
        var dashboardPolicy = JobsDashboardPolicy(policy);
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(Jobs.JobsDashboard.Path) ? dashboardPolicy : policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            await next(context);
        });
    }

    /// <summary>
    /// The Hangfire dashboard's scripts (its own files, no inline script) set inline styles: its pages carry
    /// style="…" attributes and its charts and tooltips write style attributes, which « style-src 'self' » refuses.
    /// Only styles are relaxed, only under /hangfire; scripts stay files of the site.
    /// </summary>
    public static string JobsDashboardPolicy(string sitePolicy)
    {
        ArgumentNullException.ThrowIfNull(sitePolicy);
        return sitePolicy.Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal);
    }

    public static string ContentSecurityPolicy(string? tileUrl)
    {
        var images = "'self' data:";
        if (!string.IsNullOrWhiteSpace(tileUrl) && Uri.TryCreate(tileUrl.Replace("{s}", "a", StringComparison.Ordinal), UriKind.Absolute, out var tiles))
        {
            // https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png → https://*.tile.openstreetmap.org; a port that is not
            // the scheme's own is kept (Authority): a source without one allows the default port only.
            var host = tileUrl.Contains("{s}.", StringComparison.Ordinal) ? "*." + tiles.Authority[2..] : tiles.Authority;
            images += $" {tiles.Scheme}://{host}";
        }

        return $"default-src 'self'; script-src 'self'; style-src 'self'; img-src {images}; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }
}
