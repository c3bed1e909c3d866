using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.CommunicationKit.Features.Kits;

/// <summary>The organiser's view of their event's kit: download, every mail with its status, resend.</summary>
[Authorize(Policy = PlatformPolicies.OrganiserPages)]
internal sealed class KitPageModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public KitDto? Kit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var kit = await mediator.Send(new GetKitQuery(Actor.From(User), Id), cancellationToken);
        if (!kit.IsSuccess)
        {
            // Not (yet) labelled, or not the caller's: one answer for both, which says when a kit comes and where to go.
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Kit = kit.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        var sent = await mediator.Send(new ResendKitCommand(Actor.From(User), Id), cancellationToken);
        if (sent.IsSuccess)
        {
            TempData["Done"] = $"Nouvel envoi demandé : le kit part dans quelques instants à {sent.Value.RecipientEmail}.";
            return Redirect($"/mon-espace/evenements/{Id}/kit");
        }

        if (sent.Error!.Code != KitAccess.NotFound.Code)
        {
            ModelState.AddError(sent.Error);
        }

        return await OnGetAsync(cancellationToken);
    }
}
