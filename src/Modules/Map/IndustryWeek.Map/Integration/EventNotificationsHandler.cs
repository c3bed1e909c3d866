using System.Globalization;
using IndustryWeek.Map.Domain;
using IndustryWeek.Map.Jobs;
using IndustryWeek.Registration.Contracts;
using MediatR;

namespace IndustryWeek.Map.Integration;

/// <summary>
/// Registration's news of an event: a change of a labelled event refreshes its public entry (the label
/// stands until the moderator decides again, and the public must see the current dates and place); a
/// cancelled or withdrawn event leaves the map for good. Records, then schedules.
/// </summary>
internal sealed class EventNotificationsHandler(PinPublications publications) :
    INotificationHandler<EventUpdated>,
    INotificationHandler<EventCancelled>,
    INotificationHandler<EventWithdrawn>
{
    /// <summary>EventUpdated's status of an event whose label stands.</summary>
    public const string LabelledStatus = "Labelled";

    public async Task Handle(EventUpdated notification, CancellationToken cancellationToken)
    {
        if (notification.Status != LabelledStatus)
        {
            return; // under review or suspended: not on the map, and the next grant brings the details
        }

        var edition = new EventEdition(notification.EditionId, notification.EditionYear);
        var record = await publications.RecordOfAsync(notification.EventId, edition, cancellationToken);
        record.Change(edition, notification.Revision, notification.Event, notification.Organiser.OrganisationName, notification.UpdatedAtUtc, publications.NowUtc);
        await publications.SaveAndScheduleAsync(record, string.Create(CultureInfo.InvariantCulture, $"r{notification.Revision}"), cancellationToken);
    }

    public Task Handle(EventCancelled notification, CancellationToken cancellationToken) =>
        RemoveAsync(notification.EventId, notification.EditionId, RemovalReason.Cancelled, notification.CancelledAtUtc, cancellationToken);

    public Task Handle(EventWithdrawn notification, CancellationToken cancellationToken) =>
        RemoveAsync(notification.EventId, notification.EditionId, RemovalReason.Withdrawn, notification.WithdrawnAtUtc, cancellationToken);

    private async Task RemoveAsync(Guid eventId, Guid editionId, RemovalReason reason, DateTime atUtc, CancellationToken cancellationToken)
    {
        var record = await publications.RecordOfAsync(eventId, new EventEdition(editionId, 0), cancellationToken);
        record.Remove(reason, atUtc, publications.NowUtc);
        await publications.SaveAndScheduleAsync(record, LabelNotificationsHandler.RemovalKey(reason, atUtc), cancellationToken);
    }
}
