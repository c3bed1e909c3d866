using System.Globalization;
using IndustryWeek.Shared.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Operations.Features;

/// <summary>The operators' pages: operators and administrators read them; only operators act.</summary>
internal abstract class OpsPageModel : PageModel
{
    /// <summary>Whether the signed-in user may act (retry, delete, pause…); every POST handler checks it first.</summary>
    public bool CanAct => User.IsInRole(PlatformRoles.Operator);

    /// <summary>
    /// The list's page number from the query (?page=2), read by hand: Razor Pages keep "page" as a
    /// route value (the page's own name), which model binding would read first.
    /// </summary>
    public int PageNumber => int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? Math.Min(page, 100_000) : 1;

    /// <summary>« ?etat=Failed&amp;recherche=…&amp;page=2 »: the query of a list's link, empty values left out.</summary>
    protected static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join("&", present);
    }
}
