using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Editions.Features.ManageEditions;

[Authorize(Policy = PlatformPolicies.AdministratorPages)]
internal sealed class RescheduleEditionPageModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public RescheduleForm Form { get; set; } = new();

    public EditionDto Edition { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.FindEditionAsync(id, cancellationToken) is not { } edition)
        {
            return NotFound();
        }

        Edition = edition;
        Form = RescheduleForm.From(edition);
        Form.PadRegionalPeriods();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.FindEditionAsync(id, cancellationToken) is not { } edition)
        {
            return NotFound();
        }

        Edition = edition;
        var changedBy = Actor.From(User).Email ?? "administrateur";
        if (await ModelState.SendFormAsync(() => mediator.Send(Form.ToCommand(id, changedBy), cancellationToken), ScheduleForm.FieldKey) is not null)
        {
            TempData["Done"] = "L'édition est reprogrammée.";
            return Redirect($"/admin/editions/{id}");
        }

        Form.PadRegionalPeriods();
        return Page();
    }
}
