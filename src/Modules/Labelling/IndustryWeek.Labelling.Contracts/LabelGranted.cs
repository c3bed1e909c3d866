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

    public required string Title { get; init; }

    public required string Description { get; init; }

    public required string Format { get; init; }

    public required IReadOnlyList<string> Audiences { get; init; }

    public required IReadOnlyList<string> Sectors { get; init; }

    public required IReadOnlyList<EventSession> Sessions { get; init; }

    public required EventLocation Location { get; init; }

    public required Guid OrganisationId { get; init; }

    public required string OrganisationName { get; init; }

    public required string OrganiserEmail { get; init; }

    public required DateTime GrantedAtUtc { get; init; }
}
