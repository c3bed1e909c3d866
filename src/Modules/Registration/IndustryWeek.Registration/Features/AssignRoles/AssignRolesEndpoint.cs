using System.Security.Claims;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IndustryWeek.Registration.Features.AssignRoles;

internal static class AssignRolesEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/admin/users/{email}/roles", async (string email, AssignRolesCommand command, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(command with { Email = email, AssignedBy = Actor.From(user).Email ?? "" }, ct)).ToHttpResult(Results.Ok))
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Administrator))
            .WithTags("Comptes")
            .WithName("AssignRoles")
            .WithSummary("Donne ses rôles à un compte, et ses régions à un modérateur (administrateur).")
            .Produces<UserRolesDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
