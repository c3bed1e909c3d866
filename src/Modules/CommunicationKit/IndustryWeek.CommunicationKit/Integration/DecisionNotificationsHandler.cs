using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.CommunicationKit.Features.DecisionMails;
using IndustryWeek.CommunicationKit.Jobs;
using IndustryWeek.Labelling.Contracts;
using MediatR;

namespace IndustryWeek.CommunicationKit.Integration;

/// <summary>
/// Each step of an application (received, changes requested, refused, revoked, suspended) is told to the
/// organiser by one mail; a granted or reinstated label is told by the kit's mail. This records and
/// schedules; the job sends.
/// </summary>
internal sealed class DecisionNotificationsHandler(DecisionMails mails, DecisionMailTexts texts) :
    INotificationHandler<CriteriaChecked>,
    INotificationHandler<ChangesRequested>,
    INotificationHandler<LabelRefused>,
    INotificationHandler<LabelRevoked>,
    INotificationHandler<LabelSuspended>
{
    public Task Handle(CriteriaChecked notification, CancellationToken cancellationToken)
    {
        // Only the check of a new submission says it was received (notifications older than that flag carry no organiser).
        if (!notification.OnSubmission || notification.Organiser is null || notification.Title is null || notification.DueAtUtc is null)
        {
            return Task.CompletedTask;
        }

        return mails.QueueAsync(
            notification.EventId,
            DecisionMail.ReceivedKey(notification.SubmissionNumber),
            DecisionMailKind.Received,
            notification.Organiser.Email,
            texts.Received(notification.EventId, notification.Title, notification.SubmissionNumber, notification.Criteria, notification.DueAtUtc.Value),
            cancellationToken);
    }

    public Task Handle(ChangesRequested notification, CancellationToken cancellationToken) =>
        mails.QueueAsync(notification.EventId, DecisionMail.KeyFor(DecisionMailKind.ChangesRequested, notification.DecidedAtUtc), DecisionMailKind.ChangesRequested, notification.Organiser.Email, texts.ChangesRequested(notification), cancellationToken);

    public Task Handle(LabelRefused notification, CancellationToken cancellationToken) =>
        mails.QueueAsync(notification.EventId, DecisionMail.KeyFor(DecisionMailKind.Refused, notification.DecidedAtUtc), DecisionMailKind.Refused, notification.Organiser.Email, texts.Refused(notification), cancellationToken);

    public Task Handle(LabelRevoked notification, CancellationToken cancellationToken) =>
        mails.QueueAsync(notification.EventId, DecisionMail.KeyFor(DecisionMailKind.Revoked, notification.DecidedAtUtc), DecisionMailKind.Revoked, notification.Organiser.Email, texts.Revoked(notification), cancellationToken);

    public Task Handle(LabelSuspended notification, CancellationToken cancellationToken) =>
        mails.QueueAsync(notification.EventId, DecisionMail.KeyFor(DecisionMailKind.Suspended, notification.DecidedAtUtc), DecisionMailKind.Suspended, notification.Organiser.Email, texts.Suspended(notification), cancellationToken);
}
