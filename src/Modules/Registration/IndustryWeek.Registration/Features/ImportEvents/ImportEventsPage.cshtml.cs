using IndustryWeek.Registration.Features.Events;
using IndustryWeek.Registration.Features.MyOrganisation;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Registration.Features.ImportEvents;

/// <summary>
/// The bulk import for organisers with many events (issue 21): a CSV file, checked first by default (dry run),
/// then imported, with the report of every row; the template and its columns explained.
/// </summary>
[Authorize(Policy = PlatformPolicies.OrganiserPages)]
[RequestFormLimits(MultipartBodyLengthLimit = EventCsv.MaxBytes + Envelope)]
[RequestSizeLimit(EventCsv.MaxBytes + Envelope)]
internal sealed class ImportEventsPageModel(IMediator mediator) : PageModel
{
    public const string Path = "/mon-espace/import";

    /// <summary>A form's parts around the file: a file a little over 5 MB still gets the page's French message.</summary>
    private const int Envelope = 256 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>Checked on the empty form (check first); posted unchecked, false.</summary>
    [BindProperty]
    public bool DryRun { get; set; }

    [BindProperty]
    public bool Submit { get; set; }

    public OrganisationDto? Organisation { get; private set; }

    public EventEditionDto? Edition { get; private set; }

    public ImportReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DryRun = true;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        ModelState.Clear();
        if (ImportFile.Refusal(Upload) is { } refusal)
        {
            ModelState.AddModelError(nameof(Upload), refusal.Message);
            return Page();
        }

        var actor = Actor.From(User);
        var content = await ImportFile.ReadAsync(Upload!, cancellationToken);
        Report = await ModelState.SendFormAsync(
            () => mediator.Send(new ImportEventsCommand(actor.UserId, actor.Email, content, DryRun, Submit), cancellationToken), _ => nameof(Upload));
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Organisation = await mediator.Send(new GetMyOrganisationQuery(Actor.From(User).UserId), cancellationToken);
        Edition = await mediator.Send(new GetEventEditionQuery(), cancellationToken);
    }
}
