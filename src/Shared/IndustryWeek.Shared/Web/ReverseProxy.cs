using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Shared.Web;

/// <summary>
/// The host behind a reverse proxy (docs/deployment.md): X-Forwarded-For / -Proto are honoured only from the
/// proxies listed in `ReverseProxy:KnownProxies` (when none are, loopback: a proxy on the same machine), never from
/// anyone else; with `ReverseProxy:RequireHttps` (TLS ends at the proxy), plain http is redirected to https
/// and browsers are told to stay there (HSTS). Opt-in: a host reached directly over http must keep answering.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "ReverseProxy";

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var invalid = proxies.Where(p => !IPAddress.TryParse(p, out _)).ToList();
        if (invalid.Count > 0)
        {
            throw new StartupException($"Configuration invalide : ReverseProxy:KnownProxies attend des adresses IP (par exemple 10.0.0.5) ; refusé : {string.Join(", ", invalid)}.");
        }

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            if (proxies.Length > 0)
            {
                // Only these: loopback (the default, a proxy on the same machine) is no longer trusted either.
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                foreach (var proxy in proxies)
                {
                    o.KnownProxies.Add(IPAddress.Parse(proxy));
                }
            }
        });
        services.Configure<HstsOptions>(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false; // the campaign's domain may share its parent with sites this host does not know
        });
        services.Configure<HttpsRedirectionOptions>(o => o.HttpsPort = PublicUri(configuration) is { Scheme: "https" } uri ? uri.Port : 443);
        return services;
    }

    /// <summary>First in the pipeline: the client's address and scheme as the proxy saw them, then https only when the site is.</summary>
    public static WebApplication UseReverseProxySupport(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        if (app.Configuration.GetValue($"{Section}:RequireHttps", false))
        {
            app.UseHsts();
            // Probes (a load balancer, systemd, an operator's curl) ask the host itself over http: answered, not redirected.
            app.UseWhen(c => !c.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        }

        return app;
    }

    private static Uri? PublicUri(IConfiguration configuration) =>
        Uri.TryCreate(configuration["Site:PublicUrl"], UriKind.Absolute, out var uri) ? uri : null;
}
