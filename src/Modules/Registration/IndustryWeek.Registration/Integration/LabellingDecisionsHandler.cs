using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Registration.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Registration.Integration;

/// <summary>Labelling's decisions, shown to the organiser on the event (status, label number, the moderator's words).</summary>
internal sealed class LabellingDecisionsHandler(RegistrationDbContext db) :
    INotificationHandler<LabelGranted>,
    INotificationHandler<LabelRefused>,
    INotificationHandler<ChangesRequested>,
    INotificationHandler<LabelRevoked>,
    INotificationHandler<LabelSuspended>
{
    public Task Handle(LabelGranted notification, CancellationToken cancellationToken) =>
        ApplyAsync(notification.EventId, e => e.ApplyLabel(notification.LabelNumber, notification.LabelVersion, notification.GrantedAtUtc), cancellationToken);

    public Task Handle(LabelRefused notification, CancellationToken cancellationToken) =>
        ApplyAsync(notification.EventId, e => e.ApplyDecision(EventStatus.Refused, notification.Reason, notification.DecidedAtUtc), cancellationToken);

    public Task Handle(ChangesRequested notification, CancellationToken cancellationToken) =>
        ApplyAsync(notification.EventId, e => e.ApplyDecision(EventStatus.ChangesRequested, notification.Comment, notification.DecidedAtUtc), cancellationToken);

    public Task Handle(LabelRevoked notification, CancellationToken cancellationToken) =>
        ApplyAsync(notification.EventId, e => e.ApplyDecision(EventStatus.Refused, "Label retiré : " + notification.Reason, notification.DecidedAtUtc), cancellationToken);

    public Task Handle(LabelSuspended notification, CancellationToken cancellationToken) =>
        ApplyAsync(notification.EventId, e => e.ApplyDecision(EventStatus.Suspended, notification.Reason, notification.DecidedAtUtc), cancellationToken);

    private async Task ApplyAsync(Guid eventId, Func<Event, bool> decide, CancellationToken cancellationToken)
    {
        var decided = await db.Events.FirstOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (decided is not null && decide(decided))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
