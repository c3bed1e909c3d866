using IndustryWeek.Shared.PublishedLanguage;
using MediatR;

namespace IndustryWeek.Registration.Contracts;

/// <summary>
/// The organiser changed an event that is under review, labelled or suspended. With
/// <see cref="NeedsReview"/>, dates, place, price or audiences changed: the moderator decides again
/// (a label stays until then). Without it, only wording, contact or booking changed: the public
/// entry is refreshed as it is.
/// </summary>
public sealed record EventUpdated : INotification
{
    public required Guid EventId { get; init; }

    public required Guid EditionId { get; init; }

    public required int EditionYear { get; init; }

    /// <summary>Submitted, Labelled or Suspended: where the event stood when it changed.</summary>
    public required string Status { get; init; }

    public string? LabelNumber { get; init; }

    public required bool NeedsReview { get; init; }

    /// <summary>Grows with every change of the event: a subscriber keeps the highest it has seen.</summary>
    public required int Revision { get; init; }

    public required EventDescription Event { get; init; }

    public required OrganiserContact Organiser { get; init; }

    public required DateTime UpdatedAtUtc { get; init; }
}
