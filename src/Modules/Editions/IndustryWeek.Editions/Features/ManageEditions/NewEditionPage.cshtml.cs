using FluentValidation;
using IndustryWeek.Editions.Features.CreateEdition;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Editions.Features.ManageEditions;

[Authorize(Policy = PlatformPolicies.AdministratorPages)]
internal sealed class NewEditionPageModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public EditionForm Form { get; set; } = new();

    public void OnGet() => Form.PadRegionalPeriods();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear(); // the command's validator gives the messages, in French
        try
        {
            var created = await mediator.Send(Form.ToCommand<CreateEditionCommand>(), cancellationToken);
            if (created.IsSuccess)
            {
                return Redirect($"/admin/editions/{created.Value.Id}");
            }

            ModelState.AddError(created.Error!);
        }
        catch (ValidationException e)
        {
            ModelState.AddValidationErrors(e, ScheduleForm.FieldKey);
        }

        Form.PadRegionalPeriods();
        return Page();
    }
}
