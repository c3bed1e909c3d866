using System.Globalization;
using IndustryWeek.CommunicationKit.Content;
using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.CommunicationKit.Persistence;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Mail;
using IndustryWeek.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.CommunicationKit.Jobs;

/// <param name="DeliveryKey">« label-v2 », « update-r7 », « resend-3 ».</param>
internal sealed record DeliverKitRequest(Guid EventId, string DeliveryKey);

/// <summary>
/// Builds the kit if what it is built from changed, stores it, and mails it to the organiser.
/// Idempotent: a delivery already sent (or cancelled) is not sent again; a failure is recorded with
/// its reason and retried by the scheduler with back-off.
/// </summary>
internal sealed class DeliverKitJob(CommunicationKitDbContext db, IMailSender mail, SiteLinks links, KitDeliveryMetrics metrics, TimeProvider time) : IBackgroundJob<DeliverKitRequest>
{
    public const string Name = "communication-kit.deliver";

    public static string KeyFor(Guid eventId, string deliveryKey) =>
        string.Create(CultureInfo.InvariantCulture, $"{eventId:N}-{deliveryKey}");

    public static string PublicPageUrl(SiteLinks links, Guid eventId)
    {
        ArgumentNullException.ThrowIfNull(links);
        return links.To($"/evenements/{eventId}");
    }

    public async Task RunAsync(DeliverKitRequest payload, BackgroundJobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(context);
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.EventId == payload.EventId && d.Key == payload.DeliveryKey, cancellationToken);
        if (delivery is null || delivery.Status is DeliveryStatus.Sent or DeliveryStatus.Cancelled)
        {
            return;
        }

        var kit = await db.Kits.SingleAsync(k => k.EventId == payload.EventId, cancellationToken);
        var superseded = (delivery.Reason is DeliveryReason.Granted or DeliveryReason.Reinstated) && delivery.LabelVersion < kit.LabelVersion;
        if (kit.State == KitState.Withdrawn || superseded)
        {
            delivery.Cancel(time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }

        try
        {
            var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == kit.EditionId, cancellationToken);
            var subject = new KitSubject(edition?.Snapshot ?? KitEdition.Unknown(kit.EditionId, kit.EditionYear), kit.EventId, kit.LabelNumber, kit.Event, kit.Organiser, kit.GrantedAtUtc, PublicPageUrl(links, kit.EventId));
            var (poster, certificate) = await CurrentPdfsAsync(kit, subject, cancellationToken);
            await mail.SendAsync(KitMail.Compose(delivery.Reason, delivery.Comment, subject, poster, certificate, links.To($"/mon-espace/evenements/{kit.EventId}")), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var unsaved in db.ChangeTracker.Entries<KitArchive>().Where(a => a.State is EntityState.Added or EntityState.Modified).ToList())
            {
                unsaved.State = EntityState.Detached; // e.g. another node stored the same kit first: record the failure alone
            }

            delivery.MarkFailed(FailureReason(e), willRetry: !context.IsLastAttempt, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
            metrics.Failed(delivery.Reason, willRetry: !context.IsLastAttempt);
            throw; // the scheduler retries with back-off
        }

        delivery.MarkSent(kit.Organiser.Email, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(CancellationToken.None);
        metrics.Sent(delivery.Reason);
    }

    /// <summary>
    /// What went wrong, down to its cause, as the organiser and the administrators read it: the message of each
    /// exception and of its inner ones (« Connection refused », the SMTP server's answer, a TLS handshake's cause).
    /// </summary>
    internal static string FailureReason(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var message = current.Message.Trim();
            if (message.Length > 0 && !messages.Contains(message, StringComparer.Ordinal))
            {
                messages.Add(message);
            }
        }

        return messages.Count == 0 ? exception.GetType().Name : messages[0] + string.Concat(messages.Skip(1).Select(m => $" ({m})"));
    }

    /// <summary>The stored kit when it is up to date; otherwise it is built again and stored.</summary>
    private async Task<(byte[] Poster, byte[] Certificate)> CurrentPdfsAsync(Kit kit, KitSubject subject, CancellationToken cancellationToken)
    {
        var archive = await db.Archives.FirstOrDefaultAsync(a => a.EventId == kit.EventId, cancellationToken);
        if (archive is not null && archive.Fingerprint == kit.ContentFingerprint)
        {
            return BuiltKit.PdfsOf(archive.Content);
        }

        var built = KitBuilder.Build(subject);
        var now = time.GetUtcNow().UtcDateTime;
        if (archive is null)
        {
            db.Archives.Add(KitArchive.Of(kit, BuiltKit.ZipFileName(kit.LabelNumber), built.Zip, now));
        }
        else
        {
            archive.Replace(kit, BuiltKit.ZipFileName(kit.LabelNumber), built.Zip, now);
        }

        // Stored before the mail goes: the organiser can download what the mail announces.
        await db.SaveChangesAsync(cancellationToken);
        return (built.Poster, built.Certificate);
    }
}
