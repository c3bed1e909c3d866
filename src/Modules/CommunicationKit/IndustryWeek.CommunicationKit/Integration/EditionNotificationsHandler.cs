using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.CommunicationKit.Persistence;
using IndustryWeek.Editions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.CommunicationKit.Integration;

/// <summary>Keeps the kit's copy of each edition: its name, theme and hashtag go on the poster.</summary>
internal sealed class EditionNotificationsHandler(CommunicationKitDbContext db) :
    INotificationHandler<EditionPublished>,
    INotificationHandler<EditionUpdated>,
    INotificationHandler<EditionRescheduled>,
    INotificationHandler<EditionClosed>
{
    public Task Handle(EditionPublished notification, CancellationToken cancellationToken) => KeepAsync(notification.Edition, notification.OccurredAtUtc, cancellationToken);

    public Task Handle(EditionUpdated notification, CancellationToken cancellationToken) => KeepAsync(notification.Edition, notification.OccurredAtUtc, cancellationToken);

    public Task Handle(EditionRescheduled notification, CancellationToken cancellationToken) => KeepAsync(notification.Edition, notification.OccurredAtUtc, cancellationToken);

    public Task Handle(EditionClosed notification, CancellationToken cancellationToken) => KeepAsync(notification.Edition, notification.OccurredAtUtc, cancellationToken);

    private async Task KeepAsync(EditionSnapshot snapshot, DateTime occurredAtUtc, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Id == snapshot.Id, cancellationToken);
        if (edition is null)
        {
            db.Editions.Add(KitEdition.From(snapshot, occurredAtUtc));
        }
        else if (!edition.Apply(snapshot, occurredAtUtc))
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
