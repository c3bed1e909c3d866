using System.Security.Claims;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace IndustryWeek.Registration.Features.LockAccount;

/// <summary>An account's lock as the API's answer.</summary>
internal sealed record AccountLockDto(string Email, bool Locked);

/// <summary>The administrators' lock and unlock of an account, by its address (as the roles' endpoint), beside the pages'.</summary>
internal static class LockAccountEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/admin/users/{email}/lock", (string email, ClaimsPrincipal user, UserManager<IdentityUser> users, IMediator mediator, CancellationToken ct) =>
                SendAsync(email, true, user, users, mediator, ct))
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Administrator))
            .WithTags("Comptes")
            .WithName("LockAccount")
            .WithSummary("Verrouille un compte : il ne peut plus se connecter, ses sessions et jetons prennent fin (administrateur).")
            .Produces<AccountLockDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        endpoints.MapPost("/api/admin/users/{email}/unlock", (string email, ClaimsPrincipal user, UserManager<IdentityUser> users, IMediator mediator, CancellationToken ct) =>
                SendAsync(email, false, user, users, mediator, ct))
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Administrator))
            .WithTags("Comptes")
            .WithName("UnlockAccount")
            .WithSummary("Déverrouille un compte (administrateur).")
            .Produces<AccountLockDto>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> SendAsync(string email, bool lockIt, ClaimsPrincipal actor, UserManager<IdentityUser> users, IMediator mediator, CancellationToken ct)
    {
        if (await users.FindByEmailAsync(email) is not { } account)
        {
            return LockAccountCommandHandler.NotFound.ToProblem();
        }

        var done = await mediator.Send(new LockAccountCommand(account.Id, lockIt, actor.FindFirstValue(ClaimTypes.NameIdentifier)!), ct);
        return done.ToHttpResult(address => Results.Ok(new AccountLockDto(address, lockIt)));
    }
}
