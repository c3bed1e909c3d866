using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.CommunicationKit.Persistence;
using IndustryWeek.Shared.Jobs;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.CommunicationKit.Jobs;

/// <summary>Queues one mail of a kit and schedules the job that builds and sends it.</summary>
internal sealed class KitDeliveries(CommunicationKitDbContext db, IBackgroundJobs jobs, TimeProvider time)
{
    /// <summary>
    /// Records the delivery (once per key) with the kit's pending changes, then schedules its job.
    /// Run again after a crash, it finds the delivery and schedules the same job key: one mail.
    /// </summary>
    /// <param name="comment">The moderator's comment on the grant, told in the mail.</param>
    public async Task<KitDelivery> QueueAsync(Kit kit, string key, DeliveryReason reason, string? requestedBy, CancellationToken cancellationToken, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(kit);
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.EventId == kit.EventId && d.Key == key, cancellationToken);
        if (delivery is null)
        {
            delivery = KitDelivery.Queue(kit, key, reason, requestedBy, time.GetUtcNow().UtcDateTime, comment);
            db.Deliveries.Add(delivery);
        }

        await db.SaveChangesAsync(cancellationToken);
        await jobs.ScheduleAsync<DeliverKitJob, DeliverKitRequest>(DeliverKitJob.KeyFor(kit.EventId, key), new DeliverKitRequest(kit.EventId, key), $"{kit.Event.Title} ({kit.LabelNumber})", cancellationToken);
        return delivery;
    }
}
