using System.Security.Claims;
using IndustryWeek.Registration.Features.Accounts;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IndustryWeek.Registration.Features.InviteColleague;

/// <summary>The answer to an invitation sent: the address invited.</summary>
internal sealed record InvitationSent(string Invited);

/// <summary>The answer to an invitation accepted: the name of the organisation joined.</summary>
internal sealed record InvitationAccepted(string Organisation);

internal static class InvitationEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var invitations = endpoints.MapGroup("/api/me/organisation/invitations").WithTags("Organisations")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Organiser));

        invitations.MapPost("/", async (InviteColleagueCommand command, HttpRequest request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(command with { UserId = Actor.From(user).UserId }, ct))
                    .ToHttpResult(email => Results.Ok(new InvitationSent(email))))
            .WithName("InviteColleague").WithSummary("Invite un collègue à rejoindre l'organisation (lien valable 14 jours).")
            .Produces<InvitationSent>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        invitations.MapPost("/{token:guid}/accept", async (Guid token, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var actor = Actor.From(user);
                return (await mediator.Send(new AcceptInvitationCommand(token, actor.UserId, actor.Email), ct))
                    .ToHttpResult(name => Results.Ok(new InvitationAccepted(name)));
            })
            .WithName("AcceptInvitation").WithSummary("Accepte l'invitation reçue par courriel : le compte rejoint l'organisation.")
            .Produces<InvitationAccepted>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
