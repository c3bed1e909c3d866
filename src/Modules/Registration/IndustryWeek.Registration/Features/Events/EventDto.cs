using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Shared.PublishedLanguage;
using Mapster;
using IndustryWeek.Shared.Web;

namespace IndustryWeek.Registration.Features.Events;

internal sealed record ParticipationDto(int Participants, int? YoungPeople, int? JobSeekers, int? Teachers, DateTime ReportedAtUtc);

/// <summary>API.md's `Event`, with what the organiser space shows besides (moderator's words, warnings, participation, allowed actions).</summary>
internal sealed record EventDto
{
    public required Guid Id { get; init; }

    public required Guid EditionId { get; init; }

    public required int EditionYear { get; init; }

    public required Guid OrganisationId { get; init; }

    public required string OrganisationName { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    [ApiValues(ApiVocabulary.Formats)]
    public required string Format { get; init; }

    [ApiValues(ApiVocabulary.Audiences)]
    public required IReadOnlyList<string> Audiences { get; init; }

    [ApiValues(ApiVocabulary.Sectors)]
    public required IReadOnlyList<string> Sectors { get; init; }

    public required IReadOnlyList<string> Topics { get; init; }

    public required IReadOnlyList<EventSession> Sessions { get; init; }

    public required EventLocation Location { get; init; }

    public required bool IsFree { get; init; }

    public required EventBooking Booking { get; init; }

    public required EventContact PublicContact { get; init; }

    public required bool Accessible { get; init; }

    public required bool AboutIndustry { get; init; }

    [ApiValues(typeof(EventStatus))]
    public required string Status { get; init; }

    public string? LabelNumber { get; init; }

    /// <summary>API.md's `criteria`: Labelling's automatic check, once the event is submitted (`outcome`: Passed, Failed, ToReview).</summary>
    public IReadOnlyList<CriterionCheck>? Criteria { get; init; }

    public required bool ReviewPending { get; init; }

    /// <summary>The communication kit of the current label: `status` Queued, Sent or Failed (with `error`; it is retried).</summary>
    public KitStatus? Kit { get; init; }

    public string? ModeratorMessage { get; init; }

    public string? ScheduleWarning { get; init; }

    public string? CancellationReason { get; init; }

    public ParticipationDto? Participation { get; init; }

    public Guid? ReconductedFromId { get; init; }

    public required int SubmissionNumber { get; init; }

    /// <summary>Send it back with PUT to be told (409) when a colleague changed the event meanwhile.</summary>
    public required int Revision { get; init; }

    public required DateTime CreatedAtUtc { get; init; }

    public required DateTime UpdatedAtUtc { get; init; }

    public DateTime? SubmittedAtUtc { get; init; }

    /// <summary>What the organiser may do now: edit, submit, withdraw, cancel, reportParticipation, reconduct.</summary>
    public required IReadOnlyList<string> Actions { get; init; }
}

internal static class EventMapping
{
    public static EventDto ToDto(this Event e, DateTime nowUtc)
    {
        var description = e.Details.ToDescription();
        return new EventDto
        {
            Id = e.Id,
            EditionId = e.EditionId,
            EditionYear = e.EditionYear,
            OrganisationId = e.OrganisationId,
            OrganisationName = e.Organiser.OrganisationName,
            Title = description.Title,
            Description = description.Description,
            Format = description.Format,
            Audiences = description.Audiences,
            Sectors = description.Sectors,
            Topics = description.Topics,
            Sessions = description.Sessions,
            Location = description.Location,
            IsFree = description.IsFree,
            Booking = description.Booking,
            PublicContact = description.PublicContact,
            Accessible = description.Accessible,
            AboutIndustry = description.AboutIndustry,
            Status = e.Status.ToString(),
            LabelNumber = e.LabelNumber,
            Criteria = e.CriteriaRevision == 0 ? null : e.Criteria,
            ReviewPending = e.ReviewPending,
            // The kit is downloadable while the label stands: revoked, suspended or cancelled, it is not.
            Kit = e.Kit is { Downloadable: true } kit && e.Status != EventStatus.Labelled ? kit with { Downloadable = false } : e.Kit,
            ModeratorMessage = e.ModeratorMessage,
            ScheduleWarning = e.ScheduleWarning,
            CancellationReason = e.CancellationReason,
            Participation = e.Participation?.Adapt<ParticipationDto>(RegistrationMapping.Config),
            ReconductedFromId = e.ReconductedFromId,
            SubmissionNumber = e.SubmissionNumber,
            Revision = e.Revision,
            CreatedAtUtc = e.CreatedAtUtc,
            UpdatedAtUtc = e.UpdatedAtUtc,
            SubmittedAtUtc = e.SubmittedAtUtc,
            Actions = Actions(e, nowUtc),
        };
    }

    private static List<string> Actions(Event e, DateTime nowUtc)
    {
        var actions = new List<string>();
        if (e.IsEditable)
        {
            actions.Add("edit");
        }

        if (e.CanBeSubmitted)
        {
            actions.Add("submit");
        }

        if (e.CanBeWithdrawn)
        {
            actions.Add("withdraw");
        }

        if (e.CanBeCancelled)
        {
            actions.Add("cancel");
        }

        if (e.Status is EventStatus.Labelled && e.IsOver(nowUtc))
        {
            actions.Add("reportParticipation");
        }

        actions.Add("reconduct");
        return actions;
    }
}
