using IndustryWeek.Shared.PublishedLanguage;
using MediatR;

namespace IndustryWeek.Registration.Contracts;

/// <summary>An organiser submitted (or resubmitted) an event for labelling. Carries everything Labelling needs.</summary>
public sealed record EventSubmitted : INotification
{
    public required Guid EventId { get; init; }

    public required Guid EditionId { get; init; }

    public required int EditionYear { get; init; }

    /// <summary>1 for the first submission, then one more at each resubmission: older ones are ignored.</summary>
    public required int SubmissionNumber { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public required string Format { get; init; }

    public required IReadOnlyList<string> Audiences { get; init; }

    public required IReadOnlyList<string> Sectors { get; init; }

    public required IReadOnlyList<EventSession> Sessions { get; init; }

    public required EventLocation Location { get; init; }

    public required bool IsFree { get; init; }

    public required Guid OrganisationId { get; init; }

    public required string OrganisationName { get; init; }

    public required string OrganiserEmail { get; init; }

    public required DateTime SubmittedAtUtc { get; init; }
}
