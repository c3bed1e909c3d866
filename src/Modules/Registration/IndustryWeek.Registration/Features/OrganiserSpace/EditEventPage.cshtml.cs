using IndustryWeek.Registration.Domain.Places;
using IndustryWeek.Registration.Features.Events;
using IndustryWeek.Registration.Features.GetEvents;
using IndustryWeek.Registration.Features.UpdateEvent;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IndustryWeek.Registration.Features.OrganiserSpace;

[Authorize(Policy = PlatformPolicies.OrganiserPages)]
internal sealed class EditEventPageModel(IMediator mediator, CommuneDirectory communes) : EventFormPageModel(communes)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The revision the organiser opened: a colleague's change in between is reported, not overwritten.</summary>
    [BindProperty]
    public int Revision { get; set; }

    public EventDto? Event { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Fill(Event!);
        Revision = Event!.Revision;
        AddBlankSessionRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var actor = Actor.From(User);
        var command = ToFields(new UpdateEventCommand { EventId = Id, UserId = actor.UserId, UserEmail = actor.Email, Revision = Revision });
        if (await ModelState.SendFormAsync(() => mediator.Send(command, cancellationToken), FieldKey) is { } updated)
        {
            TempData["Done"] = updated.ReviewPending
                ? "Modifications enregistrées. Les dates, le lieu, le prix ou les publics ont changé : le modérateur les examine ; le label reste acquis d'ici là."
                : "Modifications enregistrées.";
            return Redirect($"/mon-espace/evenements/{Id}");
        }

        AddBlankSessionRows();
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var found = await mediator.Send(new GetEventQuery(Actor.From(User).UserId, Id), cancellationToken);
        if (!found.IsSuccess)
        {
            return false;
        }

        Event = found.Value;
        Edition = await mediator.Send(new GetEventEditionQuery(Event.EditionId), cancellationToken);
        return Edition is not null;
    }
}
