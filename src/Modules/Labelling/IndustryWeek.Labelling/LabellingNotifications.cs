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
        Title = application.Snapshot.Title,
        Description = application.Snapshot.Description,
        Format = application.Snapshot.Format,
        Audiences = application.Snapshot.Audiences,
        Sectors = application.Snapshot.Sectors,
        Sessions = application.Snapshot.Sessions,
        Location = application.Snapshot.Location,
        OrganisationId = application.Snapshot.OrganisationId,
        OrganisationName = application.Snapshot.OrganisationName,
        OrganiserEmail = application.Snapshot.OrganiserEmail,
        GrantedAtUtc = application.GrantedAtUtc!.Value,
    };
}
