using IndustryWeek.Editions.Contracts;
using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Labelling.Domain.Editions;
using IndustryWeek.Labelling.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Labelling.Integration;

/// <summary>
/// Keeps Labelling's copy of each edition's periods. A rescheduling re-checks criterion 1 of the
/// edition's applications: a labelled event now outside the period has its label suspended.
/// </summary>
internal sealed class EditionNotificationsHandler(LabellingDbContext db, TimeProvider time) :
    INotificationHandler<EditionPublished>,
    INotificationHandler<EditionUpdated>,
    INotificationHandler<EditionClosed>,
    INotificationHandler<EditionRescheduled>
{
    public Task Handle(EditionPublished notification, CancellationToken cancellationToken) => KeepAsync(notification.Edition, notification.OccurredAtUtc, cancellationToken);

    public Task Handle(EditionUpdated notification, CancellationToken cancellationToken) => KeepAsync(notification.Edition, notification.OccurredAtUtc, cancellationToken);

    public Task Handle(EditionClosed notification, CancellationToken cancellationToken) => KeepAsync(notification.Edition, notification.OccurredAtUtc, cancellationToken);

    public async Task Handle(EditionRescheduled notification, CancellationToken cancellationToken)
    {
        var edition = await KeepAsync(notification.Edition, notification.OccurredAtUtc, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var applications = await db.Applications.Include(a => a.Decisions)
            .Where(a => a.EditionId == edition.Id && (a.Status == ApplicationStatus.Pending || a.Status == ApplicationStatus.Granted || a.Status == ApplicationStatus.ChangesRequested))
            .ToListAsync(cancellationToken);
        foreach (var application in applications)
        {
            application.SuspendIfIneligible(edition.Schedule, now);
        }

        await db.SaveChangesAsync(cancellationToken);
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
}
