using IndustryWeek.Shared.PublishedLanguage;
using MediatR;

namespace IndustryWeek.Registration.Contracts;

/// <summary>The organiser cancelled a labelled event: it leaves the public map; the label number is not reused.</summary>
public sealed record EventCancelled : INotification
{
    public required Guid EventId { get; init; }

    public required Guid EditionId { get; init; }

    public required string Title { get; init; }

    public string? LabelNumber { get; init; }

    public required string Reason { get; init; }

    public required OrganiserContact Organiser { get; init; }

    public required DateTime CancelledAtUtc { get; init; }
}
