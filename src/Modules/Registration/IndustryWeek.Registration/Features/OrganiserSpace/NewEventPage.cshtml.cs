using IndustryWeek.Registration.Domain.Places;
using IndustryWeek.Registration.Features.CreateEvent;
using IndustryWeek.Registration.Features.Events;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IndustryWeek.Registration.Features.OrganiserSpace;

[Authorize(Policy = PlatformPolicies.OrganiserPages)]
internal sealed class NewEventPageModel(IMediator mediator, CommuneDirectory communes) : EventFormPageModel(communes)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Edition = await mediator.Send(new GetEventEditionQuery(), cancellationToken);
        if (Edition is null)
        {
            TempData["Done"] = "Aucune édition n'accepte d'événements pour l'instant.";
            return Redirect("/mon-espace");
        }

        AddBlankSessionRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Edition = await mediator.Send(new GetEventEditionQuery(), cancellationToken);
        if (Edition is null)
        {
            return Redirect("/mon-espace");
        }

        var actor = Actor.From(User);
        var command = ToFields(new CreateEventCommand { UserId = actor.UserId, UserEmail = actor.Email, EditionId = Edition.Id });
        if (await ModelState.SendFormAsync(() => mediator.Send(command, cancellationToken), FieldKey) is { } created)
        {
            TempData["Done"] = "Votre événement est enregistré en brouillon. Soumettez-le au label quand il est prêt.";
            return Redirect($"/mon-espace/evenements/{created.Id}");
        }

        AddBlankSessionRows();
        return Page();
    }
}
