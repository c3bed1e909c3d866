using System.Security.Claims;
using IndustryWeek.Editions.Features.ChangeEditionStatus;
using IndustryWeek.Editions.Features.CreateEdition;
using IndustryWeek.Editions.Features.GetEditions;
using IndustryWeek.Editions.Features.RescheduleEdition;
using IndustryWeek.Editions.Features.UpdateEdition;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IndustryWeek.Editions.Features;

/// <summary>API.md, Editions: anyone reads published editions; administrators read drafts and write.</summary>
internal static class EditionsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetEditionsQuery(user.IsInRole(PlatformRoles.Administrator)), ct)))
            .WithName("GetEditions").WithSummary("Les éditions (publiées ; toutes pour un administrateur).")
            .Produces<IReadOnlyList<EditionDto>>();

        api.MapGet("/current", async (IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetCurrentEditionQuery(), ct) is { } current
                    ? Results.Ok(current)
                    : Results.Problem(title: "Ressource introuvable", detail: "Aucune édition n'est ouverte aux inscriptions aujourd'hui.", statusCode: StatusCodes.Status404NotFound))
            .WithName("GetCurrentEdition").WithSummary("L'édition ouverte aux inscriptions aujourd'hui.")
            .Produces<EditionDto>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetEditionsQuery(user.IsInRole(PlatformRoles.Administrator), id), ct)).SingleOrDefault() is { } edition
                    ? Results.Ok(edition)
                    : EditionErrors.NotFound.ToProblem())
            .WithName("GetEdition").Produces<EditionDto>().ProducesProblem(StatusCodes.Status404NotFound);

        var admin = api.MapGroup("").RequireAuthorization(p => p.RequireRole(PlatformRoles.Administrator));

        admin.MapPost("/", async (CreateEditionCommand command, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(command, ct)).ToHttpResult(created => Results.Created($"/api/editions/{created.Id}", created)))
            .WithName("CreateEdition").WithSummary("Crée une édition (brouillon).")
            .Produces<EditionDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        admin.MapPut("/{id:guid}", async (Guid id, UpdateEditionCommand command, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(command with { Id = id }, ct)).ToHttpResult(Results.Ok))
            .WithName("UpdateEdition").Produces<EditionDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        foreach (var (route, transition) in new[] { ("publish", EditionTransition.Publish), ("close", EditionTransition.Close), ("archive", EditionTransition.Archive) })
        {
            admin.MapPost($"/{{id:guid}}/{route}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                    (await mediator.Send(new ChangeEditionStatusCommand(id, transition), ct)).ToHttpResult(Results.Ok))
                .WithName($"{transition}Edition").Produces<EditionDto>()
                .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        }

        admin.MapPost("/{id:guid}/reschedule", async (Guid id, RescheduleEditionCommand command, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(command with { Id = id, ChangedBy = Actor.From(user).Email ?? "administrateur" }, ct)).ToHttpResult(Results.Ok))
            .WithName("RescheduleEdition").WithSummary("Reprogramme une édition publiée (nouvelles dates et motif).")
            .Produces<EditionDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}
