using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Shared.PublishedLanguage;
using static IndustryWeek.Registration.Tests.Domain.Events.EventExamples;

namespace IndustryWeek.Registration.Tests.Domain.Events;

public sealed class EventTests
{
    [Fact]
    public void Create_IsADraftThatOnlyTheDraftsCountHearsOf()
    {
        var draft = Draft();

        Assert.Equal(EventStatus.Draft, draft.Status);
        Assert.Equal(("Visite de l'usine de Valenciennes", "32", "59"), (draft.Title, draft.RegionCode, draft.DepartmentCode));
        Assert.Equal(new DateTime(2027, 3, 23, 8, 0, 0, DateTimeKind.Utc), draft.FirstSessionStart); // 9 h in Paris
        Assert.Equal(DateTimeKind.Utc, draft.FirstSessionStart.Kind);
        Assert.Equal(0, draft.SubmissionNumber);
        Assert.IsType<DraftChangedDomainEvent>(Assert.Single(draft.DomainEvents)); // the edition dashboard counts it
        Assert.True(draft.DraftAnnounced);
    }

    [Fact]
    public void AnnounceDraft_TellsOfADraftOnce_AndNeverOfASubmittedEvent()
    {
        var draft = Draft();
        draft.ClearDomainEvents();
        var submitted = Submitted();

        draft.AnnounceDraft(); // announced at creation already
        submitted.AnnounceDraft();

        Assert.Empty(draft.DomainEvents);
        Assert.Empty(submitted.DomainEvents);
    }

    [Fact]
    public void Update_WhenDraft_OnlyTheDraftsCountIsTold()
    {
        var draft = Draft();
        draft.ClearDomainEvents();

        var result = draft.Update(FactoryVisit() with { Title = "Portes ouvertes de l'usine" }, Organiser, Now.AddHours(1));

        Assert.True(result.IsSuccess);
        Assert.Equal("Portes ouvertes de l'usine", draft.Title);
        Assert.IsType<DraftChangedDomainEvent>(Assert.Single(draft.DomainEvents));
    }

    [Fact]
    public void Update_WhenSubmitted_TheModeratorMustLookAgain()
    {
        var submitted = Submitted();

        submitted.Update(FactoryVisit() with { Description = "Une nouvelle description, plus précise, de la visite." }, Organiser, Now.AddHours(1));

        var updated = Assert.IsType<EventUpdatedDomainEvent>(Assert.Single(submitted.DomainEvents));
        Assert.True(updated.NeedsReview);
        Assert.False(submitted.ReviewPending); // only a labelled event waits for a new review
    }

    public static TheoryData<string, bool> LabelledChanges() => new()
    {
        { "description", false },
        { "title", false },
        { "booking", false },
        { "contact", false },
        { "audiences-reordered", false },
        { "sessions", true },
        { "place", true },
        { "price", true },
        { "audiences", true },
    };

    [Theory]
    [MemberData(nameof(LabelledChanges))]
    public void Update_WhenLabelled_OnlyDatesPlacePriceOrAudiencesSendItBackToReview(string change, bool needsReview)
    {
        var labelled = Labelled();
        var details = FactoryVisit();
        details = change switch
        {
            "description" => details with { Description = "Découverte des robots de soudure et des métiers de la maintenance." },
            "title" => details with { Title = "Visite de l'usine Exemple" },
            "booking" => details with { Booking = new EventBooking(true, "https://usine-exemple.fr/inscription", 30) },
            "contact" => details with { PublicContact = new EventContact("contact@usine-exemple.fr", null) },
            "audiences-reordered" => details with { Audiences = [Audience.JobSeekers, Audience.Pupils] },
            "sessions" => details with { Sessions = [new EventSession(Local("2027-03-24T09:00"), Local("2027-03-24T12:00"))] },
            "place" => details with { Location = details.Location with { Street = "3 rue de l'Industrie" } },
            "price" => details with { IsFree = false },
            _ => details with { Audiences = [Audience.Pupils] },
        };

        var result = labelled.Update(details, Organiser, Now.AddDays(2));

        Assert.Equal(EventStatus.Labelled, result.Value);
        Assert.Equal("SDI-2027-000001", labelled.LabelNumber);
        Assert.Equal(needsReview, labelled.ReviewPending);
        Assert.Equal(needsReview, Assert.IsType<EventUpdatedDomainEvent>(Assert.Single(labelled.DomainEvents)).NeedsReview);
    }

    [Fact]
    public void Update_WhenALabelledEventWaitsForReview_ARewordingStillNeedsIt()
    {
        var labelled = Labelled();
        labelled.Update(FactoryVisit(("2027-03-24T09:00", "2027-03-24T12:00")), Organiser, Now.AddDays(2));
        labelled.ClearDomainEvents();

        labelled.Update(FactoryVisit(("2027-03-24T09:00", "2027-03-24T12:00")) with { Title = "Visite de l'usine Exemple" }, Organiser, Now.AddDays(3));

        Assert.True(labelled.ReviewPending);
        Assert.True(Assert.IsType<EventUpdatedDomainEvent>(Assert.Single(labelled.DomainEvents)).NeedsReview);
    }

    [Theory]
    [InlineData("Withdrawn", "Un événement au statut « Retiré » ne peut plus être modifié.")]
    [InlineData("Cancelled", "Un événement au statut « Annulé » ne peut plus être modifié.")]
    public void Update_WhenWithdrawnOrCancelled_IsRefused(string statusName, string message)
    {
        var status = Enum.Parse<EventStatus>(statusName);
        var ended = status == EventStatus.Withdrawn ? Draft() : Labelled();
        var done = status == EventStatus.Withdrawn ? ended.Withdraw(Organiser, Now) : ended.Cancel("Le site ferme pour travaux.", Organiser, Now.AddDays(2));
        Assert.Equal(status, done.Value);
        ended.ClearDomainEvents();

        var result = ended.Update(FactoryVisit() with { Title = "Autre titre" }, Organiser, Now.AddDays(3));

        Assert.Equal(message, result.Error!.Message);
        Assert.Equal("Visite de l'usine de Valenciennes", ended.Title);
        Assert.Empty(ended.DomainEvents);
    }

    [Fact]
    public void Submit_WhenRegistrationIsOpen_SubmittedOnceWithItsNumber()
    {
        var draft = Draft();
        draft.ClearDomainEvents();

        var first = draft.Submit(Organiser, registrationOpen: true, Now.AddHours(1));
        var again = draft.Submit(Organiser, registrationOpen: true, Now.AddHours(2));

        Assert.Equal(1, first.Value);
        Assert.Equal("Un événement au statut « En cours d'examen » ne peut pas être soumis.", again.Error!.Message);
        Assert.Equal(EventStatus.Submitted, draft.Status);
        Assert.Equal(Now.AddHours(1), draft.SubmittedAtUtc);
        // Labelling opens the application, and stops counting a draft.
        Assert.Equal([typeof(EventSubmittedDomainEvent), typeof(DraftChangedDomainEvent)], draft.DomainEvents.Select(e => e.GetType()));
    }

    [Fact]
    public void Submit_WhenRegistrationIsClosed_StaysADraft()
    {
        var draft = Draft();
        draft.ClearDomainEvents();

        var result = draft.Submit(Organiser, registrationOpen: false, Now);

        Assert.Equal("event.registration_closed", result.Error!.Code);
        Assert.Equal("Les inscriptions à la Semaine de l'industrie 2027 ne sont pas ouvertes : l'événement ne peut pas être soumis.", result.Error.Message);
        Assert.Equal(EventStatus.Draft, draft.Status);
        Assert.Empty(draft.DomainEvents);
    }

    [Fact]
    public void Submit_AfterChangesRequested_CountsTheSecondSubmission()
    {
        var submitted = Submitted();
        Assert.True(submitted.ApplyDecision(EventStatus.ChangesRequested, "Précisez l'âge minimum.", Now.AddDays(1)));

        var result = submitted.Submit(Organiser, registrationOpen: true, Now.AddDays(2));

        Assert.Equal(2, result.Value);
        Assert.Equal(EventStatus.Submitted, submitted.Status);
        Assert.DoesNotContain(submitted.DomainEvents, e => e is DraftChangedDomainEvent); // not a draft since its first submission
    }

    [Fact]
    public void Withdraw_WhenNeverSubmitted_OnlyTheDraftsCountIsToldAndWhenSubmittedLabellingIs()
    {
        var draft = Draft();
        draft.ClearDomainEvents();
        var submitted = Submitted();

        draft.Withdraw(Organiser, Now.AddHours(1));
        submitted.Withdraw(Organiser, Now.AddHours(1));

        Assert.Equal(EventStatus.Withdrawn, draft.Status);
        Assert.IsType<DraftChangedDomainEvent>(Assert.Single(draft.DomainEvents));
        Assert.Equal(EventStatus.Withdrawn, submitted.Status);
        Assert.IsType<EventWithdrawnDomainEvent>(Assert.Single(submitted.DomainEvents));
    }

    [Fact]
    public void Withdraw_WhenLabelled_IsRefusedInFavourOfCancelling()
    {
        var labelled = Labelled();

        var result = labelled.Withdraw(Organiser, Now.AddDays(2));

        Assert.Equal("Un événement labellisé ne se retire pas : annulez-le.", result.Error!.Message);
        Assert.Equal(EventStatus.Labelled, labelled.Status);
    }

    [Fact]
    public void Cancel_OnlyALabelledOrSuspendedEvent()
    {
        var submitted = Submitted();
        var labelled = Labelled();
        var suspended = Labelled();
        suspended.ApplyDecision(EventStatus.Suspended, "Nouvelles dates de l'édition.", Now.AddDays(2));

        var notLabelled = submitted.Cancel("Le site ferme pour travaux.", Organiser, Now.AddDays(3));
        labelled.Cancel("Le site ferme pour travaux.", Organiser, Now.AddDays(3));
        suspended.Cancel("Le site ferme pour travaux.", Organiser, Now.AddDays(3));

        Assert.Equal("Seul un événement labellisé s'annule ; un événement non labellisé se retire.", notLabelled.Error!.Message);
        Assert.Equal((EventStatus.Cancelled, "Le site ferme pour travaux."), (labelled.Status, labelled.CancellationReason));
        Assert.IsType<EventCancelledDomainEvent>(Assert.Single(labelled.DomainEvents));
        Assert.Equal(EventStatus.Cancelled, suspended.Status);
    }

    [Fact]
    public void ReportParticipation_WhenTheLastSessionEndsInParisSummerTime_AcceptedFromThatInstantOnly()
    {
        // Sunday 28 March 2027, 12 h in Paris, already summer time (UTC+2): 10 h UTC.
        var labelled = Labelled(FactoryVisit(("2027-03-23T09:00", "2027-03-23T12:00"), ("2027-03-28T09:00", "2027-03-28T12:00")));
        var before = new DateTime(2027, 3, 28, 9, 59, 0, DateTimeKind.Utc);
        var atTheEnd = new DateTime(2027, 3, 28, 10, 0, 0, DateTimeKind.Utc);

        var tooEarly = labelled.ReportParticipation(new ParticipationReport(40, 30, null, 2, before), Organiser);
        var reported = labelled.ReportParticipation(new ParticipationReport(42, 30, null, 2, atTheEnd), Organiser);

        Assert.Equal("Le bilan se déclare après l'événement, qui se termine le 28 mars 2027 à 12 h 00.", tooEarly.Error!.Message);
        Assert.True(reported.IsSuccess);
        Assert.Equal(42, labelled.Participation!.Participants);
        Assert.IsType<ParticipationReportedDomainEvent>(Assert.Single(labelled.DomainEvents));
    }

    [Fact]
    public void ReportParticipation_WhenNotLabelled_IsRefused()
    {
        var submitted = Submitted();

        var result = submitted.ReportParticipation(new ParticipationReport(40, null, null, null, new DateTime(2027, 4, 1, 0, 0, 0, DateTimeKind.Utc)), Organiser);

        Assert.Equal("Seul un événement labellisé fait l'objet d'un bilan de participation.", result.Error!.Message);
        Assert.Null(submitted.Participation);
    }

    [Fact]
    public void ApplyLabel_WhenAnOlderVersionArrivesLate_ChangesNothing()
    {
        var submitted = Submitted();

        Assert.True(submitted.ApplyLabel("SDI-2027-000042", 2, Now.AddDays(2)));
        Assert.False(submitted.ApplyLabel("SDI-2027-000041", 1, Now.AddDays(3)));
        Assert.False(submitted.ApplyLabel("SDI-2027-000042", 2, Now.AddDays(3)));

        Assert.Equal(("SDI-2027-000042", 2), (submitted.LabelNumber, submitted.LabelVersion));
    }

    [Fact]
    public void ApplyLabel_WhenWithdrawnMeanwhile_ChangesNothing()
    {
        var submitted = Submitted();
        submitted.Withdraw(Organiser, Now.AddHours(1));

        Assert.False(submitted.ApplyLabel("SDI-2027-000001", 1, Now.AddDays(1)));
        Assert.Equal(EventStatus.Withdrawn, submitted.Status);
        Assert.Null(submitted.LabelNumber);
    }

    [Fact]
    public void ApplyDecision_WhenOlderThanTheLastOne_ChangesNothing()
    {
        var submitted = Submitted();

        Assert.True(submitted.ApplyDecision(EventStatus.ChangesRequested, "Précisez l'âge minimum.", Now.AddHours(2)));
        Assert.False(submitted.ApplyDecision(EventStatus.Refused, "Décision plus ancienne.", Now.AddHours(1)));

        Assert.Equal((EventStatus.ChangesRequested, "Précisez l'âge minimum."), (submitted.Status, submitted.ModeratorMessage));
    }

    [Fact]
    public void FlagOutsideSchedule_WhenASessionLeavesTheNewPeriod_WarnsUntilTheDatesChange()
    {
        var submitted = Submitted();
        var newPeriod = new DatePeriod(new DateOnly(2027, 3, 24), new DateOnly(2027, 4, 4));

        var flagged = submitted.FlagOutsideSchedule(newPeriod, Now.AddDays(1));
        var warning = submitted.ScheduleWarning;
        submitted.Update(FactoryVisit(("2027-03-25T14:00", "2027-03-25T17:30")), Organiser, Now.AddDays(2));

        Assert.True(flagged);
        Assert.Equal("L'édition 2027 a changé de dates : les séances doivent maintenant avoir lieu du 24 mars 2027 au 4 avril 2027. Modifiez les dates de votre événement.", warning);
        Assert.Null(submitted.ScheduleWarning);
    }

    [Fact]
    public void FlagOutsideSchedule_WhenInsideOrWithdrawn_NoWarning()
    {
        var inside = Submitted();
        var withdrawn = Draft();
        withdrawn.Withdraw(Organiser, Now);
        var newPeriod = new DatePeriod(new DateOnly(2027, 4, 1), new DateOnly(2027, 4, 7));

        Assert.False(inside.FlagOutsideSchedule(new DatePeriod(new DateOnly(2027, 3, 22), new DateOnly(2027, 3, 28)), Now));
        Assert.False(withdrawn.FlagOutsideSchedule(newPeriod, Now));
        Assert.Null(inside.ScheduleWarning);
        Assert.Null(withdrawn.ScheduleWarning);
    }
}
