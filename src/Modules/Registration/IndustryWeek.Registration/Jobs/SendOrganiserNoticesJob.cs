using IndustryWeek.Registration.Persistence;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Mail;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Registration.Jobs;

internal sealed record OrganiserNoticeBatch(string Batch);

/// <summary>Sends a batch of recorded organiser mails; each is marked sent as it goes, so a retry sends only the rest.</summary>
internal sealed class SendOrganiserNoticesJob(RegistrationDbContext db, IMailSender mail, TimeProvider time) : IBackgroundJob<OrganiserNoticeBatch>
{
    public const string Name = "registration.send-organiser-notices";

    public async Task RunAsync(OrganiserNoticeBatch payload, BackgroundJobContext context, CancellationToken cancellationToken)
    {
        var pending = await db.Notices.Where(n => n.Batch == payload.Batch && n.SentAtUtc == null).OrderBy(n => n.CreatedAtUtc).ToListAsync(cancellationToken);
        foreach (var notice in pending)
        {
            await mail.SendAsync(new OutgoingMail(notice.Recipient, notice.Subject, notice.Body), cancellationToken);
            notice.MarkSent(time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
