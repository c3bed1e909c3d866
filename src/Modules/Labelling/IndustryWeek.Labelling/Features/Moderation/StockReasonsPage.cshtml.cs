using IndustryWeek.Labelling.Features.StockReasons;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Labelling.Features.Moderation;

/// <summary>The refusal reasons moderators pick from: administrators add and remove them.</summary>
[Authorize(Policy = PlatformPolicies.AdministratorPages)]
internal sealed class StockReasonsPageModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public string? Text { get; set; }

    public IReadOnlyList<StockReasonDto> Reasons { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Reasons = await mediator.Send(new GetStockReasonsQuery(), cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (await ModelState.SendFormAsync(() => mediator.Send(new AddStockReasonCommand(Text), cancellationToken), f => f) is not null)
        {
            TempData["Done"] = "Motif ajouté.";
            return Redirect("/moderation/motifs");
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ModelState.SendFormAsync(() => mediator.Send(new RemoveStockReasonCommand(id), cancellationToken), f => f) is not null)
        {
            TempData["Done"] = "Motif retiré.";
            return Redirect("/moderation/motifs");
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }
}
