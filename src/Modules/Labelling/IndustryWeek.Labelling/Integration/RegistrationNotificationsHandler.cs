using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Labelling.Domain.Drafts;
using IndustryWeek.Labelling.Persistence;
using IndustryWeek.Registration.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Labelling.Integration;

/// <summary>
/// Registration's events: a submission opens the event's application (or reopens it) and checks the
/// criteria at once; a change updates it; a withdrawal or cancellation closes it. Drafts are only counted.
/// </summary>
internal sealed class RegistrationNotificationsHandler(LabellingDbContext db) :
    INotificationHandler<EventSubmitted>,
    INotificationHandler<EventUpdated>,
    INotificationHandler<EventWithdrawn>,
    INotificationHandler<EventCancelled>,
    INotificationHandler<ParticipationReported>,
    INotificationHandler<DraftChanged>
{
    public async Task Handle(DraftChanged notification, CancellationToken cancellationToken)
    {
        var draft = await db.Drafts.FindAsync([notification.EventId], cancellationToken);
        if (draft is null)
        {
            draft = Draft.For(notification.EventId);
            db.Drafts.Add(draft);
        }

        if (draft.Apply(notification.EditionId, notification.IsDraft, notification.RegionCode, notification.Format, notification.Audiences, notification.Revision, notification.ChangedAtUtc))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task Handle(ParticipationReported notification, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == notification.EventId, cancellationToken);
        if (application is not null && (application.Participation is null || application.Participation.ReportedAtUtc <= notification.ReportedAtUtc))
        {
            application.RecordParticipation(new Participation(notification.Participants, notification.YoungPeople, notification.JobSeekers, notification.Teachers, notification.ReportedAtUtc));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task Handle(EventSubmitted notification, CancellationToken cancellationToken)
    {
        var snapshot = new EventSnapshot(notification.Event, notification.Organiser);
        var schedule = (await db.Editions.FindAsync([notification.EditionId], cancellationToken))?.Schedule;
        var application = await db.Applications.Include(a => a.Decisions).FirstOrDefaultAsync(a => a.Id == notification.EventId, cancellationToken);
        if (application is null)
        {
            db.Applications.Add(LabellingApplication.Open(
                notification.EventId, notification.EditionId, notification.EditionYear, notification.SubmissionNumber, snapshot, notification.SubmittedAtUtc, schedule));
        }
        else if (!application.Resubmit(notification.SubmissionNumber, snapshot, notification.SubmittedAtUtc, schedule))
        {
            return; // the same submission handled twice
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task Handle(EventUpdated notification, CancellationToken cancellationToken)
    {
        var application = await db.Applications.Include(a => a.Decisions).FirstOrDefaultAsync(a => a.Id == notification.EventId, cancellationToken);
        var schedule = (await db.Editions.FindAsync([notification.EditionId], cancellationToken))?.Schedule;
        if (application is not null && application.TakeUpdate(notification.Revision, new EventSnapshot(notification.Event, notification.Organiser), notification.NeedsReview, notification.UpdatedAtUtc, schedule))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public Task Handle(EventWithdrawn notification, CancellationToken cancellationToken) =>
        CloseAsync(notification.EventId, "L'organisateur a retiré l'événement.", notification.Organiser.Email, notification.WithdrawnAtUtc, cancellationToken);

    public Task Handle(EventCancelled notification, CancellationToken cancellationToken) =>
        CloseAsync(notification.EventId, $"L'organisateur a annulé l'événement : {notification.Reason}", notification.Organiser.Email, notification.CancelledAtUtc, cancellationToken);

    private async Task CloseAsync(Guid eventId, string why, string by, DateTime atUtc, CancellationToken cancellationToken)
    {
        var application = await db.Applications.Include(a => a.Decisions).FirstOrDefaultAsync(a => a.Id == eventId, cancellationToken);
        if (application is not null && application.Close(why, by, atUtc))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
