using IndustryWeek.Map.Domain;
using IndustryWeek.Map.Persistence;
using IndustryWeek.Shared.Jobs;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Map.Jobs;

/// <summary>How a notification reaches the map: its facts are recorded on the event, then the publication job is scheduled.</summary>
internal sealed class PinPublications(MapDbContext db, IBackgroundJobs jobs, TimeProvider time)
{
    public DateTime NowUtc => time.GetUtcNow().UtcDateTime;

    /// <summary>The event as recorded; a pin published before records existed is adopted; otherwise a new record (added, unsaved).</summary>
    public async Task<EventRecord> RecordOfAsync(Guid eventId, EventEdition edition, CancellationToken cancellationToken)
    {
        var record = await db.Records.FirstOrDefaultAsync(r => r.EventId == eventId, cancellationToken);
        if (record is not null)
        {
            return record;
        }

        var legacy = await db.Pins.AsNoTracking().FirstOrDefaultAsync(p => p.EventId == eventId, cancellationToken);
        record = legacy is null ? EventRecord.New(eventId, edition, NowUtc) : EventRecord.FromPin(legacy);
        db.Records.Add(record);
        return record;
    }

    /// <summary>
    /// Saves what was recorded, then schedules the publication job under a key of its own for this
    /// notification: handled again (a crash before the dispatch was marked), it records nothing new and
    /// schedules the same key, which the keyed table keeps once. Nothing is scheduled when there is nothing public
    /// to change (an event never listed, without a pin).
    /// </summary>
    public async Task SaveAndScheduleAsync(EventRecord record, string change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await db.SaveChangesAsync(cancellationToken);
        if (record.Listed || await db.Pins.AnyAsync(p => p.EventId == record.EventId, cancellationToken))
        {
            await jobs.ScheduleAsync<PublishPinJob, PinChange>(PublishPinJob.KeyFor(record.EventId, change), new PinChange(record.EventId),
                $"{record.Event?.Title ?? record.EventId.ToString()}{(record.LabelNumber is { } label ? $" ({label})" : "")}",
                cancellationToken);
        }
    }
}
