using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Editions.Features.ManageEditions;

/// <summary>
/// A form about an existing edition (edit, reschedule): shows it filled from the edition, sends its
/// command, then goes back to the edition or shows the failures on the form.
/// </summary>
[Authorize(Policy = PlatformPolicies.AdministratorPages)]
internal abstract class EditionFormPageModel<TForm>(IMediator mediator) : PageModel
    where TForm : ScheduleForm, new()
{
    [BindProperty]
    public TForm Form { get; set; } = new();

    public EditionDto Edition { get; private set; } = null!;

    protected IMediator Mediator => mediator;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.FindEditionAsync(id, cancellationToken) is not { } edition)
        {
            return NotFound();
        }

        Edition = edition;
        Form = FormFrom(edition);
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
        if (await ModelState.SendFormAsync(() => SendAsync(id, cancellationToken), ScheduleForm.FieldKey) is not null)
        {
            if (Done is not null)
            {
                TempData["Done"] = Done;
            }

            return Redirect($"/admin/editions/{id}");
        }

        Form.PadRegionalPeriods();
        return Page();
    }

    /// <summary>The message shown on the edition's page once the form is saved, if any.</summary>
    protected virtual string? Done => null;

    protected abstract TForm FormFrom(EditionDto edition);

    protected abstract Task<Shared.Domain.Result<EditionDto>> SendAsync(Guid id, CancellationToken cancellationToken);
}
