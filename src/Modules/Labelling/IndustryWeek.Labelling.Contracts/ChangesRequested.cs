using IndustryWeek.Shared.PublishedLanguage;
using MediatR;

namespace IndustryWeek.Labelling.Contracts;

/// <summary>A moderator asked the organiser to change the event before deciding; it can be submitted again.</summary>
public sealed record ChangesRequested : INotification
{
    public required Guid EventId { get; init; }

    public required Guid EditionId { get; init; }

    public required int EditionYear { get; init; }

    public required string Title { get; init; }

    public string? LabelNumber { get; init; }

    /// <summary>What to change, in the moderator's words.</summary>
    public required string Comment { get; init; }

    public required OrganiserContact Organiser { get; init; }

    public required DateTime DecidedAtUtc { get; init; }
}
