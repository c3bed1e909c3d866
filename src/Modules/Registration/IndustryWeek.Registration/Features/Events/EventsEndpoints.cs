using System.Security.Claims;
using IndustryWeek.Registration.Features.CancelEvent;
using IndustryWeek.Registration.Features.CreateEvent;
using IndustryWeek.Registration.Features.GetEvents;
using IndustryWeek.Registration.Features.ReconductEvent;
using IndustryWeek.Registration.Features.ReportParticipation;
using IndustryWeek.Registration.Features.SubmitEvent;
using IndustryWeek.Registration.Features.UpdateEvent;
using IndustryWeek.Registration.Features.WithdrawEvent;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IndustryWeek.Registration.Features.Events;

/// <summary>API.md « Organisations and events »: an organiser's events, their own organisation's only.</summary>
internal static class EventsEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var events = endpoints.MapGroup("/api/events").WithTags("Événements")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Organiser));

        events.MapPost("/", async (CreateEventCommand command, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var actor = Actor.From(user);
                return (await mediator.Send(command with { UserId = actor.UserId, UserEmail = actor.Email }, ct))
                    .ToHttpResult(e => Results.Created($"/api/events/{e.Id}", e));
            })
            .WithName("CreateEvent").WithSummary("Crée un événement (brouillon).")
            .Produces<EventDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        events.MapGet("/", async (Guid? edition, string? status, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetEventsQuery(Actor.From(user).UserId, edition, status), ct)))
            .WithName("GetMyEvents").WithSummary("Les événements de l'organisation.").Produces<IReadOnlyList<EventDto>>();

        events.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetEventQuery(Actor.From(user).UserId, id), ct)).ToHttpResult(Results.Ok))
            .WithName("GetEvent").Produces<EventDto>().ProducesProblem(StatusCodes.Status404NotFound);

        events.MapPut("/{id:guid}", async (Guid id, UpdateEventCommand command, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var actor = Actor.From(user);
                return (await mediator.Send(command with { EventId = id, UserId = actor.UserId, UserEmail = actor.Email }, ct)).ToHttpResult(Results.Ok);
            })
            .WithName("UpdateEvent").WithSummary("Modifie un événement ; un événement labellisé dont les dates, le lieu, le prix ou les publics changent repasse en examen.")
            .Produces<EventDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        events.MapPost("/{id:guid}/submit", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var actor = Actor.From(user);
                return (await mediator.Send(new SubmitEventCommand(id, actor.UserId, actor.Email), ct)).ToHttpResult(Results.Ok);
            })
            .WithName("SubmitEvent").WithSummary("Soumet l'événement au label (pendant les inscriptions).")
            .Produces<EventDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        events.MapPost("/{id:guid}/withdraw", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var actor = Actor.From(user);
                return (await mediator.Send(new WithdrawEventCommand(id, actor.UserId, actor.Email), ct)).ToHttpResult(Results.Ok);
            })
            .WithName("WithdrawEvent").WithSummary("Retire un événement non labellisé.")
            .Produces<EventDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        events.MapPost("/{id:guid}/cancel", async (Guid id, CancelEventCommand command, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var actor = Actor.From(user);
                return (await mediator.Send(command with { EventId = id, UserId = actor.UserId, UserEmail = actor.Email }, ct)).ToHttpResult(Results.Ok);
            })
            .WithName("CancelEvent").WithSummary("Annule un événement labellisé.")
            .Produces<EventDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        events.MapPost("/{id:guid}/participation", async (Guid id, ReportParticipationCommand command, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var actor = Actor.From(user);
                return (await mediator.Send(command with { EventId = id, UserId = actor.UserId, UserEmail = actor.Email }, ct)).ToHttpResult(Results.Ok);
            })
            .WithName("ReportParticipation").WithSummary("Déclare la participation réelle, après l'événement.")
            .Produces<EventDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        events.MapPost("/{id:guid}/reconduct", async (Guid id, ReconductEventCommand? command, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var actor = Actor.From(user);
                return (await mediator.Send((command ?? new ReconductEventCommand()) with { EventId = id, UserId = actor.UserId, UserEmail = actor.Email }, ct))
                    .ToHttpResult(e => Results.Created($"/api/events/{e.Id}", e));
            })
            .WithName("ReconductEvent").WithSummary("Reconduit l'événement dans l'édition en cours (nouveau brouillon).")
            .Produces<EventDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}
