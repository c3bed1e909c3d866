using System.Security.Claims;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace IndustryWeek.Labelling.Features.GrantLabel;

[ApiValidatedAs(typeof(GrantLabelCommand))]
internal sealed record GrantLabelRequest(string? Comment);

internal static class GrantLabelEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/applications/{id:guid}/grant", async (
                Guid id,
                [FromBody] GrantLabelRequest? body,
                ClaimsPrincipal user,
                IMediator mediator,
                CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(new GrantLabelCommand(id, body?.Comment, Actor.From(user)), cancellationToken);
                return result.ToHttpResult(granted => Results.Ok(granted));
            })
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Moderator, PlatformRoles.Administrator))
            .WithName("GrantLabel")
            .WithSummary("Attribue le label à l'événement (modérateur de sa région ou administrateur).")
            .WithDescription("409 : la demande n'attend pas de décision (déjà labellisée, refusée, retirée…). 422 : un critère du label n'est pas rempli ; le détail dit lesquels et pourquoi.")
            .Produces<GrantLabelResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
