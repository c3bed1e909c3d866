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

    public required EventDescription Event { get; init; }

    public required OrganiserContact Organiser { get; init; }

    public required DateTime SubmittedAtUtc { get; init; }
}
