using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Shared.Domain;
using MediatR;

namespace IndustryWeek.Labelling;

/// <summary>Which public notifications (Labelling.Contracts) each domain event becomes in the outbox.</summary>
internal static class LabellingNotifications
{
    public static IEnumerable<INotification> From(IDomainEvent domainEvent) => domainEvent switch
    {
        LabelGrantedDomainEvent granted => [ToLabelGranted(granted.Application)],
        _ => [],
    };

    private static LabelGranted ToLabelGranted(LabellingApplication application) => new()
    {
        EventId = application.Id,
        EditionId = application.EditionId,
        EditionYear = application.EditionYear,
        LabelNumber = application.LabelNumber!,
        LabelVersion = application.LabelVersion,
        Event = application.Snapshot.Event,
        Organiser = application.Snapshot.Organiser,
        GrantedAtUtc = application.GrantedAtUtc!.Value,
    };
}
