using IndustryWeek.Registration.Contracts;
using IndustryWeek.Registration.Domain.Accounts;
using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Shared.Domain;
using MediatR;

namespace IndustryWeek.Registration;

/// <summary>Which public notifications (Registration.Contracts) each domain event becomes in the outbox.</summary>
internal static class RegistrationNotifications
{
    public static IEnumerable<INotification> From(IDomainEvent domainEvent) => domainEvent switch
    {
        EventSubmittedDomainEvent e =>
        [
            new EventSubmitted
            {
                EventId = e.Event.Id,
                EditionId = e.Event.EditionId,
                EditionYear = e.Event.EditionYear,
                SubmissionNumber = e.Event.SubmissionNumber,
                Event = e.Event.Details.ToDescription(),
                Organiser = e.Event.Organiser,
                SubmittedAtUtc = e.Event.UpdatedAtUtc,
            },
        ],
        EventUpdatedDomainEvent e =>
        [
            new EventUpdated
            {
                EventId = e.Event.Id,
                EditionId = e.Event.EditionId,
                EditionYear = e.Event.EditionYear,
                Status = e.Event.Status.ToString(),
                LabelNumber = e.Event.LabelNumber,
                NeedsReview = e.NeedsReview,
                Revision = e.Event.Revision,
                Event = e.Event.Details.ToDescription(),
                Organiser = e.Event.Organiser,
                UpdatedAtUtc = e.Event.UpdatedAtUtc,
            },
        ],
        EventWithdrawnDomainEvent e =>
        [
            new EventWithdrawn
            {
                EventId = e.Event.Id,
                EditionId = e.Event.EditionId,
                Title = e.Event.Title,
                Organiser = e.Event.Organiser,
                WithdrawnAtUtc = e.Event.UpdatedAtUtc,
            },
        ],
        EventCancelledDomainEvent e =>
        [
            new EventCancelled
            {
                EventId = e.Event.Id,
                EditionId = e.Event.EditionId,
                Title = e.Event.Title,
                LabelNumber = e.Event.LabelNumber,
                Reason = e.Event.CancellationReason ?? "",
                Organiser = e.Event.Organiser,
                CancelledAtUtc = e.Event.UpdatedAtUtc,
            },
        ],
        DraftChangedDomainEvent e =>
        [
            new DraftChanged
            {
                EventId = e.Event.Id,
                EditionId = e.Event.EditionId,
                IsDraft = e.Event.Status == EventStatus.Draft,
                RegionCode = e.Event.RegionCode,
                Format = e.Event.Details.Format.ToString(),
                Audiences = [.. e.Event.Details.Audiences.Select(a => a.ToString())],
                Revision = e.Event.Revision,
                ChangedAtUtc = e.Event.UpdatedAtUtc,
            },
        ],
        ParticipationReportedDomainEvent e when e.Event.Participation is { } report =>
        [
            new ParticipationReported
            {
                EventId = e.Event.Id,
                EditionId = e.Event.EditionId,
                EditionYear = e.Event.EditionYear,
                LabelNumber = e.Event.LabelNumber,
                RegionCode = e.Event.RegionCode,
                DepartmentCode = e.Event.DepartmentCode,
                Format = e.Event.Details.Format.ToString(),
                Participants = report.Participants,
                YoungPeople = report.YoungPeople,
                JobSeekers = report.JobSeekers,
                Teachers = report.Teachers,
                Organiser = e.Event.Organiser,
                ReportedAtUtc = report.ReportedAtUtc,
            },
        ],
        ModeratorAssignedDomainEvent e =>
        [
            new ModeratorAssigned
            {
                UserId = e.Assignment.Id,
                Email = e.Assignment.Email,
                IsModerator = e.Assignment.IsModerator,
                IsAdministrator = e.Assignment.IsAdministrator,
                Regions = e.Assignment.Regions,
                IsLocked = e.Assignment.IsLocked,
                ChangedAtUtc = e.Assignment.UpdatedAtUtc,
            },
        ],
        _ => [],
    };
}
