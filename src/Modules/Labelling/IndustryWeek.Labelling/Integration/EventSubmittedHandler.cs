using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Labelling.Persistence;
using IndustryWeek.Registration.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Labelling.Integration;

/// <summary>Registration.EventSubmitted opens the event's application, or reopens it with the newer submission.</summary>
internal sealed class EventSubmittedHandler(LabellingDbContext db) : INotificationHandler<EventSubmitted>
{
    public async Task Handle(EventSubmitted notification, CancellationToken cancellationToken)
    {
        var snapshot = new EventSnapshot(notification.Event, notification.Organiser);
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == notification.EventId, cancellationToken);
        if (application is null)
        {
            db.Applications.Add(LabellingApplication.Open(
                notification.EventId, notification.EditionId, notification.EditionYear, notification.SubmissionNumber, snapshot, notification.SubmittedAtUtc));
        }
        else if (!application.Resubmit(notification.SubmissionNumber, snapshot, notification.SubmittedAtUtc))
        {
            return; // the same submission handled twice
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
