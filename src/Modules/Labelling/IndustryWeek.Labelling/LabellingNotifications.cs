using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Shared.Domain;
using MediatR;

namespace IndustryWeek.Labelling;

/// <summary>Which public notifications (Labelling.Contracts) each domain event becomes in the outbox.</summary>
internal static class LabellingNotifications
{
    public static IEnumerable<INotification> From(IDomainEvent domainEvent) => domainEvent switch
    {
        LabelGrantedDomainEvent granted => [ToLabelGranted(granted.Application, granted.Reinstated)],
        CriteriaCheckedDomainEvent checkedCriteria => [ToCriteriaChecked(checkedCriteria.Application, checkedCriteria.OnSubmission)],
        ApplicationDecidedDomainEvent decided => Decided(decided.Application, decided.Kind),
        _ => [],
    };

    private static LabelGranted ToLabelGranted(LabellingApplication application, bool reinstated) => new()
    {
        EventId = application.Id,
        EditionId = application.EditionId,
        EditionYear = application.EditionYear,
        LabelNumber = application.LabelNumber!,
        LabelVersion = application.LabelVersion,
        Event = application.Snapshot.Event,
        Organiser = application.Snapshot.Organiser,
        GrantedAtUtc = application.GrantedAtUtc!.Value,
        Comment = application.GrantComment,
        Reinstated = reinstated,
    };

    private static CriteriaChecked ToCriteriaChecked(LabellingApplication application, bool onSubmission) => new()
    {
        EventId = application.Id,
        SubmissionNumber = application.SubmissionNumber,
        Revision = application.Revision,
        Criteria = [.. application.Criteria.Select(c => new CriterionCheck(c.Criterion.ToString(), c.Outcome.ToString(), c.Detail))],
        CheckedAtUtc = application.DecidedAtUtc ?? application.SubmittedAtUtc,
        OnSubmission = onSubmission,
        Title = application.Snapshot.Event.Title,
        Organiser = application.Snapshot.Organiser,
        DueAtUtc = application.DueAtUtc,
    };

    private static IEnumerable<INotification> Decided(LabellingApplication a, DecisionKind kind)
    {
        var at = a.DecidedAtUtc!.Value;
        var message = a.DecisionMessage ?? "";
        INotification? decision = kind switch
        {
            DecisionKind.Refused => new LabelRefused { EventId = a.Id, EditionId = a.EditionId, EditionYear = a.EditionYear, Title = a.Snapshot.Event.Title, LabelNumber = a.LabelNumber, Reason = message, Organiser = a.Snapshot.Organiser, DecidedAtUtc = at },
            DecisionKind.ChangesRequested => new ChangesRequested { EventId = a.Id, EditionId = a.EditionId, EditionYear = a.EditionYear, Title = a.Snapshot.Event.Title, LabelNumber = a.LabelNumber, Comment = message, Organiser = a.Snapshot.Organiser, DecidedAtUtc = at },
            DecisionKind.Revoked => new LabelRevoked { EventId = a.Id, EditionId = a.EditionId, EditionYear = a.EditionYear, Title = a.Snapshot.Event.Title, LabelNumber = a.LabelNumber, Reason = message, Organiser = a.Snapshot.Organiser, DecidedAtUtc = at },
            DecisionKind.Suspended => new LabelSuspended { EventId = a.Id, EditionId = a.EditionId, EditionYear = a.EditionYear, Title = a.Snapshot.Event.Title, LabelNumber = a.LabelNumber, Reason = message, Organiser = a.Snapshot.Organiser, DecidedAtUtc = at },
            _ => null,
        };
        return decision is null ? [] : [decision];
    }
}
