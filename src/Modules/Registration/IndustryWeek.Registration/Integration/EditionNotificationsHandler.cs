using System.Globalization;
using System.Text;
using IndustryWeek.Editions.Contracts;
using IndustryWeek.Registration.Domain.Editions;
using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Registration.Domain.Notices;
using IndustryWeek.Registration.Jobs;
using IndustryWeek.Registration.Persistence;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Time;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Registration.Integration;

/// <summary>
/// Keeps Registration's copy of each edition (dates, periods, registration window, focus topics), and
/// when an edition is rescheduled flags the events whose sessions now fall outside its period and
/// records a mail to their organisers, sent by <see cref="SendOrganiserNoticesJob"/>.
/// </summary>
internal sealed class EditionNotificationsHandler(RegistrationDbContext db, IBackgroundJobs jobs, TimeProvider time) :
    INotificationHandler<EditionPublished>,
    INotificationHandler<EditionUpdated>,
    INotificationHandler<EditionClosed>,
    INotificationHandler<EditionRescheduled>
{
    public Task Handle(EditionPublished notification, CancellationToken cancellationToken) =>
        KeepAsync(notification.Edition, notification.OccurredAtUtc, cancellationToken);

    public Task Handle(EditionUpdated notification, CancellationToken cancellationToken) =>
        KeepAsync(notification.Edition, notification.OccurredAtUtc, cancellationToken);

    public Task Handle(EditionClosed notification, CancellationToken cancellationToken) =>
        KeepAsync(notification.Edition, notification.OccurredAtUtc, cancellationToken);

    public async Task Handle(EditionRescheduled notification, CancellationToken cancellationToken)
    {
        var edition = await KeepAsync(notification.Edition, notification.OccurredAtUtc, cancellationToken);
        var batch = string.Create(CultureInfo.InvariantCulture, $"rescheduled:{edition.Id:N}:{notification.OccurredAtUtc.Ticks}");

        // Handled twice (a redelivered message), the flags and mails are already recorded: just make sure they go.
        if (!await db.Notices.AnyAsync(n => n.Batch == batch, cancellationToken))
        {
            var now = time.GetUtcNow().UtcDateTime;
            var events = await db.Events
                .Where(e => e.EditionId == edition.Id && e.Status != EventStatus.Refused && e.Status != EventStatus.Withdrawn && e.Status != EventStatus.Cancelled)
                .ToListAsync(cancellationToken);
            foreach (var flagged in events.Where(e => e.FlagOutsideSchedule(edition.EligiblePeriodFor(e.RegionCode), now)))
            {
                db.Notices.Add(OrganiserNotice.Create(batch, flagged.Id, flagged.Organiser.Email, Subject(flagged), Body(flagged, notification), now));
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await jobs.ScheduleAsync<SendOrganiserNoticesJob, OrganiserNoticeBatch>(batch, new OrganiserNoticeBatch(batch), cancellationToken);
    }

    private async Task<Edition> KeepAsync(EditionSnapshot snapshot, DateTime occurredAtUtc, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Id == snapshot.Id, cancellationToken);
        if (edition is null)
        {
            edition = Edition.From(snapshot, occurredAtUtc);
            db.Editions.Add(edition);
        }
        else if (!edition.Apply(snapshot, occurredAtUtc))
        {
            return edition;
        }

        await db.SaveChangesAsync(cancellationToken);
        return edition;
    }

    private static string Subject(Event flagged) =>
        $"Semaine de l'industrie {flagged.EditionYear} : changez les dates de « {flagged.Title} »";

    private static string Body(Event flagged, EditionRescheduled notification)
    {
        var period = notification.Edition.Schedule.EventPeriodFor(flagged.RegionCode);
        var text = new StringBuilder()
            .AppendLine("Bonjour,")
            .AppendLine()
            .AppendLine(ParisTime.French, $"La {notification.Edition.Name} change de dates : elle a désormais lieu du {ParisTime.FormatDate(notification.Edition.Schedule.HeadlineWeek.Start)} au {ParisTime.FormatDate(notification.Edition.Schedule.HeadlineWeek.End)}.")
            .AppendLine(ParisTime.French, $"Motif : {notification.Reason}")
            .AppendLine()
            .AppendLine(ParisTime.French, $"Votre événement « {flagged.Title} » ({flagged.Organiser.OrganisationName}) a des séances en dehors de la nouvelle période, du {ParisTime.FormatDate(period.Start)} au {ParisTime.FormatDate(period.End)} :");
        foreach (var session in flagged.Details.Sessions.Where(s => !s.FallsWithin(period)))
        {
            text.AppendLine(ParisTime.French, $"- {ParisTime.FormatSession(session.Start, session.End)}");
        }

        return text
            .AppendLine()
            .AppendLine("Modifiez ses dates depuis votre espace organisateur pour qu'il reste éligible au label.")
            .AppendLine()
            .AppendLine("L'équipe de la Semaine de l'industrie")
            .ToString();
    }
}
