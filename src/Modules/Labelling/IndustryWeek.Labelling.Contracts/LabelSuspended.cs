using IndustryWeek.Shared.PublishedLanguage;
using MediatR;

namespace IndustryWeek.Labelling.Contracts;

/// <summary>The label is suspended (a rescheduling made the event ineligible): it leaves the map until new dates pass the criteria.</summary>
public sealed record LabelSuspended : INotification
{
    public required Guid EventId { get; init; }

    public required Guid EditionId { get; init; }

    public required int EditionYear { get; init; }

    public required string Title { get; init; }

    public string? LabelNumber { get; init; }

    /// <summary>Why, in French.</summary>
    public required string Reason { get; init; }

    public required OrganiserContact Organiser { get; init; }

    public required DateTime DecidedAtUtc { get; init; }
}
