using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.CommunicationKit.Jobs;
using IndustryWeek.CommunicationKit.Persistence;
using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Registration.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.CommunicationKit.Integration;

/// <summary>
/// A granted label makes (or renews) the kit and queues its mail; a change of a labelled event that
/// needs no new review rebuilds it and tells the organiser; a revoked or suspended label, or a
/// cancelled event, withdraws it. The building and the mail are the job's: this only records and schedules.
/// </summary>
internal sealed class LabelNotificationsHandler(CommunicationKitDbContext db, KitDeliveries deliveries, TimeProvider time) :
    INotificationHandler<LabelGranted>,
    INotificationHandler<EventUpdated>,
    INotificationHandler<LabelRevoked>,
    INotificationHandler<LabelSuspended>,
    INotificationHandler<EventCancelled>
{
    public async Task Handle(LabelGranted notification, CancellationToken cancellationToken)
    {
        var kit = await db.Kits.FirstOrDefaultAsync(k => k.EventId == notification.EventId, cancellationToken);
        if (kit is null)
        {
            kit = Kit.Grant(notification.EventId, notification.EditionId, notification.EditionYear, notification.LabelNumber, notification.LabelVersion, notification.Event, notification.Organiser, notification.GrantedAtUtc);
            db.Kits.Add(kit);
        }
        else
        {
            kit.Regrant(notification.LabelVersion, notification.LabelNumber, notification.Event, notification.Organiser, notification.GrantedAtUtc);
        }

        if (kit.LabelVersion == notification.LabelVersion)
        {
            var reason = notification.Reinstated ? DeliveryReason.Reinstated : DeliveryReason.Granted;
            await deliveries.QueueAsync(kit, KitDelivery.GrantKey(notification.LabelVersion), reason, requestedBy: null, cancellationToken, notification.Comment);
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken); // an older version, arriving late: nothing to send
        }
    }

    public async Task Handle(EventUpdated notification, CancellationToken cancellationToken)
    {
        // A change that needs review waits for the moderator: the new label version brings a new kit.
        if (notification.NeedsReview || notification.Status != "Labelled")
        {
            return;
        }

        var kit = await db.Kits.FirstOrDefaultAsync(k => k.EventId == notification.EventId, cancellationToken);
        if (kit is null || !kit.ApplyChange(notification.Revision, notification.Event, notification.Organiser, time.GetUtcNow().UtcDateTime))
        {
            return;
        }

        await deliveries.QueueAsync(kit, KitDelivery.UpdateKey(notification.Revision), DeliveryReason.Updated, requestedBy: null, cancellationToken);
    }

    public Task Handle(LabelRevoked notification, CancellationToken cancellationToken) =>
        WithdrawAsync(notification.EventId, $"le label a été retiré : {notification.Reason}", cancellationToken);

    public Task Handle(LabelSuspended notification, CancellationToken cancellationToken) =>
        WithdrawAsync(notification.EventId, $"le label est suspendu : {notification.Reason}", cancellationToken);

    public Task Handle(EventCancelled notification, CancellationToken cancellationToken) =>
        WithdrawAsync(notification.EventId, $"l'événement est annulé : {notification.Reason}", cancellationToken);

    private async Task WithdrawAsync(Guid eventId, string reason, CancellationToken cancellationToken)
    {
        var kit = await db.Kits.FirstOrDefaultAsync(k => k.EventId == eventId, cancellationToken);
        if (kit is null || kit.State == KitState.Withdrawn)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        kit.Withdraw(reason, now);
        var pending = await db.Deliveries
            .Where(d => d.EventId == eventId && (d.Status == DeliveryStatus.Queued || (d.Status == DeliveryStatus.Failed && d.WillRetry)))
            .ToListAsync(cancellationToken);
        foreach (var delivery in pending)
        {
            delivery.Cancel(now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
