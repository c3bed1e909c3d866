using IndustryWeek.Registration.Accounts;
using IndustryWeek.Registration.Persistence;
using IndustryWeek.Shared.Domain;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Registration.Features.ChangeEmail;

/// <summary>
/// The link of the change-of-address mail was followed: the account takes the new address (its user name too when
/// it was the address), confirmed, and a new security stamp, which ends its open sessions and makes the link
/// useless once used. The organisation's list of members and, for a moderator, the other modules follow.
/// </summary>
/// <returns>The account's new address.</returns>
internal sealed record ConfirmEmailChangeCommand(string? UserId, string? Code, string? NewEmail) : IRequest<Result<string>>;

internal sealed class ConfirmEmailChangeCommandHandler(UserManager<IdentityUser> users, RegistrationDbContext db, TimeProvider time)
    : IRequestHandler<ConfirmEmailChangeCommand, Result<string>>
{
    public static readonly Error InvalidLink = Error.BusinessRule("email_change.invalid_link", "Ce lien de changement d'adresse n'est pas valide, a déjà servi ou a expiré. Votre adresse n'a pas changé ; refaites la demande depuis la page « Mon compte ».");

    public async Task<Result<string>> Handle(ConfirmEmailChangeCommand request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.UserId) || string.IsNullOrEmpty(request.NewEmail) || AccountLinks.Decode(request.Code) is not { } token
            || await users.FindByIdAsync(request.UserId) is not { } user)
        {
            return InvalidLink;
        }

        var previous = user.Email;
        var previousUserName = user.UserName;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // One write: the user name is set on the entity, and ChangeEmailAsync saves it with the address (and validates both).
        if (string.Equals(user.UserName, previous, StringComparison.OrdinalIgnoreCase))
        {
            user.UserName = request.NewEmail;
        }

        var changed = await users.ChangeEmailAsync(user, request.NewEmail, token);
        if (!changed.Succeeded)
        {
            user.UserName = previousUserName;
            await transaction.RollbackAsync(cancellationToken);

            // A wrong, used or expired token, or an address taken by another account since the request: the link is of no use.
            return InvalidLink;
        }

        foreach (var member in await db.Members.Where(m => m.UserId == user.Id).ToListAsync(cancellationToken))
        {
            db.Entry(member).Property(m => m.Email).CurrentValue = user.Email!;
        }

        if (await db.ModeratorAssignments.FindAsync([user.Id], cancellationToken) is { } assignment)
        {
            assignment.ChangeEmail(user.Email!, time.GetUtcNow().UtcDateTime);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user.Email!;
    }
}
