using IndustryWeek.Shared.PublishedLanguage;
using MediatR;

namespace IndustryWeek.Labelling.Contracts;

/// <summary>A moderator withdrew an event's label: it leaves the map; the number is not reused.</summary>
public sealed record LabelRevoked : INotification
{
    public required Guid EventId { get; init; }

    public required Guid EditionId { get; init; }

    public required int EditionYear { get; init; }

    public required string Title { get; init; }

    public string? LabelNumber { get; init; }

    /// <summary>The reason the organiser reads.</summary>
    public required string Reason { get; init; }

    public required OrganiserContact Organiser { get; init; }

    public required DateTime DecidedAtUtc { get; init; }
}
