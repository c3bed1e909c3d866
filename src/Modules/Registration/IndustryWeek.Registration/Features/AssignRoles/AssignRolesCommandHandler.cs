using System.Security.Claims;
using IndustryWeek.Registration.Domain.Accounts;
using IndustryWeek.Registration.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Security;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace IndustryWeek.Registration.Features.AssignRoles;

internal sealed class AssignRolesCommandHandler(UserManager<IdentityUser> users, RegistrationDbContext db, TimeProvider time)
    : IRequestHandler<AssignRolesCommand, Result<UserRolesDto>>
{
    public async Task<Result<UserRolesDto>> Handle(AssignRolesCommand request, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(request.Email);
        if (user is null)
        {
            return Error.NotFound("user.not_found", $"Aucun compte pour l'adresse {request.Email}.");
        }

        var roles = request.Roles!.Distinct(StringComparer.Ordinal).ToList();
        var regions = (request.Regions ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (string.Equals(user.Email, request.AssignedBy, StringComparison.OrdinalIgnoreCase) && !roles.Contains(PlatformRoles.Administrator))
        {
            return Error.BusinessRule("user.self_demotion", "Vous ne pouvez pas retirer votre propre rôle d'administrateur.");
        }

        // Roles and regions change together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(roles)));
        Check(await users.AddToRolesAsync(user, roles.Except(current)));
        var regionClaims = (await users.GetClaimsAsync(user)).Where(c => c.Type == PlatformClaims.ModeratedRegion).ToList();
        Check(await users.RemoveClaimsAsync(user, regionClaims));
        Check(await users.AddClaimsAsync(user, regions.Select(r => new Claim(PlatformClaims.ModeratedRegion, r))));

        // Other modules learn it through the outbox, in the same transaction (Labelling: whom to send a digest).
        var assignment = await db.ModeratorAssignments.FindAsync([user.Id], cancellationToken);
        if (assignment is null)
        {
            assignment = ModeratorAssignment.For(user.Id);
            db.ModeratorAssignments.Add(assignment);
        }

        assignment.Assign(user.Email!, roles.Contains(PlatformRoles.Moderator), roles.Contains(PlatformRoles.Administrator), regions, request.AssignedBy, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new UserRolesDto(user.Email!, [.. roles.Order(StringComparer.Ordinal)], regions);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
