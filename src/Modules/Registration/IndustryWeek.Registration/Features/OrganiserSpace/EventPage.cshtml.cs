using IndustryWeek.Registration.Features.CancelEvent;
using IndustryWeek.Registration.Features.Events;
using IndustryWeek.Registration.Features.GetEvents;
using IndustryWeek.Registration.Features.ReconductEvent;
using IndustryWeek.Registration.Features.SubmitEvent;
using IndustryWeek.Registration.Features.WithdrawEvent;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Registration.Features.OrganiserSpace;

/// <summary>One event of the organisation: everything about it, and what can be done with it now.</summary>
[Authorize(Policy = PlatformPolicies.OrganiserPages)]
internal sealed class EventPageModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? CancellationReason { get; set; }

    public EventDto? Event { get; private set; }

    /// <summary>The edition an event of an earlier one can be reconducted into.</summary>
    public EventEditionDto? CurrentEdition { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken) =>
        ActAsync(actor => mediator.Send(new SubmitEventCommand(Id, actor.UserId, actor.Email), cancellationToken),
            "Votre événement est soumis au label : le modérateur de votre région l'examine.", cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken) =>
        ActAsync(actor => mediator.Send(new WithdrawEventCommand(Id, actor.UserId, actor.Email), cancellationToken),
            "Votre événement est retiré.", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken) =>
        ActAsync(actor => mediator.Send(new CancelEventCommand { EventId = Id, UserId = actor.UserId, UserEmail = actor.Email, Reason = CancellationReason }, cancellationToken),
            "Votre événement est annulé ; il quitte la carte publique.", cancellationToken, field => field == "Reason" ? "CancellationReason" : field);

    public async Task<IActionResult> OnPostReconductAsync(CancellationToken cancellationToken)
    {
        var actor = Actor.From(User);
        var copy = await ModelState.SendFormAsync(() => mediator.Send(new ReconductEventCommand { EventId = Id, UserId = actor.UserId, UserEmail = actor.Email }, cancellationToken), f => f);
        if (copy is null)
        {
            return await ShowAsync(cancellationToken);
        }

        TempData["Done"] = $"Événement reconduit pour {copy.EditionYear} : vérifiez ses dates puis soumettez-le.";
        return Redirect($"/mon-espace/evenements/{copy.Id}");
    }

    private async Task<IActionResult> ActAsync(Func<Actor, Task<Result<EventDto>>> act, string done, CancellationToken cancellationToken, Func<string, string>? fieldKey = null)
    {
        if (await ModelState.SendFormAsync(() => act(Actor.From(User)), fieldKey ?? (f => f)) is not null)
        {
            TempData["Done"] = done;
            return Redirect($"/mon-espace/evenements/{Id}");
        }

        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var found = await mediator.Send(new GetEventQuery(Actor.From(User).UserId, Id), cancellationToken);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        Event = found.Value;
        CurrentEdition = await mediator.Send(new GetEventEditionQuery(), cancellationToken);
        return Page();
    }
}
