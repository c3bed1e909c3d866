using System.Globalization;
using IndustryWeek.Map.Domain;
using IndustryWeek.Map.Features.GetMapEvents;
using IndustryWeek.Map.Persistence;
using IndustryWeek.Shared.Jobs;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Map.Jobs;

/// <summary>The event whose public entry to bring up to date.</summary>
internal sealed record PinChange(Guid EventId);

/// <summary>
/// Brings the event's pin in line with what the map recorded of it: publishes or refreshes it while the
/// event is listed, removes it otherwise, and increments the map's version in the same transaction.
/// Idempotent: it reads the latest recorded state, so a run for an old notification, a second run or
/// a run after a later job all end in the same pin, and a pin already up to date changes nothing.
/// </summary>
internal sealed class PublishPinJob(MapDbContext db, MapCache cache, TimeProvider time) : IBackgroundJob<PinChange>
{
    public const string Name = "map.publish-pin";

    /// <param name="change">What the notification was: « v2 » (label version), « r7 » (event revision), « revoked-… ».</param>
    public static string KeyFor(Guid eventId, string change) =>
        string.Create(CultureInfo.InvariantCulture, $"{eventId:N}-{change}");

    public async Task RunAsync(PinChange payload, BackgroundJobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var record = await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.EventId == payload.EventId, cancellationToken);
        if (record is null)
        {
            return;
        }

        var pin = await db.Pins.FirstOrDefaultAsync(p => p.EventId == payload.EventId, cancellationToken);
        bool changed;
        if (record.Listed)
        {
            if (pin is null)
            {
                pin = Pin.Create(record.EventId);
                db.Pins.Add(pin);
            }

            changed = pin.Apply(PinDetails.From(record), time.GetUtcNow().UtcDateTime);
        }
        else if (pin is not null)
        {
            db.Pins.Remove(pin);
            changed = true;
        }
        else
        {
            changed = false;
        }

        if (!changed)
        {
            return;
        }

        // Two jobs of one event on two nodes: the pin's record version is a concurrency token (and its
        // key unique), so the slower one fails here and its retry finds the pin up to date.
        await db.SaveAndBumpVersionAsync(cancellationToken);
        cache.PinChanged();
    }
}
