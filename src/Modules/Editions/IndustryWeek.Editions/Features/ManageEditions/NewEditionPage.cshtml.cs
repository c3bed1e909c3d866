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
        var created = await ModelState.SendFormAsync(() => mediator.Send(Form.ToCommand<CreateEditionCommand>(), cancellationToken), ScheduleForm.FieldKey);
        if (created is not null)
        {
            return Redirect($"/admin/editions/{created.Id}");
        }

        Form.PadRegionalPeriods();
        return Page();
    }
}
