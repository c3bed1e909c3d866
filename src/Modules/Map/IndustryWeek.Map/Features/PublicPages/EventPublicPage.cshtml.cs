using IndustryWeek.Map.Features.GetMapEvents;
using IndustryWeek.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Map.Features.PublicPages;

/// <summary>
/// `/evenements/{id}`: the public page of one labelled event, where the poster's QR code leads. It answers from the
/// labelling (the kit is mailed then), but until its edition's map opens the event is on no list and the page asks
/// search engines not to index it.
/// </summary>
[AllowAnonymous]
[CompressedOverHttps] // public content only, and no form posting back: compressed over HTTPS for visitors not signed in
internal sealed class EventPublicPageModel(MapQuery query, SiteLinks links) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public MapEntry Entry { get; private set; } = null!;

    /// <summary>Whether the event is on the map yet: until then the page is not indexed.</summary>
    public bool Listed { get; private set; } = true;

    /// <summary>The day the edition's map opens, while it is not open yet.</summary>
    public DateOnly? ListedFrom { get; private set; }

    public string PageUrl => links.To($"/evenements/{Id}");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (await query.FindLabelledAsync(Id, MapHttp.Preview(HttpContext, errors), cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Entry = found.Entry;
        if (!found.Listed)
        {
            Listed = false;
            ListedFrom = found.Edition.Snapshot?.MapVisibleFrom;
            Response.Headers["X-Robots-Tag"] = "noindex";
        }

        return Page();
    }

    /// <summary>A share link with the page's address (and title) escaped into the query string.</summary>
    public string Share(string prefix, bool withTitle = false) =>
        prefix + Uri.EscapeDataString(PageUrl) + (withTitle ? "&text=" + Uri.EscapeDataString(Entry.Pin.Title) : "");
}
