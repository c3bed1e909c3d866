using System.Security.Claims;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IndustryWeek.Registration.Features.MyOrganisation;

/// <summary>API.md: GET and PUT /api/me/organisation, for organisers, about their own organisation only.</summary>
internal static class MyOrganisationEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var me = endpoints.MapGroup("/api/me/organisation").WithTags("Organisations")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Organiser));

        me.MapGet("/", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetMyOrganisationQuery(Actor.From(user).UserId), ct) is { } organisation
                    ? Results.Ok(organisation)
                    : Results.Problem(title: "Ressource introuvable", detail: "Vous n'avez pas encore décrit votre organisation.", statusCode: StatusCodes.Status404NotFound))
            .WithName("GetMyOrganisation").Produces<OrganisationDto>().ProducesProblem(StatusCodes.Status404NotFound);

        me.MapPut("/", async (SaveMyOrganisationCommand command, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var actor = Actor.From(user);
                return (await mediator.Send(command with { UserId = actor.UserId, UserEmail = actor.Email ?? "" }, ct)).ToHttpResult(Results.Ok);
            })
            .WithName("SaveMyOrganisation").WithSummary("Décrit ou met à jour l'organisation de l'organisateur connecté.")
            .Produces<OrganisationDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
    }
}
