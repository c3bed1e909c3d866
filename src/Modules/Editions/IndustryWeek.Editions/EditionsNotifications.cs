using IndustryWeek.Editions.Contracts;
using IndustryWeek.Editions.Domain;
using IndustryWeek.Shared.Domain;
using MediatR;

namespace IndustryWeek.Editions;

/// <summary>Which public notifications (Editions.Contracts) each domain event becomes in the outbox.</summary>
internal static class EditionsNotifications
{
    public static IEnumerable<INotification> From(IDomainEvent domainEvent) => domainEvent switch
    {
        EditionPublishedDomainEvent e => [new EditionPublished { Edition = e.Edition.ToSnapshot(), OccurredAtUtc = e.Edition.UpdatedAtUtc }],
        EditionUpdatedDomainEvent e => [new EditionUpdated { Edition = e.Edition.ToSnapshot(), OccurredAtUtc = e.Edition.UpdatedAtUtc }],
        EditionClosedDomainEvent e => [new EditionClosed { Edition = e.Edition.ToSnapshot(), OccurredAtUtc = e.Edition.UpdatedAtUtc }],
        EditionRescheduledDomainEvent e =>
        [
            new EditionRescheduled
            {
                Edition = e.Edition.ToSnapshot(),
                PreviousSchedule = e.Previous,
                Reason = e.Reason,
                OccurredAtUtc = e.Edition.UpdatedAtUtc,
            },
        ],
        _ => [],
    };

    public static EditionSnapshot ToSnapshot(this Edition edition) => new()
    {
        Id = edition.Id,
        Number = edition.Number,
        Year = edition.Year,
        Name = edition.Name,
        Theme = edition.Theme,
        ThemeDescription = edition.ThemeDescription,
        FocusTopics = [.. edition.FocusTopics],
        Hashtag = edition.Hashtag,
        Schedule = edition.Schedule,
        RegistrationOpens = edition.RegistrationOpens,
        MapVisibleFrom = edition.MapVisibleFrom,
        Status = edition.Status,
    };
}
