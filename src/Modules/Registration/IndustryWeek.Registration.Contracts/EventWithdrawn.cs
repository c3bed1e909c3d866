using IndustryWeek.Shared.PublishedLanguage;
using MediatR;

namespace IndustryWeek.Registration.Contracts;

/// <summary>The organiser withdrew a submitted event before any label: its application closes.</summary>
public sealed record EventWithdrawn : INotification
{
    public required Guid EventId { get; init; }

    public required Guid EditionId { get; init; }

    public required string Title { get; init; }

    public required OrganiserContact Organiser { get; init; }

    public required DateTime WithdrawnAtUtc { get; init; }
}
