namespace IndustryWeek.Labelling.Domain.Moderators;

/// <summary>A moderator and their regions, as Registration announced them (ModeratorAssigned): who gets a digest (unless locked).</summary>
internal sealed class Moderator
{
    private Moderator()
    {
    }

    public string UserId { get; private set; } = "";

    public string Email { get; private set; } = "";

    public bool IsModerator { get; private set; }

    public IReadOnlyList<string> Regions { get; private set; } = [];

    /// <summary>Locked by an administrator: no digest.</summary>
    public bool IsLocked { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public static Moderator For(string userId) => new() { UserId = userId };

    /// <summary>Keeps the newer assignment (a message may be handled twice).</summary>
    public bool Apply(string email, bool isModerator, bool isLocked, IReadOnlyList<string> regions, DateTime changedAtUtc)
    {
        if (changedAtUtc < UpdatedAtUtc)
        {
            return false;
        }

        (Email, IsModerator, IsLocked, Regions, UpdatedAtUtc) = (email, isModerator, isLocked, regions, changedAtUtc);
        return true;
    }
}
