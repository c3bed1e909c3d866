using FluentValidation;
using IndustryWeek.Editions.Features.GetEditions;
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
        if (await FindAsync(id, cancellationToken) is not { } edition)
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
        if (await FindAsync(id, cancellationToken) is not { } edition)
        {
            return NotFound();
        }

        Edition = edition;
        ModelState.Clear();
        try
        {
            var rescheduled = await mediator.Send(Form.ToCommand(id, Actor.From(User).Email ?? "administrateur"), cancellationToken);
            if (rescheduled.IsSuccess)
            {
                TempData["Done"] = "L'édition est reprogrammée.";
                return Redirect($"/admin/editions/{id}");
            }

            ModelState.AddError(rescheduled.Error!);
        }
        catch (ValidationException e)
        {
            ModelState.AddValidationErrors(e, ScheduleForm.FieldKey);
        }

        Form.PadRegionalPeriods();
        return Page();
    }

    private async Task<EditionDto?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await mediator.Send(new GetEditionsQuery(IncludeDrafts: true, id), cancellationToken)).SingleOrDefault();
}
