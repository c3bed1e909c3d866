using IndustryWeek.CommunicationKit.Contracts;
using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Registration.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Registration.Integration;

/// <summary>What other modules decide about an event, shown to the organiser on it: Labelling's decisions and criteria, the kit's delivery.</summary>
internal sealed class DecisionsHandler(RegistrationDbContext db) :
    INotificationHandler<LabelGranted>,
    INotificationHandler<LabelRefused>,
    INotificationHandler<ChangesRequested>,
    INotificationHandler<LabelRevoked>,
    INotificationHandler<LabelSuspended>,
    INotificationHandler<CriteriaChecked>,
    INotificationHandler<KitDeliveryUpdated>
{
    public Task Handle(KitDeliveryUpdated notification, CancellationToken cancellationToken) =>
        ApplyAsync(notification.EventId, e => e.ApplyKit(new KitStatus(notification.LabelVersion, notification.Status, notification.Error, notification.Attempts, notification.AtUtc, notification.WillRetry, Downloadable: notification.Status == "Sent")), cancellationToken);

    public Task Handle(CriteriaChecked notification, CancellationToken cancellationToken) =>
        ApplyAsync(notification.EventId, e => e.ApplyCriteria(notification.Criteria, notification.Revision), cancellationToken);

    public Task Handle(LabelGranted notification, CancellationToken cancellationToken) =>
        ApplyAsync(notification.EventId, e => e.ApplyLabel(notification.LabelNumber, notification.LabelVersion, notification.GrantedAtUtc), cancellationToken);

    public Task Handle(LabelRefused notification, CancellationToken cancellationToken) =>
        ApplyAsync(notification.EventId, e => e.ApplyDecision(EventStatus.Refused, notification.Reason, notification.DecidedAtUtc), cancellationToken);

    public Task Handle(ChangesRequested notification, CancellationToken cancellationToken) =>
        ApplyAsync(notification.EventId, e => e.ApplyDecision(EventStatus.ChangesRequested, notification.Comment, notification.DecidedAtUtc), cancellationToken);

    public Task Handle(LabelRevoked notification, CancellationToken cancellationToken) =>
        ApplyAsync(notification.EventId, e => e.ApplyDecision(EventStatus.Refused, "Label retiré : " + notification.Reason, notification.DecidedAtUtc), cancellationToken);

    public Task Handle(LabelSuspended notification, CancellationToken cancellationToken) =>
        ApplyAsync(notification.EventId, e => e.ApplyDecision(EventStatus.Suspended, notification.Reason, notification.DecidedAtUtc), cancellationToken);

    private async Task ApplyAsync(Guid eventId, Func<Event, bool> decide, CancellationToken cancellationToken)
    {
        var decided = await db.Events.FirstOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (decided is not null && decide(decided))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
