using IndustryWeek.Shared.PublishedLanguage;
using MediatR;

namespace IndustryWeek.Labelling.Contracts;

/// <summary>
/// An event was labelled. Carries everything the communication kit and the map need, so that they
/// never read Labelling's tables.
/// </summary>
public sealed record LabelGranted : INotification
{
    public required Guid EventId { get; init; }

    public required Guid EditionId { get; init; }

    public required int EditionYear { get; init; }

    /// <summary>« SDI-2020-000123 ».</summary>
    public required string LabelNumber { get; init; }

    /// <summary>Grows each time the label is granted again for new details: jobs run once per version.</summary>
    public required int LabelVersion { get; init; }

    /// <summary>The event as labelled.</summary>
    public required EventDescription Event { get; init; }

    public required OrganiserContact Organiser { get; init; }

    public required DateTime GrantedAtUtc { get; init; }

    /// <summary>The moderator's comment for the organiser, if any.</summary>
    public string? Comment { get; init; }

    /// <summary>Granted again by itself: new dates lifted the suspension that a rescheduling caused.</summary>
    public bool Reinstated { get; init; }
}
