using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Shared.Web;

/// <summary>
/// The headers every answer carries: a Content-Security-Policy with no inline script or style (every
/// script is a file under wwwroot), no framing, no MIME sniffing, and a referrer that does not leak paths.
/// Map tiles, when configured (`Map:TileUrl`), are the only images allowed from elsewhere. The one exception to
/// « no framing »: an endpoint marked <see cref="EmbeddableAttribute"/> (the map made for partners' sites,
/// /carte/integration) may be framed by the site itself and by the origins of `Map:EmbedAllowedOrigins`. The API's
/// reference (an endpoint marked <see cref="ApiReferencePageAttribute"/>) gets one inline script, by a nonce, and inline styles.
/// </summary>
public static partial class SecurityHeaders
{
    public const string EmbedOriginsKey = "Map:EmbedAllowedOrigins";

    private const string NonceKey = "IndustryWeek.ScriptNonce";

    /// <summary>Reads and checks the settings the headers depend on: a wrong origin stops the host with one French line.</summary>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var site = ContentSecurityPolicy(configuration["Map:TileUrl"]);
        services.AddSingleton(new SecurityPolicies(site, JobsDashboardPolicy(site), EmbedPolicy(site, EmbedAllowedOrigins(configuration)), ApiReferencePolicy(site)));
        return services;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var policies = app.ApplicationServices.GetRequiredService<SecurityPolicies>();
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            // After routing: the endpoint says whether it may be framed.
            var metadata = context.GetEndpoint()?.Metadata;
            var embeddable = metadata?.GetMetadata<EmbeddableAttribute>() is not null;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(Jobs.JobsDashboard.Path) ? policies.JobsDashboard
                : embeddable ? policies.Embed
                : metadata?.GetMetadata<ApiReferencePageAttribute>() is not null ? string.Format(System.Globalization.CultureInfo.InvariantCulture, policies.ApiReference, NewScriptNonce(context))
                : policies.Site;
            if (!embeddable)
            {
                headers.XFrameOptions = "DENY"; // for browsers without frame-ancestors; it has no value naming several origins
            }

            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            await next(context);
        });
    }

    /// <summary>
    /// The origins allowed to frame the embeddable pages, from `Map:EmbedAllowedOrigins` (a list, or one value of
    /// origins separated by spaces or commas): « https://www.region.fr », « https://*.departement.fr », « http://localhost:8080 »,
    /// lower-cased, without their final slash. Anything else (a path, a query, a quote or a semicolon that would
    /// change the policy) stops the host with one French line naming the values refused.
    /// </summary>
    public static IReadOnlyList<string> EmbedAllowedOrigins(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(EmbedOriginsKey);
        var children = section.GetChildren().ToList();
        var values = children.Count > 0
            ? children.Select(c => c.Value ?? "").ToArray()
            : (section.Value ?? "").Split([' ', ',', ';', '\t'], StringSplitOptions.RemoveEmptyEntries);
        values = [.. values.Select(v => v.Trim()).Where(v => v.Length > 0)];
        var refused = values.Where(v => !OriginPattern().IsMatch(v)).ToList();
        if (refused.Count > 0)
        {
            throw new StartupException(
                $"Configuration invalide : {EmbedOriginsKey} attend des origines de sites, sans chemin (par exemple https://www.hautsdefrance.fr ou https://*.nord.fr) ; refusé : {string.Join(", ", refused.Select(r => $"« {r} »"))}.");
        }

        return [.. values.Select(v => v.TrimEnd('/').ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The site's policy, framable by the site itself and by <paramref name="origins"/> (the site alone when none).</summary>
    public static string EmbedPolicy(string sitePolicy, IReadOnlyList<string> origins)
    {
        ArgumentNullException.ThrowIfNull(sitePolicy);
        ArgumentNullException.ThrowIfNull(origins);
        return sitePolicy.Replace("frame-ancestors 'none'", "frame-ancestors " + string.Join(' ', origins.Prepend("'self'")), StringComparison.Ordinal);
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

    /// <summary>
    /// The API's reference (Scalar) starts its script from one inline module script, whose text carries the request's
    /// configuration, and its script writes style elements and attributes. The inline script is allowed by a nonce drawn
    /// for each answer (« {0} », see <see cref="ScriptNonce"/>), never by « unsafe-inline »; styles are relaxed as under
    /// /hangfire. Every file still comes from the site.
    /// </summary>
    public static string ApiReferencePolicy(string sitePolicy)
    {
        ArgumentNullException.ThrowIfNull(sitePolicy);
        return JobsDashboardPolicy(sitePolicy).Replace("script-src 'self'", "script-src 'self' 'nonce-{0}'", StringComparison.Ordinal);
    }

    /// <summary>The nonce this answer's policy allows inline scripts with (null outside an <see cref="ApiReferencePageAttribute"/> endpoint).</summary>
    public static string? ScriptNonce(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[NonceKey] as string;
    }

    private static string NewScriptNonce(HttpContext context)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)); // nothing for HTML to encode
        context.Items[NonceKey] = nonce;
        return nonce;
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

    // scheme://host[:port][/]: letters, digits, dots and hyphens only (no quote, semicolon or space to end the directive).
    [GeneratedRegex(@"^https?://(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginPattern();
}

/// <summary>The Content-Security-Policy values, built once at start-up.</summary>
/// <remarks><see cref="ApiReference"/> is a format: « {0} » is the answer's script nonce.</remarks>
public sealed record SecurityPolicies(string Site, string JobsDashboard, string Embed, string ApiReference);

/// <summary>
/// This page is made to be shown in a frame on partners' sites: its Content-Security-Policy lets the origins of
/// `Map:EmbedAllowedOrigins` frame it, and it carries no X-Frame-Options (<see cref="SecurityHeaders"/>). Every other
/// answer keeps « frame-ancestors 'none' ».
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class EmbeddableAttribute : Attribute;

/// <summary>
/// The API's reference page (/api/docs): its Content-Security-Policy allows one inline script by a nonce
/// (<see cref="SecurityHeaders.ScriptNonce"/>) and inline styles (<see cref="SecurityHeaders.ApiReferencePolicy"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class ApiReferencePageAttribute : Attribute;
