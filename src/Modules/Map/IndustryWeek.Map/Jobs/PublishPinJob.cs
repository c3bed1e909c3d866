using System.Globalization;
using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Map.Domain;
using IndustryWeek.Map.Persistence;
using IndustryWeek.Shared.Jobs;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Map.Jobs;

/// <summary>Publishes or refreshes the event's pin. Idempotent: a label version already shown changes nothing.</summary>
internal sealed class PublishPinJob(MapDbContext db, TimeProvider time) : IBackgroundJob<LabelGranted>
{
    public const string Name = "map.publish-pin";

    public static string KeyFor(LabelGranted label) =>
        string.Create(CultureInfo.InvariantCulture, $"{label.EventId:N}-v{label.LabelVersion}");

    public async Task RunAsync(LabelGranted payload, BackgroundJobContext context, CancellationToken cancellationToken)
    {
        var pin = await db.Pins.FirstOrDefaultAsync(p => p.EventId == payload.EventId, cancellationToken);
        if (pin is null)
        {
            pin = Pin.Create(payload.EventId);
            db.Pins.Add(pin);
        }

        var details = new PinDetails(
            payload.EditionId,
            payload.EditionYear,
            payload.LabelVersion,
            payload.LabelNumber,
            payload.Event.Title,
            payload.Event.Format,
            payload.Event.Audiences,
            payload.Event.Sectors,
            payload.Event.Sessions,
            payload.Event.Location,
            payload.Organiser.OrganisationName);
        if (pin.Apply(details, time.GetUtcNow().UtcDateTime))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
