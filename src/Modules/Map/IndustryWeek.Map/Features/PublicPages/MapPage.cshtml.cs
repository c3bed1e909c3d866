using IndustryWeek.Map.Features.GetMapEvents;
using IndustryWeek.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Primitives;

namespace IndustryWeek.Map.Features.PublicPages;

/// <summary>
/// `/carte`: the labelled events of an edition on a map (drawn by /js/events-map.js from the compact
/// pins of /api/map/pins with the same filters, each popup's details from /api/map/events/{id}) and as a
/// list rendered here, which works without JavaScript and reads well with a screen reader. The same map and
/// list, without the site's header and footer, is `/carte/integration` (<see cref="EmbedMapPageModel"/>).
/// </summary>
[AllowAnonymous]
[CompressedOverHttps] // public content only, and no form posting back: compressed over HTTPS for visitors not signed in
internal class MapPageModel(MapQuery query, MapTiles tiles, SiteLinks links) : PageModel
{
    public const int PageSize = 50;

    private static readonly string[] FilterNames = ["edition", "region", "department", "format", "audience", "sector", "from", "to", "online", "q", "preview"];

    public MapView View { get; private set; } = null!;

    public IReadOnlyList<EditionInfo> Editions { get; private set; } = [];

    public IReadOnlyList<MapEntry> Matching { get; private set; } = [];

    public Dictionary<string, string[]> Errors { get; } = [];

    public int PageNumber { get; private set; } = 1;

    public int PageCount => Math.Max(1, (Matching.Count + PageSize - 1) / PageSize);

    public IEnumerable<MapEntry> PageEntries => Matching.Skip((PageNumber - 1) * PageSize).Take(PageSize);

    /// <summary>The filters as given (empty fields dropped), for the API, the links and the form.</summary>
    public QueryCollection Filters { get; private set; } = QueryCollection.Empty;

    public string FilterQuery { get; private set; } = "";

    public MapTiles Tiles => tiles;

    public string Value(string name) => Filters[name].ToString();

    public bool Has(string name, string value) => Filters[name].Any(v => v is not null && v.Split(',').Contains(value, StringComparer.Ordinal));

    /// <summary>The pins of these filters, which the map draws (the page preloads them).</summary>
    public string PinsApi => "/api/map/pins" + WithQuery(FilterQuery);

    /// <summary>The filters for addresses given to others (the embed, the calendar feed): without the administrators' preview.</summary>
    public string PublicFilterQuery { get; private set; } = "";

    /// <summary>Another page of the list, on this very page (the map or its embeddable copy).</summary>
    public string PageLink(int page) => Request.Path.Value + "?" + (FilterQuery.Length > 0 ? FilterQuery + "&" : "") + "page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture) + "#liste";

    /// <summary>The full map with these filters (the embeddable page's link back).</summary>
    public string FullMapUrl => links.To("/carte" + WithQuery(PublicFilterQuery));

    /// <summary>The embeddable page with these filters, for the snippet given on /carte.</summary>
    public string EmbedUrl => links.To(EmbedMapPageModel.Path + WithQuery(PublicFilterQuery));

    /// <summary>The calendar feed of these filters (https), and the same as a subscription (webcal://).</summary>
    public string FeedUrl => links.To("/api/map/events.ics" + WithQuery(PublicFilterQuery));

    public string WebcalUrl => "webcal://" + FeedUrl[(FeedUrl.IndexOf("://", StringComparison.Ordinal) + 3)..];

    /// <summary>What a partner pastes into their page: the filtered map in a frame (only origins of Map:EmbedAllowedOrigins may show it).</summary>
    public string EmbedSnippet =>
        $"<iframe src=\"{System.Net.WebUtility.HtmlEncode(EmbedUrl)}\" title=\"Carte des événements labellisés de la Semaine de l'industrie\" width=\"100%\" height=\"900\" style=\"border: 0\" loading=\"lazy\"></iframe>";

    private static string WithQuery(string query) => query.Length > 0 ? "?" + query : "";

    private static string QueryOf(IEnumerable<KeyValuePair<string, StringValues>> filters) =>
        string.Join("&", filters.SelectMany(f => f.Value.Select(v => $"{f.Key}={Uri.EscapeDataString(v ?? "")}")));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filters = new QueryCollection(FilterNames
            .Select(name => (name, values: Request.Query[name].Where(v => !string.IsNullOrWhiteSpace(v)).ToArray()))
            .Where(f => f.values.Length > 0)
            .ToDictionary(f => f.name, f => new StringValues(f.values), StringComparer.Ordinal));
        FilterQuery = QueryOf(Filters);
        PublicFilterQuery = QueryOf(Filters.Where(f => f.Key != "preview"));
        var edition = EditionRef.Parse(Value("edition"), Errors);
        var filter = MapFilter.Parse(Filters, Errors);
        var preview = MapHttp.Preview(HttpContext, Errors);
        View = await query.ViewAsync(edition, preview, cancellationToken);
        Editions = await query.EditionsAsync(preview, cancellationToken);
        if (View.Edition is { } shown && !Editions.Any(e => e.Id == shown.Id))
        {
            // An edition whose map is not open yet is shown (with its date) when asked for: the list names it too.
            Editions = [.. Editions.Append(shown).OrderByDescending(e => e.Year)];
        }
        Matching = Errors.Count == 0 ? View.Matching(filter) : [];
        PageNumber = Math.Clamp(ListPageNumber.From(Request), 1, PageCount);
    }
}

/// <summary>
/// `/carte/integration`: the map and its list with the filters of /carte, made to be shown in a frame on a partner's
/// site (a region's, a department's): no header or footer, a link to the full map, links opening in a new tab. The only
/// page that may be framed, and only by the origins of `Map:EmbedAllowedOrigins` (<see cref="EmbeddableAttribute"/>);
/// not indexed (the same content as /carte).
/// </summary>
[Embeddable]
internal sealed class EmbedMapPageModel(MapQuery query, MapTiles tiles, SiteLinks links) : MapPageModel(query, tiles, links)
{
    public const string Path = "/carte/integration";
}
