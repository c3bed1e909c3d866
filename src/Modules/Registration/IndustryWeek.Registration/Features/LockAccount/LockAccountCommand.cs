using IndustryWeek.Registration.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Security;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace IndustryWeek.Registration.Features.LockAccount;

/// <summary>
/// An administrator locks an account (it can no longer sign in, and its open sessions, cookies and tokens alike, end
/// with its security stamp) or unlocks it (it may sign in again; a lock after failed attempts ends too).
/// </summary>
/// <returns>The account's address.</returns>
internal sealed record LockAccountCommand(string UserId, bool Lock, string ActorUserId) : IRequest<Result<string>>;

/// <summary>
/// An administrator's lock is Identity's lockout with an end in the year 9999, far from the 15 minutes after failed
/// attempts (a date both databases store as it is: PostgreSQL keeps microseconds, so not DateTimeOffset.MaxValue).
/// </summary>
internal static class AdministratorLock
{
    public static readonly DateTimeOffset Until = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsLocked(DateTimeOffset? lockoutEnd) => lockoutEnd >= Until;
}

internal sealed partial class LockAccountCommandHandler(UserManager<IdentityUser> users, RegistrationDbContext db, TimeProvider time, ILogger<LockAccountCommandHandler> logger)
    : IRequestHandler<LockAccountCommand, Result<string>>
{
    public static readonly Error NotFound = Error.NotFound("account.not_found", "Ce compte n'existe pas.");

    public async Task<Result<string>> Handle(LockAccountCommand request, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(request.UserId) is not { } user)
        {
            return NotFound;
        }

        if (request.Lock)
        {
            if (user.Id == request.ActorUserId)
            {
                return Error.BusinessRule("account.self_lock", "Vous ne pouvez pas verrouiller votre propre compte.");
            }

            if (await users.IsInRoleAsync(user, PlatformRoles.Administrator) && !await AnotherUnlockedAdministratorAsync(user.Id))
            {
                return Error.BusinessRule("account.last_administrator", "C'est le dernier administrateur dont le compte n'est pas verrouillé : il ne peut pas être verrouillé.");
            }

            // One write: the lockout is set on the entity, and UpdateSecurityStampAsync saves it with the new stamp
            // (which ends the account's sessions: SessionStampCheck, and Identity's refresh of API tokens), and with
            // the moderator's lock that Labelling learns through the outbox (no digest to a locked account).
            await ChangeModeratorLockAsync(user.Id, isLocked: true, cancellationToken);
            user.LockoutEnabled = true;
            user.LockoutEnd = AdministratorLock.Until;
            Check(await users.UpdateSecurityStampAsync(user));
            LogLocked(logger, user.Email, request.ActorUserId);
        }
        else
        {
            await ChangeModeratorLockAsync(user.Id, isLocked: false, cancellationToken);
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            Check(await users.UpdateAsync(user));
            LogUnlocked(logger, user.Email, request.ActorUserId);
        }

        return user.Email!;
    }

    /// <summary>Tracked only: Identity's own write that follows saves it (same context), so both commit together.</summary>
    private async Task ChangeModeratorLockAsync(string userId, bool isLocked, CancellationToken cancellationToken)
    {
        if (await db.ModeratorAssignments.FindAsync([userId], cancellationToken) is { } assignment && assignment.IsLocked != isLocked)
        {
            assignment.ChangeLock(isLocked, time.GetUtcNow().UtcDateTime);
        }
    }

    private async Task<bool> AnotherUnlockedAdministratorAsync(string userId) =>
        (await users.GetUsersInRoleAsync(PlatformRoles.Administrator)).Any(a => a.Id != userId && !AdministratorLock.IsLocked(a.LockoutEnd));

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Compte {Email} verrouillé par l'administrateur {ActorUserId}")]
    private static partial void LogLocked(ILogger logger, string? email, string actorUserId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Compte {Email} déverrouillé par l'administrateur {ActorUserId}")]
    private static partial void LogUnlocked(ILogger logger, string? email, string actorUserId);
}
