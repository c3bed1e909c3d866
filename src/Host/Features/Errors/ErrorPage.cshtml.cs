using IndustryWeek.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Host.Features.Errors;

/// <summary>
/// `/erreur/{status}`, where <see cref="ErrorAnswers"/> re-executes a failed request with its method: a French page for
/// a person, problem details for an API client, with the real status code.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // a form's failed POST comes here too
internal sealed class ErrorPageModel : PageModel
{
    public int Status { get; private set; }

    public string Title { get; private set; } = "";

    public string Text { get; private set; } = "";

    /// <summary>Where a refused attempt goes back to (its form); null for the other errors.</summary>
    public string? Back { get; private set; }

    /// <summary>Every method answers alike (a failed OPTIONS or DELETE is re-executed here too), whichever handler matched.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Result = await AnswerAsync();
    }

    private async Task<IActionResult> AnswerAsync()
    {
        var asked = int.TryParse(RouteData.Values["status"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : 404;
        (Status, Title, Text) = asked switch
        {
            403 => (403, "Accès refusé", "Votre compte n'a pas accès à cette page. Si vous pensez que c'est une erreur, contactez l'équipe nationale de la Semaine de l'industrie."),
            429 => (429, "Trop de requêtes", "Trop de demandes depuis votre connexion : réessayez dans une minute."),
            500 => (500, "Erreur du serveur", "Une erreur inattendue nous a empêchés de répondre. Elle est enregistrée : réessayez dans quelques instants."),
            >= 400 and < 500 and not 404 => (asked, "Demande impossible", "Cette demande ne peut pas aboutir. Revenez à la page précédente ou à l'accueil."),
            >= 500 and < 600 => (asked, "Service indisponible", "Le site ne peut pas répondre pour le moment : réessayez dans quelques instants."),
            _ => (404, "Page introuvable", "Cette page n'existe pas, ou plus. Si vous avez suivi un lien, il est peut-être incomplet."),
        };
        if (!ErrorAnswers.IsPerson(HttpContext))
        {
            await ErrorAnswers.WriteProblemAsync(HttpContext, Status);
            return new EmptyResult();
        }

        Response.StatusCode = Status;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        Back = Status == 429 && original is { Length: > 1 } && original.StartsWith('/') && !original.StartsWith("//", StringComparison.Ordinal) ? original : null;
        return Page();
    }
}
