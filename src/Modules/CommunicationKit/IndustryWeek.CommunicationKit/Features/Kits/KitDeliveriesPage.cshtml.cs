using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.CommunicationKit.Features.Kits;

/// <summary>
/// Every kit mail, those in trouble first by default: operators watch them, administrators can also
/// send any kit again.
/// </summary>
[Authorize(Policy = PlatformPolicies.OperationsPages)]
internal sealed class KitDeliveriesPageModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Statut { get; set; } = GetDeliveriesQueryHandler.Problems;

    [BindProperty(SupportsGet = true)]
    public string? Recherche { get; set; }

    public int PageNumber => ListPageNumber.From(Request);

    public DeliveriesPage Deliveries { get; private set; } = new([], 0, 1, 50);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Deliveries = await mediator.Send(new GetDeliveriesQuery(string.IsNullOrEmpty(Statut) ? null : Statut, Recherche, PageRequest.From(PageNumber)), cancellationToken);

    public bool CanResend => User.IsInRole(PlatformRoles.Administrator);

    public async Task<IActionResult> OnPostResendAsync(Guid eventId, CancellationToken cancellationToken)
    {
        if (!CanResend)
        {
            return Forbid();
        }

        var sent = await mediator.Send(new ResendKitCommand(Actor.From(User), eventId), cancellationToken);
        if (sent.IsSuccess)
        {
            TempData["Done"] = $"Nouvel envoi du kit {sent.Value.LabelNumber} demandé ({sent.Value.RecipientEmail}).";
            return Redirect($"/admin/kits?statut={Uri.EscapeDataString(Statut ?? "")}&recherche={Uri.EscapeDataString(Recherche ?? "")}");
        }

        ModelState.AddError(sent.Error!);
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
