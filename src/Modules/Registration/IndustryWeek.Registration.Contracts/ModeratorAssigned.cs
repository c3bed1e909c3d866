using MediatR;

namespace IndustryWeek.Registration.Contracts;

/// <summary>
/// An administrator gave or changed someone's roles: whether they moderate, and which regions.
/// Labelling keeps its list of moderators from it (to write them their digest).
/// </summary>
public sealed record ModeratorAssigned : INotification
{
    public required string UserId { get; init; }

    public required string Email { get; init; }

    public required bool IsModerator { get; init; }

    public required bool IsAdministrator { get; init; }

    public required IReadOnlyList<string> Regions { get; init; }

    /// <summary>Locked by an administrator: no mail meant for a moderator (false in messages written before it existed).</summary>
    public bool IsLocked { get; init; }

    public required DateTime ChangedAtUtc { get; init; }
}
