using IndustryWeek.Registration.Features.Events;
using IndustryWeek.Registration.Features.GetEvents;
using IndustryWeek.Registration.Features.ReportParticipation;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Registration.Features.OrganiserSpace;

/// <summary>After the event: how many came, and among them young people, job seekers and teachers when known.</summary>
[Authorize(Policy = PlatformPolicies.OrganiserPages)]
internal sealed class ParticipationPageModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public int? Participants { get; set; }

    [BindProperty]
    public int? YoungPeople { get; set; }

    [BindProperty]
    public int? JobSeekers { get; set; }

    [BindProperty]
    public int? Teachers { get; set; }

    public EventDto? Event { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Event!.Participation is { } p)
        {
            (Participants, YoungPeople, JobSeekers, Teachers) = (p.Participants, p.YoungPeople, p.JobSeekers, p.Teachers);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var actor = Actor.From(User);
        var command = new ReportParticipationCommand { EventId = Id, UserId = actor.UserId, UserEmail = actor.Email, Participants = Participants, YoungPeople = YoungPeople, JobSeekers = JobSeekers, Teachers = Teachers };
        if (await ModelState.SendFormAsync(() => mediator.Send(command, cancellationToken), f => f) is not null)
        {
            TempData["Done"] = "Merci : la participation à votre événement est enregistrée.";
            return Redirect($"/mon-espace/evenements/{Id}");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var found = await mediator.Send(new GetEventQuery(Actor.From(User).UserId, Id), cancellationToken);
        Event = found.IsSuccess ? found.Value : null;
        return Event is not null;
    }
}
