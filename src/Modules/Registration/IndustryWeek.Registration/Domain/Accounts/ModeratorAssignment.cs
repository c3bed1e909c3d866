using IndustryWeek.Shared.Domain;

namespace IndustryWeek.Registration.Domain.Accounts;

/// <summary>
/// The roles an administrator last gave an account, kept beside Identity's tables so that the change
/// and its notification (through the outbox) commit together.
/// </summary>
internal sealed class ModeratorAssignment : AggregateRoot<string>
{
    private ModeratorAssignment()
    {
    }

    public string Email { get; private set; } = "";

    public bool IsModerator { get; private set; }

    public bool IsAdministrator { get; private set; }

    public IReadOnlyList<string> Regions { get; private set; } = [];

    /// <summary>An administrator locked the account: whatever its roles, nobody writes to it as a moderator.</summary>
    public bool IsLocked { get; private set; }

    public string AssignedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public static ModeratorAssignment For(string userId) => new() { Id = userId };

    public void Assign(string email, bool isModerator, bool isAdministrator, IReadOnlyList<string> regions, string assignedBy, DateTime nowUtc)
    {
        Email = email;
        IsModerator = isModerator;
        IsAdministrator = isAdministrator;
        Regions = regions;
        AssignedBy = assignedBy;
        UpdatedAtUtc = nowUtc;
        Raise(new ModeratorAssignedDomainEvent(this));
    }

    /// <summary>The account's owner confirmed another address: the modules that write to them learn it, roles unchanged.</summary>
    public void ChangeEmail(string email, DateTime nowUtc)
    {
        Email = email;
        UpdatedAtUtc = nowUtc;
        Raise(new ModeratorAssignedDomainEvent(this));
    }

    /// <summary>An administrator locked or unlocked the account: the modules that write to moderators learn it, roles unchanged.</summary>
    public void ChangeLock(bool isLocked, DateTime nowUtc)
    {
        IsLocked = isLocked;
        UpdatedAtUtc = nowUtc;
        Raise(new ModeratorAssignedDomainEvent(this));
    }
}

internal sealed record ModeratorAssignedDomainEvent(ModeratorAssignment Assignment) : IDomainEvent;
