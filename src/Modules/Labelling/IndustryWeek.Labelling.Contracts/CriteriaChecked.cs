using IndustryWeek.Shared.PublishedLanguage;
using MediatR;

namespace IndustryWeek.Labelling.Contracts;

/// <summary>One criterion's result: `Passed`, `Failed` or `ToReview`, with a French explanation.</summary>
public sealed record CriterionCheck(string Criterion, string Outcome, string Detail);

/// <summary>
/// The four criteria were checked (on arrival, on a change, when a moderator confirmed the third):
/// the organiser sees the results on the event right away.
/// </summary>
public sealed record CriteriaChecked : INotification
{
    public required Guid EventId { get; init; }

    public required int SubmissionNumber { get; init; }

    /// <summary>Grows with each check of the application: a subscriber keeps the highest.</summary>
    public required int Revision { get; init; }

    public required IReadOnlyList<CriterionCheck> Criteria { get; init; }

    public required DateTime CheckedAtUtc { get; init; }

    /// <summary>The check of a new submission (the first one of <see cref="SubmissionNumber"/>): the organiser is told it was received.</summary>
    public bool OnSubmission { get; init; }

    public string? Title { get; init; }

    public OrganiserContact? Organiser { get; init; }

    /// <summary>When the moderators decide by at the latest (the end of the 4th working day, Europe/Paris).</summary>
    public DateTime? DueAtUtc { get; init; }
}
