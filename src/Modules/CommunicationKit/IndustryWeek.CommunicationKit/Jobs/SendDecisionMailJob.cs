using System.Globalization;
using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.CommunicationKit.Persistence;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Mail;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.CommunicationKit.Jobs;

internal sealed record SendDecisionMailRequest(Guid EventId, string Key);

/// <summary>
/// Sends one recorded decision mail. Idempotent as the kit's job: a mail already sent is not sent again;
/// a failure is recorded with its reason and retried by the scheduler with back-off.
/// </summary>
internal sealed class SendDecisionMailJob(CommunicationKitDbContext db, IMailSender mail, TimeProvider time) : IBackgroundJob<SendDecisionMailRequest>
{
    public const string Name = "communication-kit.decision-mail";

    public static string KeyFor(Guid eventId, string key) =>
        string.Create(CultureInfo.InvariantCulture, $"{eventId:N}-{key}");

    public async Task RunAsync(SendDecisionMailRequest payload, BackgroundJobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var decisionMail = await db.DecisionMails.FirstOrDefaultAsync(m => m.EventId == payload.EventId && m.Key == payload.Key, cancellationToken);
        if (decisionMail is null || decisionMail.Status is DeliveryStatus.Sent)
        {
            return;
        }

        try
        {
            await mail.SendAsync(new OutgoingMail(decisionMail.RecipientEmail, decisionMail.Subject, decisionMail.Body), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            decisionMail.MarkFailed(DeliverKitJob.FailureReason(e), time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
            throw; // the scheduler retries with back-off
        }

        decisionMail.MarkSent(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(CancellationToken.None);
    }
}

/// <summary>Records a decision mail (once per key) and schedules its job, as <see cref="KitDeliveries"/> does for the kit.</summary>
internal sealed class DecisionMails(CommunicationKitDbContext db, IBackgroundJobs jobs, TimeProvider time)
{
    /// <summary>Run again (the notification handled twice, or after a crash), it finds the mail and schedules the same job key: one mail.</summary>
    public async Task QueueAsync(Guid eventId, string key, DecisionMailKind kind, string recipientEmail, (string Subject, string Body) content, CancellationToken cancellationToken)
    {
        if (!await db.DecisionMails.AnyAsync(m => m.EventId == eventId && m.Key == key, cancellationToken))
        {
            db.DecisionMails.Add(DecisionMail.Queue(eventId, key, kind, recipientEmail, content.Subject, content.Body, time.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
        }

        await jobs.ScheduleAsync<SendDecisionMailJob, SendDecisionMailRequest>(SendDecisionMailJob.KeyFor(eventId, key), new SendDecisionMailRequest(eventId, key), content.Subject, cancellationToken);
    }
}
