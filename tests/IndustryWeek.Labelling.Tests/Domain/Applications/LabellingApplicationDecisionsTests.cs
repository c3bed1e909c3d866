using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Labelling.Tests.Domain.Applications;

/// <summary>
/// The moderators' decisions, the committee's deadline, the automatic suspension and reinstatement,
/// and the audit trail. The 2020 edition: 16 – 22 November nationally, Hauts-de-France from 9 to 29 November.
/// </summary>
public sealed class LabellingApplicationDecisionsTests
{
    private const string Moderator = "moderatrice@prefecture-hdf.fr";
    private const string Organiser = "organisatrice@acieries-du-nord.fr";
    private static readonly Guid EventId = Guid.Parse("0b8f5f5e-2f6c-4f7a-9a37-5a0b9e1f0c11");
    private static readonly Guid EditionId = Guid.Parse("7d2c9a61-3a1e-4e0b-8f0d-2b4c6e8a0f22");
    private static readonly DateTime SubmittedAt = new(2020, 10, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime DecidedAt = new(2020, 10, 5, 9, 30, 0, DateTimeKind.Utc);

    private static readonly EditionScheduleView November = new(
        new DatePeriod(new DateOnly(2020, 11, 16), new DateOnly(2020, 11, 22)),
        [new RegionalPeriod("32", new DateOnly(2020, 11, 9), new DateOnly(2020, 11, 29))]);

    /// <summary>Moved a week later, Hauts-de-France with no period of its own any more.</summary>
    private static readonly EditionScheduleView MovedAWeekLater = new(new DatePeriod(new DateOnly(2020, 11, 23), new DateOnly(2020, 11, 29)), []);

    // ---- the committee's deadline ----

    [Fact]
    public void Deadline_WhenSubmittedAt2330InParis_CountsFromThatParisDayAcrossEasterMonday()
    {
        // Thursday 9 April 2020, 23 h 30 in Paris (summer time) is 21 h 30 UTC.
        var deadline = LabellingApplication.Deadline(new DateTime(2020, 4, 9, 21, 30, 0, DateTimeKind.Utc));

        // Friday 10, (Easter Monday 13), Tuesday 14, Wednesday 15, Thursday 16: until the end of Thursday 16 April in Paris.
        Assert.Equal(new DateTime(2020, 4, 16, 22, 0, 0, DateTimeKind.Utc), deadline);
    }

    [Fact]
    public void Deadline_WhenSubmittedAt0030InParisButStillTheDayBeforeInUtc_CountsFromTheParisDay()
    {
        // Friday 10 April 2020, 0 h 30 in Paris, is still Thursday 9 April in UTC.
        var deadline = LabellingApplication.Deadline(new DateTime(2020, 4, 9, 22, 30, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2020, 4, 17, 22, 0, 0, DateTimeKind.Utc), deadline);
    }

    [Fact]
    public void Deadline_InWinterAcross11November_EndsAtParisMidnight()
    {
        // Tuesday 10 November 2020, 10 h in Paris: (11 November), Thursday 12, Friday 13, Monday 16, Tuesday 17.
        var deadline = LabellingApplication.Deadline(new DateTime(2020, 11, 10, 9, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2020, 11, 17, 23, 0, 0, DateTimeKind.Utc), deadline);
    }

    [Fact]
    public void IsOverdue_FromTheDeadlineWhileAwaitingADecision_UntilDecided()
    {
        var application = Open();

        Assert.Equal(LabellingApplication.Deadline(SubmittedAt), application.DueAtUtc);
        Assert.False(application.IsOverdue(application.DueAtUtc.AddTicks(-1)));
        Assert.True(application.IsOverdue(application.DueAtUtc));
        application.Grant("SDI-2020-000001", Moderator, null, application.DueAtUtc.AddDays(1));
        Assert.False(application.IsOverdue(application.DueAtUtc.AddDays(2)));
    }

    // ---- granting: criteria 1, 2 and 4 must not fail ----

    public static TheoryData<string, string> BlockingSnapshots() => new()
    {
        { "period", "Le label ne peut pas être attribué : « En France, pendant la période de l'édition » : Hors de la période du 9 novembre 2020 au 29 novembre 2020 (période de la région Hauts-de-France) : mardi 1er décembre 2020, 9 h 00 – 12 h 00." },
        { "employees", "Le label ne peut pas être attribué : « Ouvert au public » : Réservé aux salariés de l'organisation : l'événement doit être ouvert au public." },
        { "paid", "Le label ne peut pas être attribué : « Gratuit » : L'événement est payant : seuls les événements gratuits sont labellisés." },
    };

    [Theory]
    [MemberData(nameof(BlockingSnapshots))]
    public void CheckCanBeGranted_WhenAMandatoryCriterionFails_RefusedWithTheFrenchReason(string failing, string message)
    {
        var snapshot = failing switch
        {
            "period" => Snapshots.With(sessions: [("2020-12-01T09:00", "2020-12-01T12:00")]),
            "employees" => Snapshots.With(audiences: ["Employees"]),
            _ => Snapshots.With(isFree: false),
        };
        var application = LabellingApplication.Open(EventId, EditionId, 2020, 1, snapshot, SubmittedAt, November);

        var error = application.CheckCanBeGranted();

        Assert.NotNull(error);
        Assert.Equal(ErrorKind.BusinessRule, error.Kind);
        Assert.Equal(message, error.Message);
        var thrown = Assert.Throws<InvalidOperationException>(() => application.Grant("SDI-2020-000001", Moderator, null, DecidedAt));
        Assert.Equal(message, thrown.Message);
        Assert.Equal(ApplicationStatus.Pending, application.Status);
        Assert.Null(application.LabelNumber);
    }

    [Fact]
    public void CheckCanBeGranted_WhenSeveralFail_NamesEachOne()
    {
        var application = LabellingApplication.Open(EventId, EditionId, 2020, 1, Snapshots.With(audiences: ["Employees"], isFree: false), SubmittedAt, November);

        var error = application.CheckCanBeGranted();

        Assert.NotNull(error);
        Assert.Contains("« Ouvert au public »", error.Message, StringComparison.Ordinal);
        Assert.Contains("« Gratuit »", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("« En France", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grant_WhenTheOrganiserDoesNotDeclareIndustry_TheModeratorMayStillGrantAndCriterionThreePasses()
    {
        var application = LabellingApplication.Open(EventId, EditionId, 2020, 1, Snapshots.With(aboutIndustry: false), SubmittedAt, November);

        application.Grant("SDI-2020-000001", Moderator, "Visite des ateliers de fonderie.", DecidedAt);

        Assert.Equal(ApplicationStatus.Granted, application.Status);
        var industry = application.Criteria.Single(c => c.Criterion == Criterion.AboutIndustry);
        Assert.Equal((CriterionOutcome.Passed, "Confirmé par le modérateur."), (industry.Outcome, industry.Detail));
        Assert.True(application.IndustryConfirmed);
    }

    // ---- refuse, request changes, revoke ----

    [Fact]
    public void Refuse_WhenPending_RefusedWithTheReasonTheOrganiserReads()
    {
        var application = Open();
        application.ClearDomainEvents();

        var result = application.Refuse("L'événement est payant.", Moderator, DecidedAt);

        Assert.True(result.IsSuccess);
        Assert.Equal(ApplicationStatus.Refused, application.Status);
        Assert.Equal("L'événement est payant.", application.DecisionMessage);
        Assert.Equal(DecidedAt, application.DecidedAtUtc);
        Assert.Null(application.LabelNumber);
        var decided = Assert.IsType<ApplicationDecidedDomainEvent>(Assert.Single(application.DomainEvents));
        Assert.Equal(DecisionKind.Refused, decided.Kind);
    }

    [Fact]
    public void Refuse_WhenChangesWereRequested_IsStillPossible()
    {
        var application = Open();
        application.RequestChanges("Précisez les horaires.", Moderator, DecidedAt);

        var result = application.Refuse("Pas de réponse de l'organisateur.", Moderator, DecidedAt.AddDays(3));

        Assert.True(result.IsSuccess);
        Assert.Equal(ApplicationStatus.Refused, application.Status);
    }

    [Theory]
    [InlineData("Granted", "labellisé")]
    [InlineData("Refused", "refusé")]
    [InlineData("Revoked", "label retiré")]
    [InlineData("Suspended", "label suspendu")]
    [InlineData("Closed", "retiré ou annulé par l'organisateur")]
    public void Refuse_WhenNoLongerAwaitingADecision_ConflictAndNothingChanges(string status, string statusName)
    {
        var application = InStatus(Enum.Parse<ApplicationStatus>(status));
        var before = (application.Status, application.Decisions.Count, application.Revision, application.DecisionMessage);
        application.ClearDomainEvents();

        var result = application.Refuse("Motif tardif.", Moderator, DecidedAt.AddDays(20));

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorKind.Conflict, result.Error!.Kind);
        Assert.Equal($"Cette décision n'est pas possible : la demande est au statut « {statusName} ».", result.Error.Message);
        Assert.Equal(before, (application.Status, application.Decisions.Count, application.Revision, application.DecisionMessage));
        Assert.Empty(application.DomainEvents);
    }

    [Fact]
    public void RequestChanges_WhenPending_WaitsForTheOrganiserWithTheComment()
    {
        var application = Open();
        application.ClearDomainEvents();

        var result = application.RequestChanges("Ajoutez une séance ouverte au grand public.", Moderator, DecidedAt);

        Assert.True(result.IsSuccess);
        Assert.Equal(ApplicationStatus.ChangesRequested, application.Status);
        Assert.Equal("Ajoutez une séance ouverte au grand public.", application.DecisionMessage);
        Assert.False(application.IsAwaitingDecision);
        Assert.Equal(DecisionKind.ChangesRequested, Assert.IsType<ApplicationDecidedDomainEvent>(Assert.Single(application.DomainEvents)).Kind);
    }

    [Theory]
    [InlineData("ChangesRequested")]
    [InlineData("Granted")]
    [InlineData("Refused")]
    [InlineData("Suspended")]
    [InlineData("Closed")]
    public void RequestChanges_WhenNotPending_Conflict(string status)
    {
        var application = InStatus(Enum.Parse<ApplicationStatus>(status));

        var result = application.RequestChanges("Précisez les horaires.", Moderator, DecidedAt.AddDays(20));

        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
        Assert.Equal(Enum.Parse<ApplicationStatus>(status), application.Status);
    }

    [Theory]
    [InlineData("Granted")]
    [InlineData("Suspended")]
    public void Revoke_WhenLabelledOrSuspended_RevokedKeepingItsNumber(string status)
    {
        var application = InStatus(Enum.Parse<ApplicationStatus>(status));
        application.ClearDomainEvents();

        var result = application.Revoke("Événement réservé aux salariés en réalité.", Moderator, DecidedAt.AddDays(20));

        Assert.True(result.IsSuccess);
        Assert.Equal(ApplicationStatus.Revoked, application.Status);
        Assert.Equal("SDI-2020-000001", application.LabelNumber); // never reused
        Assert.Equal("Événement réservé aux salariés en réalité.", application.DecisionMessage);
        Assert.Equal(DecisionKind.Revoked, Assert.IsType<ApplicationDecidedDomainEvent>(Assert.Single(application.DomainEvents)).Kind);
    }

    [Fact]
    public void Revoke_WhenALabelledEventIsBackUnderReview_IsPossible()
    {
        var application = InStatus(ApplicationStatus.Granted);
        application.TakeUpdate(1, Snapshots.With(sessions: [("2020-11-19T09:00", "2020-11-19T12:00")]), needsReview: true, DecidedAt.AddDays(1), November);
        Assert.Equal(ApplicationStatus.Pending, application.Status);

        var result = application.Revoke("Le nouveau programme ne fait plus découvrir l'industrie.", Moderator, DecidedAt.AddDays(2));

        Assert.True(result.IsSuccess);
        Assert.Equal(ApplicationStatus.Revoked, application.Status);
    }

    [Fact]
    public void Revoke_WhenNeverLabelled_ConflictSayingThereIsNoLabel()
    {
        var application = Open();

        var result = application.Revoke("Motif.", Moderator, DecidedAt);

        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
        Assert.Equal("Cet événement n'a pas de label à retirer.", result.Error!.Message);
        Assert.Equal(ApplicationStatus.Pending, application.Status);
    }

    [Theory]
    [InlineData("Revoked", "label retiré")]
    [InlineData("Closed", "retiré ou annulé par l'organisateur")]
    public void Revoke_WhenAlreadyRevokedOrClosed_Conflict(string status, string statusName)
    {
        var application = InStatus(Enum.Parse<ApplicationStatus>(status), labelled: true);

        var result = application.Revoke("Encore.", Moderator, DecidedAt.AddDays(30));

        Assert.Equal($"Cette décision n'est pas possible : la demande est au statut « {statusName} ».", result.Error?.Message);
    }

    // ---- the edition moves: suspension, then reinstatement ----

    [Fact]
    public void SuspendIfIneligible_WhenALabelledEventIsNowOutsideThePeriod_SuspendsWithTheFrenchReason()
    {
        var application = Granted();
        application.ClearDomainEvents();

        var suspended = application.SuspendIfIneligible(MovedAWeekLater, DecidedAt.AddDays(10));

        Assert.True(suspended);
        Assert.Equal(ApplicationStatus.Suspended, application.Status);
        Assert.Equal("SDI-2020-000001", application.LabelNumber);
        Assert.Equal(
            "L'édition a changé de dates. Hors de la période du 23 novembre 2020 au 29 novembre 2020 : mardi 17 novembre 2020, 14 h 00 – 16 h 00 ; lundi 16 novembre 2020, 9 h 00 – 12 h 00.",
            application.DecisionMessage);
        var last = application.Decisions[^1];
        Assert.Equal((DecisionKind.Suspended, LabellingApplication.System, DecidedAt.AddDays(10)), (last.Kind, last.By, last.AtUtc));
        Assert.Equal(DecisionKind.Suspended, Assert.Single(application.DomainEvents.OfType<ApplicationDecidedDomainEvent>()).Kind);
        Assert.Equal(CriterionOutcome.Failed, application.Criteria.Single(c => c.Criterion == Criterion.PlaceAndPeriod).Outcome);
        Assert.Single(application.DomainEvents.OfType<CriteriaCheckedDomainEvent>()); // the organiser sees which criterion now fails
    }

    [Fact]
    public void SuspendIfIneligible_WhenStillWithinThePeriod_KeepsTheLabel()
    {
        var application = Granted();
        var wider = new EditionScheduleView(new DatePeriod(new DateOnly(2020, 11, 12), new DateOnly(2020, 11, 25)), []);

        var suspended = application.SuspendIfIneligible(wider, DecidedAt.AddDays(10));

        Assert.False(suspended);
        Assert.Equal(ApplicationStatus.Granted, application.Status);
        Assert.Equal(DecisionKind.Granted, application.Decisions[^1].Kind);
    }

    [Fact]
    public void SuspendIfIneligible_WhenNotLabelledYet_StaysPendingButCannotBeGranted()
    {
        var application = LabellingApplication.Open(EventId, EditionId, 2020, 1, Snapshots.FactoryVisit(), SubmittedAt, November);

        application.ClearDomainEvents();
        var revision = application.Revision;

        var suspended = application.SuspendIfIneligible(MovedAWeekLater, DecidedAt);

        Assert.False(suspended);
        Assert.Equal(ApplicationStatus.Pending, application.Status);
        Assert.Equal(ErrorKind.BusinessRule, application.CheckCanBeGranted()?.Kind);
        Assert.IsType<CriteriaCheckedDomainEvent>(Assert.Single(application.DomainEvents)); // the organiser sees criterion 1 fail
        Assert.True(application.Revision > revision);
    }

    [Fact]
    public void SuspendIfIneligible_WhenTheCriteriaDoNotChange_TellsNobody()
    {
        var application = Granted();
        application.SuspendIfIneligible(November, DecidedAt.AddDays(1));
        application.ClearDomainEvents();
        var revision = application.Revision;

        var suspended = application.SuspendIfIneligible(November, DecidedAt.AddDays(2));

        Assert.False(suspended);
        Assert.Empty(application.DomainEvents);
        Assert.Equal(revision, application.Revision);
    }

    [Fact]
    public void TakeUpdate_WhenSuspendedAndTheNewDatesPass_ReinstatesTheSameLabelAsTheNextVersion()
    {
        var application = Granted();
        application.SuspendIfIneligible(MovedAWeekLater, DecidedAt.AddDays(10));
        application.ClearDomainEvents();
        var revision = application.Revision;

        var taken = application.TakeUpdate(
            1, Snapshots.With(sessions: [("2020-11-24T09:00", "2020-11-24T12:00")]), needsReview: true, DecidedAt.AddDays(12), MovedAWeekLater);

        Assert.True(taken);
        Assert.Equal(ApplicationStatus.Granted, application.Status);
        Assert.Equal("SDI-2020-000001", application.LabelNumber);
        Assert.Equal(2, application.LabelVersion);
        Assert.True(application.Revision > revision);
        var reinstated = application.Decisions[^1];
        Assert.Equal((DecisionKind.Reinstated, LabellingApplication.System), (reinstated.Kind, reinstated.By));
        Assert.Equal("Les nouvelles dates respectent la période de l'édition : le label est rétabli.", reinstated.Comment);
        Assert.Equal("SDI-2020-000001", reinstated.LabelNumber);
        Assert.Single(application.DomainEvents.OfType<LabelGrantedDomainEvent>());
        Assert.Single(application.DomainEvents.OfType<CriteriaCheckedDomainEvent>()); // the organiser sees the criteria pass again
        Assert.Equal(CriterionOutcome.Passed, application.Criteria.Single(c => c.Criterion == Criterion.PlaceAndPeriod).Outcome);
        // Labelled again: the moderator's confirmation of criterion 3 stands (new dates do not change what the event is about).
        Assert.Equal(CriterionOutcome.Passed, application.Criteria.Single(c => c.Criterion == Criterion.AboutIndustry).Outcome);
    }

    [Fact]
    public void TakeUpdate_WhenSuspendedAndTheNewDatesAreStillOutside_StaysSuspended()
    {
        var application = Granted();
        application.SuspendIfIneligible(MovedAWeekLater, DecidedAt.AddDays(10));
        application.ClearDomainEvents();

        var taken = application.TakeUpdate(
            1, Snapshots.With(sessions: [("2020-11-20T09:00", "2020-11-20T12:00")]), needsReview: true, DecidedAt.AddDays(12), MovedAWeekLater);

        Assert.True(taken);
        Assert.Equal(ApplicationStatus.Suspended, application.Status);
        Assert.Equal(1, application.LabelVersion);
        Assert.Empty(application.DomainEvents.OfType<LabelGrantedDomainEvent>());
        Assert.Single(application.DomainEvents.OfType<CriteriaCheckedDomainEvent>());
    }

    [Fact]
    public void TakeUpdate_WhenALabelledEventChangesItsDates_BackInTheQueueWithANewDeadlineTheLabelKept()
    {
        var application = Granted();
        var changedAt = new DateTime(2020, 10, 20, 8, 0, 0, DateTimeKind.Utc);

        var taken = application.TakeUpdate(1, Snapshots.With(sessions: [("2020-11-19T09:00", "2020-11-19T12:00")]), needsReview: true, changedAt, November);

        Assert.True(taken);
        Assert.Equal(ApplicationStatus.Pending, application.Status);
        Assert.Equal("SDI-2020-000001", application.LabelNumber);
        Assert.Equal(LabellingApplication.Deadline(changedAt), application.DueAtUtc);
        Assert.Equal(CriterionOutcome.ToReview, application.Criteria.Single(c => c.Criterion == Criterion.AboutIndustry).Outcome);
        var changed = application.Decisions[^1];
        Assert.Equal((DecisionKind.ChangedByOrganiser, Organiser, changedAt), (changed.Kind, changed.By, changed.AtUtc));
    }

    [Fact]
    public void TakeUpdate_WhenOnlyTheWordingChanges_StaysLabelled()
    {
        var application = Granted();

        var taken = application.TakeUpdate(1, Snapshots.With(title: "Visite de l'aciérie de Lille"), needsReview: false, DecidedAt.AddDays(1), November);

        Assert.True(taken);
        Assert.Equal(ApplicationStatus.Granted, application.Status);
        Assert.Equal("Visite de l'aciérie de Lille", application.Snapshot.Event.Title);
        Assert.Equal(CriterionOutcome.Passed, application.Criteria.Single(c => c.Criterion == Criterion.AboutIndustry).Outcome);
    }

    [Fact]
    public void TakeUpdate_WhenAnOlderRevisionArrives_ChangesNothing()
    {
        var application = Granted();
        application.TakeUpdate(3, Snapshots.With(title: "Visite de l'aciérie de Lille"), needsReview: false, DecidedAt.AddDays(2), November);

        var taken = application.TakeUpdate(2, Snapshots.With(title: "Ancien titre"), needsReview: true, DecidedAt.AddDays(1), November);

        Assert.False(taken);
        Assert.Equal("Visite de l'aciérie de Lille", application.Snapshot.Event.Title);
        Assert.Equal(ApplicationStatus.Granted, application.Status);
    }

    // ---- the organiser withdraws or cancels ----

    [Fact]
    public void Close_WhenWithdrawn_NothingMoreIsDecidedOrResubmitted()
    {
        var application = Open();

        var closed = application.Close("L'organisateur a retiré l'événement.", Organiser, DecidedAt);

        Assert.True(closed);
        Assert.Equal(ApplicationStatus.Closed, application.Status);
        Assert.False(application.Close("Encore.", Organiser, DecidedAt.AddDays(1)));
        Assert.False(application.Resubmit(2, Snapshots.FactoryVisit(), DecidedAt.AddDays(1)));
        Assert.False(application.TakeUpdate(1, Snapshots.FactoryVisit(), needsReview: true, DecidedAt.AddDays(1), November));
        Assert.NotNull(application.CheckCanBeGranted());
        Assert.Equal(ApplicationStatus.Closed, application.Status);
        Assert.Equal(2, application.Decisions.Count);
    }

    // ---- the audit trail ----

    [Fact]
    public void Decisions_AfterEachStep_RecordWhoWhenWhatAndWhy()
    {
        var application = LabellingApplication.Open(EventId, EditionId, 2020, 1, Snapshots.FactoryVisit(), SubmittedAt, November);
        application.RequestChanges("Précisez le public accueilli.", Moderator, SubmittedAt.AddDays(1));
        application.Resubmit(2, Snapshots.FactoryVisit(), SubmittedAt.AddDays(2), November);
        application.Grant("SDI-2020-000004", "admin@semaine-industrie.fr", "Bel événement.", SubmittedAt.AddDays(3));
        application.SuspendIfIneligible(MovedAWeekLater, SubmittedAt.AddDays(4));
        application.Revoke("Les nouvelles dates n'ont pas été données.", Moderator, SubmittedAt.AddDays(5));

        Assert.Equal(
            [
                (DecisionKind.Submitted, Organiser, SubmittedAt, null, null),
                (DecisionKind.ChangesRequested, Moderator, SubmittedAt.AddDays(1), "Précisez le public accueilli.", null),
                (DecisionKind.Resubmitted, Organiser, SubmittedAt.AddDays(2), null, null),
                (DecisionKind.Granted, "admin@semaine-industrie.fr", SubmittedAt.AddDays(3), "Bel événement.", "SDI-2020-000004"),
                (DecisionKind.Suspended, LabellingApplication.System, SubmittedAt.AddDays(4), application.Decisions[4].Comment, "SDI-2020-000004"),
                (DecisionKind.Revoked, Moderator, SubmittedAt.AddDays(5), "Les nouvelles dates n'ont pas été données.", "SDI-2020-000004"),
            ],
            application.Decisions.Select(d => (d.Kind, d.By, d.AtUtc, d.Comment, d.LabelNumber)));
        Assert.StartsWith("L'édition a changé de dates. Hors de la période du 23 novembre 2020", application.Decisions[4].Comment, StringComparison.Ordinal);
        Assert.All(application.Decisions, d => Assert.Equal(EventId, d.ApplicationId));
        Assert.Equal(6, application.Decisions.Select(d => d.Id).Distinct().Count());
    }

    private static LabellingApplication Open() =>
        LabellingApplication.Open(EventId, EditionId, 2020, 1, Snapshots.FactoryVisit(), SubmittedAt, November);

    private static LabellingApplication Granted()
    {
        var application = Open();
        application.Grant("SDI-2020-000001", Moderator, null, DecidedAt);
        return application;
    }

    /// <summary>An application brought to <paramref name="status"/> the way it happens (labelled first when <paramref name="labelled"/>).</summary>
    private static LabellingApplication InStatus(ApplicationStatus status, bool labelled = false)
    {
        var application = labelled || status is ApplicationStatus.Granted or ApplicationStatus.Suspended or ApplicationStatus.Revoked ? Granted() : Open();
        var later = DecidedAt.AddDays(5);
        switch (status)
        {
            case ApplicationStatus.ChangesRequested:
                application.RequestChanges("Précisez les horaires.", Moderator, later);
                break;
            case ApplicationStatus.Refused:
                application.Refuse("L'événement est payant.", Moderator, later);
                break;
            case ApplicationStatus.Suspended:
                application.SuspendIfIneligible(MovedAWeekLater, later);
                break;
            case ApplicationStatus.Revoked:
                application.Revoke("Événement annulé sans prévenir.", Moderator, later);
                break;
            case ApplicationStatus.Closed:
                application.Close("L'organisateur a retiré l'événement.", Organiser, later);
                break;
        }

        Assert.Equal(status, application.Status);
        return application;
    }
}
