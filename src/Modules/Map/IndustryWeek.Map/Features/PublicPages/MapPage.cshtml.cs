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
/// list rendered here, which works without JavaScript and reads well with a screen reader.
/// </summary>
[AllowAnonymous]
[CompressedOverHttps] // public content only, and no form posting back: compressed over HTTPS for visitors not signed in
internal sealed class MapPageModel(MapQuery query, MapTiles tiles) : PageModel
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

    public string PageLink(int page) => "/carte?" + (FilterQuery.Length > 0 ? FilterQuery + "&" : "") + "page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture) + "#liste";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filters = new QueryCollection(FilterNames
            .Select(name => (name, values: Request.Query[name].Where(v => !string.IsNullOrWhiteSpace(v)).ToArray()))
            .Where(f => f.values.Length > 0)
            .ToDictionary(f => f.name, f => new StringValues(f.values), StringComparer.Ordinal));
        FilterQuery = string.Join("&", Filters.SelectMany(f => f.Value.Select(v => $"{f.Key}={Uri.EscapeDataString(v ?? "")}")));
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
