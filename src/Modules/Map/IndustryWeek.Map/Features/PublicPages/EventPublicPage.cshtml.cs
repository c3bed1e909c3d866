using IndustryWeek.Map.Features.GetMapEvents;
using IndustryWeek.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Map.Features.PublicPages;

/// <summary>`/evenements/{id}`: the public page of one labelled event, where the poster's QR code leads.</summary>
[AllowAnonymous]
[CompressedOverHttps] // public content only, and no form posting back: compressed over HTTPS for visitors not signed in
internal sealed class EventPublicPageModel(MapQuery query, SiteLinks links, MapTiles tiles) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public MapEntry Entry { get; private set; } = null!;

    public string PageUrl => links.To($"/evenements/{Id}");

    public MapTiles Tiles => tiles;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var entry = await query.FindAsync(Id, MapHttp.Preview(HttpContext, errors), cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }

        Entry = entry;
        return Page();
    }

    /// <summary>A share link with the page's address (and title) escaped into the query string.</summary>
    public string Share(string prefix, bool withTitle = false) =>
        prefix + Uri.EscapeDataString(PageUrl) + (withTitle ? "&text=" + Uri.EscapeDataString(Entry.Pin.Title) : "");
}
