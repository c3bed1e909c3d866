using System.Globalization;
using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.CommunicationKit.Persistence;
using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Mail;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.CommunicationKit.Jobs;

/// <summary>Emails the organiser their label and kit. Idempotent: a delivery already sent is not sent again.</summary>
internal sealed class SendKitJob(CommunicationKitDbContext db, IMailSender mail, TimeProvider time) : IBackgroundJob<LabelGranted>
{
    public const string Name = "communication-kit.send-kit";

    public static string KeyFor(LabelGranted label) =>
        string.Create(CultureInfo.InvariantCulture, $"{label.EventId:N}-v{label.LabelVersion}");

    public async Task RunAsync(LabelGranted payload, BackgroundJobContext context, CancellationToken cancellationToken)
    {
        var delivery = await db.Deliveries.FirstOrDefaultAsync(
            d => d.EventId == payload.EventId && d.LabelVersion == payload.LabelVersion, cancellationToken);
        if (delivery is null)
        {
            delivery = KitDelivery.Queue(payload.EventId, payload.LabelVersion, payload.LabelNumber, payload.Organiser.Email, time.GetUtcNow().UtcDateTime);
            db.Deliveries.Add(delivery);
        }
        else if (delivery.Status == DeliveryStatus.Sent)
        {
            return;
        }

        try
        {
            await mail.SendAsync(KitMail.Compose(payload), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            delivery.MarkFailed(e.Message, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
            throw; // the scheduler retries with back-off
        }

        delivery.MarkSent(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
