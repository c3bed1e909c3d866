using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Time;

namespace IndustryWeek.Registration.Domain.Events;

/// <summary>
/// An organisation's event for one edition, from its draft to its label (or refusal), and after it.
/// Labelling decides; this aggregate records the organiser's actions and the decisions it is told of.
/// </summary>
internal sealed class Event : AggregateRoot<Guid>
{
    private Event()
    {
    }

    public Guid EditionId { get; private set; }

    public int EditionYear { get; private set; }

    public Guid OrganisationId { get; private set; }

    public EventDetails Details { get; private set; } = null!;

    // Copies of a few details, as columns, for lists and filters.
    public string Title { get; private set; } = "";

    public string? RegionCode { get; private set; }

    public string? DepartmentCode { get; private set; }

    /// <summary>The first session's start as a UTC instant (PostgreSQL's timestamp columns hold instants, not Paris wall-clock times).</summary>
    public DateTime FirstSessionStart { get; private set; }

    public OrganiserContact Organiser { get; private set; } = null!;

    public EventStatus Status { get; private set; }

    /// <summary>1 at the first submission, one more at each resubmission (Labelling ignores older ones).</summary>
    public int SubmissionNumber { get; private set; }

    public string? LabelNumber { get; private set; }

    public int LabelVersion { get; private set; }

    /// <summary>A labelled event whose dates, place, price or audiences changed: the label stays until the moderator decides.</summary>
    public bool ReviewPending { get; private set; }

    public const int MaxModeratorMessage = 2000;

    /// <summary>The moderator's last words to the organiser (changes asked, refusal or revocation reason).</summary>
    public string? ModeratorMessage { get; private set; }

    public DateTime? LastDecisionAtUtc { get; private set; }

    /// <summary>Set when the edition was rescheduled and a session now falls outside its eligible period.</summary>
    public string? ScheduleWarning { get; private set; }

    public string? CancellationReason { get; private set; }

    public ParticipationReport? Participation { get; private set; }

    /// <summary>Labelling's automatic check of the four criteria, as last told (CriteriaChecked).</summary>
    public IReadOnlyList<CriterionCheck> Criteria { get; private set; } = [];

    public int CriteriaRevision { get; private set; }

    /// <summary>Where the communication kit of the current label stands (CommunicationKit's KitDeliveryUpdated).</summary>
    public KitStatus? Kit { get; private set; }

    public Guid? ReconductedFromId { get; private set; }

    public const int MaxExternalId = 100;

    /// <summary>The partner's own reference of an imported event (unique in its organisation and edition): importing it again updates it.</summary>
    public string? ExternalId { get; private set; }

    /// <summary>Whether Labelling was told of this draft (DraftChanged); false only for drafts from before it was told of any.</summary>
    public bool DraftAnnounced { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public int Revision { get; private set; }

    public bool IsEditable => Status is EventStatus.Draft or EventStatus.Submitted or EventStatus.ChangesRequested or EventStatus.Labelled or EventStatus.Suspended;

    public bool CanBeSubmitted => Status is EventStatus.Draft or EventStatus.ChangesRequested;

    public bool CanBeWithdrawn => Status is EventStatus.Draft or EventStatus.Submitted or EventStatus.ChangesRequested;

    public bool CanBeCancelled => Status is EventStatus.Labelled or EventStatus.Suspended;

    public bool IsOver(DateTime nowUtc) => nowUtc >= ParisTime.ToInstant(Details.LastEnd).UtcDateTime;

    public static Event Create(Guid editionId, int editionYear, EventDetails details, OrganiserContact organiser, DateTime nowUtc, Guid? reconductedFromId = null, string? externalId = null)
    {
        var created = new Event
        {
            Id = Guid.NewGuid(),
            EditionId = editionId,
            EditionYear = editionYear,
            OrganisationId = organiser.OrganisationId,
            Organiser = organiser,
            Status = EventStatus.Draft,
            ReconductedFromId = reconductedFromId,
            ExternalId = externalId,
            CreatedAtUtc = nowUtc,
        };
        created.SetDetails(details, nowUtc);
        created.AnnounceDraft();
        return created;
    }

    /// <summary>Changes what the organiser described. Who else must know depends on where the event stands.</summary>
    public Result<EventStatus> Update(EventDetails details, OrganiserContact organiser, DateTime nowUtc)
    {
        if (!IsEditable)
        {
            return Error.BusinessRule("event.not_editable", $"Un événement au statut « {EventVocabulary.Statuses[Status]} » ne peut plus être modifié.");
        }

        var needsReview = Status switch
        {
            EventStatus.Labelled => ReviewPending || details.NeedsReviewComparedTo(Details),
            EventStatus.Submitted or EventStatus.Suspended => true,
            _ => false,
        };
        Organiser = organiser;
        SetDetails(details, nowUtc);
        ScheduleWarning = null; // the validator checked the new sessions against the edition's current period
        if (Status is EventStatus.Labelled && needsReview)
        {
            ReviewPending = true;
        }

        if (Status is EventStatus.Submitted or EventStatus.Labelled or EventStatus.Suspended)
        {
            Raise(new EventUpdatedDomainEvent(this, needsReview));
        }
        else if (Status is EventStatus.Draft)
        {
            DraftAnnounced = true; // an older draft's change tells Labelling of it as well as its announcement would
            Raise(new DraftChangedDomainEvent(this));
        }

        return Status;
    }

    public Result<int> Submit(OrganiserContact organiser, bool registrationOpen, DateTime nowUtc)
    {
        if (!CanBeSubmitted)
        {
            return Error.BusinessRule("event.not_submittable", $"Un événement au statut « {EventVocabulary.Statuses[Status]} » ne peut pas être soumis.");
        }

        if (!registrationOpen)
        {
            return Error.BusinessRule("event.registration_closed", $"Les inscriptions à la Semaine de l'industrie {EditionYear} ne sont pas ouvertes : l'événement ne peut pas être soumis.");
        }

        var wasDraft = Status is EventStatus.Draft;
        Organiser = organiser;
        Status = EventStatus.Submitted;
        SubmissionNumber++;
        SubmittedAtUtc = nowUtc;
        Touch(nowUtc);
        Raise(new EventSubmittedDomainEvent(this));
        if (wasDraft)
        {
            Raise(new DraftChangedDomainEvent(this));
        }
        return SubmissionNumber;
    }

    public Result<EventStatus> Withdraw(OrganiserContact organiser, DateTime nowUtc)
    {
        if (!CanBeWithdrawn)
        {
            return Error.BusinessRule("event.not_withdrawable", Status is EventStatus.Labelled or EventStatus.Suspended
                ? "Un événement labellisé ne se retire pas : annulez-le."
                : $"Un événement au statut « {EventVocabulary.Statuses[Status]} » ne peut pas être retiré.");
        }

        var wasSubmitted = SubmissionNumber > 0;
        Organiser = organiser;
        Status = EventStatus.Withdrawn;
        Touch(nowUtc);
        if (wasSubmitted)
        {
            Raise(new EventWithdrawnDomainEvent(this));
        }
        else
        {
            Raise(new DraftChangedDomainEvent(this));
        }

        return Status;
    }

    public Result<EventStatus> Cancel(string reason, OrganiserContact organiser, DateTime nowUtc)
    {
        if (!CanBeCancelled)
        {
            return Error.BusinessRule("event.not_cancellable", Status is EventStatus.Draft or EventStatus.Submitted or EventStatus.ChangesRequested
                ? "Seul un événement labellisé s'annule ; un événement non labellisé se retire."
                : $"Un événement au statut « {EventVocabulary.Statuses[Status]} » ne peut pas être annulé.");
        }

        Organiser = organiser;
        Status = EventStatus.Cancelled;
        CancellationReason = reason;
        Touch(nowUtc);
        Raise(new EventCancelledDomainEvent(this));
        return Status;
    }

    /// <summary>After the event: how many came. Reported again, the newer figures replace the older ones.</summary>
    public Result<ParticipationReport> ReportParticipation(ParticipationReport report, OrganiserContact organiser)
    {
        if (Status is not EventStatus.Labelled)
        {
            return Error.BusinessRule("event.not_labelled", "Seul un événement labellisé fait l'objet d'un bilan de participation.");
        }

        if (!IsOver(report.ReportedAtUtc))
        {
            return Error.BusinessRule("event.not_over", $"Le bilan se déclare après l'événement, qui se termine le {ParisTime.FormatDate(DateOnly.FromDateTime(Details.LastEnd))} à {ParisTime.FormatTime(TimeOnly.FromDateTime(Details.LastEnd))}.");
        }

        Organiser = organiser;
        Participation = report;
        Touch(report.ReportedAtUtc);
        Raise(new ParticipationReportedDomainEvent(this));
        return report;
    }

    // Labelling's decisions, applied once and in order (a late, older message changes nothing).

    public bool ApplyLabel(string labelNumber, int labelVersion, DateTime decidedAtUtc)
    {
        if (labelVersion <= LabelVersion || Status is EventStatus.Withdrawn or EventStatus.Cancelled)
        {
            return false;
        }

        Status = EventStatus.Labelled;
        LabelNumber = labelNumber;
        LabelVersion = labelVersion;
        ReviewPending = false;
        ModeratorMessage = null;
        LastDecisionAtUtc = decidedAtUtc;
        Touch(decidedAtUtc);
        return true;
    }

    public bool ApplyDecision(EventStatus status, string? message, DateTime decidedAtUtc)
    {
        if ((LastDecisionAtUtc is { } last && decidedAtUtc <= last) || Status is EventStatus.Withdrawn or EventStatus.Cancelled)
        {
            return false;
        }

        Status = status;
        ModeratorMessage = message is { Length: > MaxModeratorMessage } ? message[..(MaxModeratorMessage - 1)] + "…" : message;
        ReviewPending = false;
        LastDecisionAtUtc = decidedAtUtc;
        Touch(decidedAtUtc);
        return true;
    }

    /// <summary>Keeps the newest kit delivery state: of the highest label version, the latest change.</summary>
    public bool ApplyKit(KitStatus kit)
    {
        if (Kit is { } current && (kit.LabelVersion < current.LabelVersion || (kit.LabelVersion == current.LabelVersion && kit.AtUtc < current.AtUtc)))
        {
            return false;
        }

        // A kit sent once stays downloadable for its label version, whatever a later resend does.
        Kit = Kit is { Downloadable: true } sent && sent.LabelVersion == kit.LabelVersion ? kit with { Downloadable = true } : kit;
        return true;
    }

    /// <summary>Keeps the newest criteria check (messages may be handled twice).</summary>
    public bool ApplyCriteria(IReadOnlyList<CriterionCheck> criteria, int revision)
    {
        if (revision <= CriteriaRevision)
        {
            return false;
        }

        Criteria = criteria;
        CriteriaRevision = revision;
        return true;
    }

    /// <summary>The edition moved: sessions outside its new period are flagged for the organiser to change.</summary>
    public bool FlagOutsideSchedule(DatePeriod eligible, DateTime nowUtc, string? warning = null)
    {
        if (Status is EventStatus.Refused or EventStatus.Withdrawn or EventStatus.Cancelled || Details.Sessions.All(s => s.FallsWithin(eligible)))
        {
            return false;
        }

        ScheduleWarning = warning ?? $"L'édition {EditionYear} a changé de dates : les séances doivent maintenant avoir lieu du {ParisTime.FormatDate(eligible.Start)} au {ParisTime.FormatDate(eligible.End)}. Modifiez les dates de votre événement.";
        Touch(nowUtc);
        return true;
    }

    /// <summary>Tells Labelling of a draft it does not know of: at creation, and once for drafts older than DraftChanged.</summary>
    public void AnnounceDraft()
    {
        if (Status is EventStatus.Draft && !DraftAnnounced)
        {
            DraftAnnounced = true;
            Raise(new DraftChangedDomainEvent(this));
        }
    }

    private void SetDetails(EventDetails details, DateTime nowUtc)
    {
        Details = details;
        Title = details.Title;
        RegionCode = details.Location.RegionCode;
        DepartmentCode = details.Location.DepartmentCode;
        FirstSessionStart = ParisTime.ToInstant(details.FirstStart).UtcDateTime;
        Touch(nowUtc);
    }

    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Revision++;
    }
}

internal sealed record EventSubmittedDomainEvent(Event Event) : IDomainEvent;

internal sealed record EventUpdatedDomainEvent(Event Event, bool NeedsReview) : IDomainEvent;

internal sealed record EventWithdrawnDomainEvent(Event Event) : IDomainEvent;

internal sealed record EventCancelledDomainEvent(Event Event) : IDomainEvent;

internal sealed record ParticipationReportedDomainEvent(Event Event) : IDomainEvent;

internal sealed record DraftChangedDomainEvent(Event Event) : IDomainEvent;
