using System.Globalization;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Operations.Features;

/// <summary>The operators' pages: operators and administrators read them; only operators act.</summary>
internal abstract class OpsPageModel : PageModel
{
    /// <summary>Whether the signed-in user may act (retry, delete, pause…); every POST handler checks it first.</summary>
    public bool CanAct => User.IsInRole(PlatformRoles.Operator);

    /// <summary>The list's page number from the query (?page=2).</summary>
    public int PageNumber => ListPageNumber.From(Request);

    /// <summary>« ?etat=Failed&amp;recherche=…&amp;page=2 »: the query of a list's link, empty values left out.</summary>
    protected static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join("&", present);
    }
}
