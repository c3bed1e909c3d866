using IndustryWeek.Shared.PublishedLanguage;
using MediatR;

namespace IndustryWeek.Labelling.Contracts;

/// <summary>A moderator refused the label: the event will not be labelled for this edition.</summary>
public sealed record LabelRefused : INotification
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
