using FluentValidation;
using IndustryWeek.Editions.Features.GetEditions;
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
        if (await FindAsync(id, cancellationToken) is not { } edition)
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
        if (await FindAsync(id, cancellationToken) is not { } edition)
        {
            return NotFound();
        }

        Edition = edition;
        ModelState.Clear();
        try
        {
            var updated = await mediator.Send(Form.ToCommand<UpdateEditionCommand>() with { Id = id }, cancellationToken);
            if (updated.IsSuccess)
            {
                return Redirect($"/admin/editions/{id}");
            }

            ModelState.AddError(updated.Error!);
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
