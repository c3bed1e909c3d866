using IndustryWeek.Labelling.Domain.Calendar;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Time;

namespace IndustryWeek.Labelling.Domain.Applications;

internal enum ApplicationStatus
{
    /// <summary>Waiting for a moderator (a new submission, or changes to a labelled event: its label stays meanwhile).</summary>
    Pending,
    ChangesRequested,
    Granted,
    Refused,
    Revoked,
    /// <summary>A rescheduling made the event ineligible; lifted when new dates pass the criteria.</summary>
    Suspended,
    /// <summary>The organiser withdrew or cancelled the event.</summary>
    Closed,
}

/// <summary>
/// One labelling application per submitted event (its id is the event's id): the event as submitted,
/// the four criteria checked automatically, the committee's deadline, and every decision.
/// </summary>
internal sealed class LabellingApplication : AggregateRoot<Guid>
{
    /// <summary>The committee decides within 4 working days of the submission.</summary>
    public const int DeadlineWorkingDays = 4;

    public const string System = "système";

    private LabellingApplication()
    {
    }

    public Guid EditionId { get; private set; }

    public int EditionYear { get; private set; }

    /// <summary>The event's region (COG code); null for an online-only event, which national moderators handle.</summary>
    public string? RegionCode { get; private set; }

    public string? DepartmentCode { get; private set; }

    public string Format { get; private set; } = "";

    public Guid OrganisationId { get; private set; }

    public ApplicationStatus Status { get; private set; }

    public int SubmissionNumber { get; private set; }

    /// <summary>The highest revision of the event seen (Registration's EventUpdated): older ones are ignored.</summary>
    public int EventRevision { get; private set; }

    public EventSnapshot Snapshot { get; private set; } = null!;

    public IReadOnlyList<CriterionResult> Criteria { get; private set; } = [];

    public bool IndustryConfirmed { get; private set; }

    public DateTime SubmittedAtUtc { get; private set; }

    /// <summary>The end of the 4th working day after the submission (Europe/Paris).</summary>
    public DateTime DueAtUtc { get; private set; }

    public string? LabelNumber { get; private set; }

    /// <summary>0 until granted; each grant of new details increments it.</summary>
    public int LabelVersion { get; private set; }

    public DateTime? GrantedAtUtc { get; private set; }

    public string? GrantedBy { get; private set; }

    public string? GrantComment { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>The last decision's reason or comment, as the organiser reads it.</summary>
    public string? DecisionMessage { get; private set; }

    public List<Decision> Decisions { get; private set; } = [];

    /// <summary>What the organiser reported after the event (Registration's ParticipationReported), for the statistics.</summary>
    public Participation? Participation { get; private set; }

    /// <summary>Optimistic concurrency: two moderators deciding at once cannot both win.</summary>
    public int Revision { get; private set; }

    public bool IsAwaitingDecision => Status is ApplicationStatus.Pending;

    public bool IsOverdue(DateTime nowUtc) => IsAwaitingDecision && nowUtc >= DueAtUtc;

    public static LabellingApplication Open(Guid eventId, Guid editionId, int editionYear, int submissionNumber, EventSnapshot snapshot, DateTime submittedAtUtc, EditionScheduleView? schedule = null)
    {
        var application = new LabellingApplication
        {
            Id = eventId,
            EditionId = editionId,
            EditionYear = editionYear,
            Status = ApplicationStatus.Pending,
        };
        application.TakeSubmission(submissionNumber, snapshot, submittedAtUtc, schedule);
        return application;
    }

    /// <summary>Takes a newer submission into account; an older or repeated one changes nothing.</summary>
    public bool Resubmit(int submissionNumber, EventSnapshot snapshot, DateTime submittedAtUtc, EditionScheduleView? schedule = null)
    {
        if (submissionNumber <= SubmissionNumber || Status is ApplicationStatus.Closed)
        {
            return false;
        }

        TakeSubmission(submissionNumber, snapshot, submittedAtUtc, schedule);
        Status = ApplicationStatus.Pending;
        return true;
    }

    /// <summary>
    /// The organiser changed a submitted, labelled or suspended event. With <paramref name="needsReview"/>
    /// the application goes back to the queue (a label stays until the moderator decides); a suspended
    /// label whose new dates pass the criteria is reinstated at once.
    /// </summary>
    public bool TakeUpdate(int eventRevision, EventSnapshot snapshot, bool needsReview, DateTime updatedAtUtc, EditionScheduleView? schedule)
    {
        if (eventRevision <= EventRevision || Status is ApplicationStatus.Closed or ApplicationStatus.Refused or ApplicationStatus.Revoked)
        {
            return false;
        }

        EventRevision = eventRevision;
        Snapshot = snapshot;
        Locate();
        Criteria = Applications.Criteria.Check(snapshot.Event, schedule, IndustryConfirmed && !needsReview);
        if (Status is ApplicationStatus.Suspended && Applications.Criteria.Blocking(Criteria).Count == 0)
        {
            // Labelled again: the moderator's confirmation of criterion 3 stands, and the organiser sees the criteria pass.
            Criteria = Applications.Criteria.Check(snapshot.Event, schedule, IndustryConfirmed);
            Record(DecisionKind.Reinstated, System, "Les nouvelles dates respectent la période de l'édition : le label est rétabli.", updatedAtUtc);
            GrantNow(System, null, updatedAtUtc, reinstated: true);
            Raise(new CriteriaCheckedDomainEvent(this));
            return true;
        }

        if (needsReview && Status is ApplicationStatus.Granted)
        {
            Status = ApplicationStatus.Pending;
            IndustryConfirmed = false;
            DueAtUtc = Deadline(updatedAtUtc);
            Record(DecisionKind.ChangedByOrganiser, Snapshot.Organiser.Email, "Dates, lieu, prix ou publics modifiés : à examiner (le label reste acquis d'ici là).", updatedAtUtc);
        }

        Revision++;
        Raise(new CriteriaCheckedDomainEvent(this));
        return true;
    }

    public Error? CheckCanBeGranted()
    {
        if (Status is ApplicationStatus.Granted)
        {
            return Error.Conflict("application.already_granted", $"Cet événement est déjà labellisé ({LabelNumber}).");
        }

        if (Status is not ApplicationStatus.Pending)
        {
            return Error.Conflict("application.not_pending", $"Cette demande n'attend pas de décision (statut : {StatusNames[Status]}).");
        }

        var blocking = Applications.Criteria.Blocking(Criteria);
        return blocking.Count == 0
            ? null
            : Error.BusinessRule("application.criteria_failed", "Le label ne peut pas être attribué : " + string.Join(" ", blocking.Select(b => $"« {Applications.Criteria.Names[b.Criterion]} » : {b.Detail}")));
    }

    public void Grant(string labelNumber, string grantedBy, string? comment, DateTime nowUtc)
    {
        if (CheckCanBeGranted() is { } error)
        {
            throw new InvalidOperationException(error.Message);
        }

        // A label number, once given to an event, stays its own.
        LabelNumber ??= labelNumber;
        IndustryConfirmed = true;
        Criteria = [.. Criteria.Select(c => c.Criterion == Criterion.AboutIndustry ? c with { Outcome = CriterionOutcome.Passed, Detail = "Confirmé par le modérateur." } : c)];
        Record(DecisionKind.Granted, grantedBy, comment, nowUtc);
        GrantNow(grantedBy, comment, nowUtc);
        Raise(new CriteriaCheckedDomainEvent(this));
    }

    public Result<ApplicationStatus> Refuse(string reason, string by, DateTime nowUtc) =>
        Decide(ApplicationStatus.Refused, DecisionKind.Refused, reason, by, nowUtc, ApplicationStatus.Pending, ApplicationStatus.ChangesRequested);

    public Result<ApplicationStatus> RequestChanges(string comment, string by, DateTime nowUtc) =>
        Decide(ApplicationStatus.ChangesRequested, DecisionKind.ChangesRequested, comment, by, nowUtc, ApplicationStatus.Pending);

    public Result<ApplicationStatus> Revoke(string reason, string by, DateTime nowUtc) =>
        LabelNumber is null
            ? Error.Conflict("application.not_labelled", "Cet événement n'a pas de label à retirer.")
            : Decide(ApplicationStatus.Revoked, DecisionKind.Revoked, reason, by, nowUtc, ApplicationStatus.Granted, ApplicationStatus.Suspended, ApplicationStatus.Pending);

    /// <summary>A rescheduling made the labelled event ineligible: its label is suspended (no one decides it).</summary>
    public bool SuspendIfIneligible(EditionScheduleView schedule, DateTime nowUtc)
    {
        var before = Criteria;
        Criteria = Applications.Criteria.Check(Snapshot.Event, schedule, IndustryConfirmed);
        var changed = !Criteria.SequenceEqual(before);
        var placeAndPeriod = Criteria.Single(c => c.Criterion == Criterion.PlaceAndPeriod);
        var suspended = LabelNumber is not null && Status is (ApplicationStatus.Granted or ApplicationStatus.Pending) && placeAndPeriod.Outcome == CriterionOutcome.Failed;
        if (suspended)
        {
            Decide(ApplicationStatus.Suspended, DecisionKind.Suspended, $"L'édition a changé de dates. {placeAndPeriod.Detail}", System, nowUtc, ApplicationStatus.Granted, ApplicationStatus.Pending);
        }
        else if (changed)
        {
            Revision++;
        }

        if (changed)
        {
            // The organiser sees the criteria as the new dates make them (Registration keeps the highest revision).
            Raise(new CriteriaCheckedDomainEvent(this));
        }

        return suspended;
    }

    /// <summary>The organiser withdrew or cancelled the event: nothing more to decide.</summary>
    public bool Close(string why, string by, DateTime nowUtc)
    {
        if (Status is ApplicationStatus.Closed)
        {
            return false;
        }

        Status = ApplicationStatus.Closed;
        Record(DecisionKind.Closed, by, why, nowUtc);
        Revision++;
        return true;
    }

    public void RecordParticipation(Participation participation) => Participation = participation;

    public static readonly IReadOnlyDictionary<ApplicationStatus, string> StatusNames = new Dictionary<ApplicationStatus, string>
    {
        [ApplicationStatus.Pending] = "à examiner",
        [ApplicationStatus.ChangesRequested] = "modifications demandées",
        [ApplicationStatus.Granted] = "labellisé",
        [ApplicationStatus.Refused] = "refusé",
        [ApplicationStatus.Revoked] = "label retiré",
        [ApplicationStatus.Suspended] = "label suspendu",
        [ApplicationStatus.Closed] = "retiré ou annulé par l'organisateur",
    };

    private Result<ApplicationStatus> Decide(ApplicationStatus to, DecisionKind kind, string message, string by, DateTime nowUtc, params ApplicationStatus[] from)
    {
        if (!from.Contains(Status))
        {
            return Error.Conflict("application.wrong_status", $"Cette décision n'est pas possible : la demande est au statut « {StatusNames[Status]} ».");
        }

        Status = to;
        DecidedAtUtc = nowUtc;
        DecisionMessage = message;
        Record(kind, by, message, nowUtc);
        Revision++;
        Raise(new ApplicationDecidedDomainEvent(this, kind));
        return Status;
    }

    private void GrantNow(string by, string? comment, DateTime nowUtc, bool reinstated = false)
    {
        LabelVersion++;
        Status = ApplicationStatus.Granted;
        GrantedAtUtc = nowUtc;
        GrantedBy = by;
        GrantComment = comment;
        DecidedAtUtc = nowUtc;
        DecisionMessage = comment;
        Revision++;
        Raise(new LabelGrantedDomainEvent(this, reinstated));
    }

    private void TakeSubmission(int submissionNumber, EventSnapshot snapshot, DateTime submittedAtUtc, EditionScheduleView? schedule)
    {
        SubmissionNumber = submissionNumber;
        Snapshot = snapshot;
        Locate();
        SubmittedAtUtc = submittedAtUtc;
        DueAtUtc = Deadline(submittedAtUtc);
        IndustryConfirmed = false;
        Criteria = Applications.Criteria.Check(snapshot.Event, schedule, industryConfirmed: false);
        Record(submissionNumber == 1 ? DecisionKind.Submitted : DecisionKind.Resubmitted, snapshot.Organiser.Email, null, submittedAtUtc);
        Revision++;
        Raise(new CriteriaCheckedDomainEvent(this, OnSubmission: true));
    }

    private void Locate()
    {
        RegionCode = Snapshot.Event.Location.RegionCode;
        DepartmentCode = Snapshot.Event.Location.DepartmentCode;
        Format = Snapshot.Event.Format;
        OrganisationId = Snapshot.Organiser.OrganisationId;
    }

    private void Record(DecisionKind kind, string by, string? comment, DateTime atUtc) =>
        Decisions.Add(new Decision(Guid.NewGuid(), Id, kind, by, atUtc, comment, LabelNumber));

    /// <summary>The end (Paris midnight) of the 4th working day after the day of <paramref name="fromUtc"/>.</summary>
    public static DateTime Deadline(DateTime fromUtc)
    {
        var day = DateOnly.FromDateTime(ParisTime.FromUtc(fromUtc));
        var lastDay = FrenchCalendar.AddWorkingDays(day, DeadlineWorkingDays);
        return ParisTime.ToInstant(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue)).UtcDateTime;
    }
}

internal sealed record Participation(int Participants, int? YoungPeople, int? JobSeekers, int? Teachers, DateTime ReportedAtUtc);

internal enum DecisionKind
{
    Submitted,
    Resubmitted,
    ChangedByOrganiser,
    Granted,
    Refused,
    ChangesRequested,
    Revoked,
    Suspended,
    Reinstated,
    Closed,
}

/// <summary>One line of an application's audit trail: who did what, when, and why.</summary>
internal sealed record Decision(Guid Id, Guid ApplicationId, DecisionKind Kind, string By, DateTime AtUtc, string? Comment, string? LabelNumber);

/// <param name="Reinstated">Granted again by itself: new dates lifted a suspension.</param>
internal sealed record LabelGrantedDomainEvent(LabellingApplication Application, bool Reinstated = false) : IDomainEvent;

internal sealed record ApplicationDecidedDomainEvent(LabellingApplication Application, DecisionKind Kind) : IDomainEvent;

/// <param name="OnSubmission">The check of a new submission (the organiser is told it was received).</param>
internal sealed record CriteriaCheckedDomainEvent(LabellingApplication Application, bool OnSubmission = false) : IDomainEvent;
