using MediatR;

namespace IndustryWeek.Registration.Contracts;

/// <summary>
/// An event was registered as a draft, its draft changed, or it stopped being one (submitted for the first time, or
/// withdrawn before that). Only what counting drafts needs (the administrators' edition dashboard): no title, text or
/// contact of an event nobody has submitted.
/// </summary>
public sealed record DraftChanged : INotification
{
    public required Guid EventId { get; init; }

    public required Guid EditionId { get; init; }

    /// <summary>False once submitted or withdrawn: it is no longer counted as a draft.</summary>
    public required bool IsDraft { get; init; }

    /// <summary>Null for an online-only event.</summary>
    public string? RegionCode { get; init; }

    public required string Format { get; init; }

    public required IReadOnlyList<string> Audiences { get; init; }

    /// <summary>The event's revision: an older message than the one already applied is ignored.</summary>
    public required int Revision { get; init; }

    public required DateTime ChangedAtUtc { get; init; }
}
