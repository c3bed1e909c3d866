using System.Globalization;
using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Map.Domain;
using IndustryWeek.Map.Jobs;
using MediatR;

namespace IndustryWeek.Map.Integration;

/// <summary>
/// Labelling's decisions: a granted label (each version) publishes or refreshes the event's public
/// entry; a revoked or suspended label removes it until a later grant. Records, then schedules.
/// </summary>
internal sealed class LabelNotificationsHandler(PinPublications publications) :
    INotificationHandler<LabelGranted>,
    INotificationHandler<LabelRevoked>,
    INotificationHandler<LabelSuspended>
{
    public async Task Handle(LabelGranted notification, CancellationToken cancellationToken)
    {
        var edition = new EventEdition(notification.EditionId, notification.EditionYear);
        var record = await publications.RecordOfAsync(notification.EventId, edition, cancellationToken);
        record.Grant(edition, notification.LabelVersion, notification.LabelNumber, notification.Event, notification.Organiser.OrganisationName, notification.GrantedAtUtc, publications.NowUtc);
        await publications.SaveAndScheduleAsync(record, string.Create(CultureInfo.InvariantCulture, $"v{notification.LabelVersion}"), cancellationToken);
    }

    public Task Handle(LabelRevoked notification, CancellationToken cancellationToken) =>
        RemoveAsync(notification.EventId, new EventEdition(notification.EditionId, notification.EditionYear), RemovalReason.Revoked, notification.DecidedAtUtc, cancellationToken);

    public Task Handle(LabelSuspended notification, CancellationToken cancellationToken) =>
        RemoveAsync(notification.EventId, new EventEdition(notification.EditionId, notification.EditionYear), RemovalReason.Suspended, notification.DecidedAtUtc, cancellationToken);

    private async Task RemoveAsync(Guid eventId, EventEdition edition, RemovalReason reason, DateTime decidedAtUtc, CancellationToken cancellationToken)
    {
        var record = await publications.RecordOfAsync(eventId, edition, cancellationToken);
        record.Remove(reason, decidedAtUtc, publications.NowUtc);
        await publications.SaveAndScheduleAsync(record, RemovalKey(reason, decidedAtUtc), cancellationToken);
    }

    /// <summary>« revoked-638… »: one per decision (a label may be suspended, granted again, suspended again).</summary>
    internal static string RemovalKey(RemovalReason reason, DateTime atUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"{reason.ToString().ToLowerInvariant()}-{atUtc.Ticks}");
}
