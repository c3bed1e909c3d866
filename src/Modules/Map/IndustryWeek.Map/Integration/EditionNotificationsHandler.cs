using IndustryWeek.Editions.Contracts;
using IndustryWeek.Map.Domain;
using IndustryWeek.Map.Features.GetMapEvents;
using IndustryWeek.Map.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Map.Integration;

/// <summary>
/// Keeps the map's copy of each edition (above all its « carte visible à partir du » date). A change
/// increments the map's version with it, so every host sees the new dates.
/// </summary>
internal sealed class EditionNotificationsHandler(MapDbContext db, MapCache cache) :
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
            db.Editions.Add(MapEdition.From(snapshot, occurredAtUtc));
        }
        else if (!edition.Apply(snapshot, occurredAtUtc))
        {
            return;
        }

        await db.SaveAndBumpVersionAsync(cancellationToken);
        cache.Changed();
    }
}
