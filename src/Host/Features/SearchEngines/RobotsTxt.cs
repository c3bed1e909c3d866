using IndustryWeek.Shared.Web;

namespace IndustryWeek.Host.Features.SearchEngines;

/// <summary>
/// `/robots.txt`: search engines keep to the public pages (the map, the events' pages, the home and legal pages). The
/// signed-in areas, the account pages and the API are disallowed, except the public map's API (its open data and
/// calendars) and the API's reference; the sitemap (Map module, /sitemap.xml) is named with its absolute address.
/// Site-wide, so the host's rather than a module's.
/// </summary>
internal static class RobotsTxt
{
    /// <summary>The private areas and the pages of no use in a search engine, as path prefixes.</summary>
    public static readonly string[] Disallowed =
    [
        "/admin", "/moderation", "/mon-espace", "/mon-compte", "/organisation", "/invitation", "/ops", "/hangfire",
        "/connexion", "/deconnexion", "/inscription", "/mot-de-passe-oublie", "/nouveau-mot-de-passe", "/confirmation-email",
        "/acces-refuse", "/erreur", "/api/",
    ];

    /// <summary>Public parts of the API, allowed within /api/ (the longest rule wins).</summary>
    public static readonly string[] Allowed = ["/api/map/", "/api/docs"];

    public static IEndpointRouteBuilder MapRobotsTxt(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/robots.txt", (SiteLinks links) => Results.Text(Write(links), "text/plain; charset=utf-8"))
            .AllowAnonymous()
            .CompressedOverHttps()
            .ExcludeFromDescription();
        return endpoints;
    }

    public static string Write(SiteLinks links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var lines = new List<string> { "User-agent: *" };
        lines.AddRange(Allowed.Select(a => "Allow: " + a));
        lines.AddRange(Disallowed.Select(d => "Disallow: " + d));
        lines.Add("");
        lines.Add("Sitemap: " + links.To("/sitemap.xml"));
        return string.Join('\n', lines) + "\n";
    }
}
