using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Labelling.Domain.Applications;

/// <summary>The event as the organiser submitted it: what the moderator judges and what a label is granted for.</summary>
internal sealed record EventSnapshot
{
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
}
