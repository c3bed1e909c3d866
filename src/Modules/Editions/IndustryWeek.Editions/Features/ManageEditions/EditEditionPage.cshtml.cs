using IndustryWeek.Editions.Features.UpdateEdition;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Editions.Features.ManageEditions;

[Authorize(Policy = PlatformPolicies.AdministratorPages)]
internal sealed class EditEditionPageModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public EditionForm Form { get; set; } = new();

    public EditionDto Edition { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.FindEditionAsync(id, cancellationToken) is not { } edition)
        {
            return NotFound();
        }

        Edition = edition;
        Form = EditionForm.From(edition);
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
        if (await ModelState.SendFormAsync(() => mediator.Send(Form.ToCommand<UpdateEditionCommand>() with { Id = id }, cancellationToken), ScheduleForm.FieldKey) is not null)
        {
            return Redirect($"/admin/editions/{id}");
        }

        Form.PadRegionalPeriods();
        return Page();
    }
}
