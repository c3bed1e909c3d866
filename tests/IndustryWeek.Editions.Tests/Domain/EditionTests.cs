using IndustryWeek.Editions.Contracts;
using IndustryWeek.Editions.Domain;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.PublishedLanguage;
using static IndustryWeek.Editions.Tests.Domain.EditionExamples;

namespace IndustryWeek.Editions.Tests.Domain;

public sealed class EditionTests
{
    private static readonly DateTime Now = new(2020, 1, 15, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Create_WhenCreated_IsDraftWithItsDetailsAndNoDomainEvent()
    {
        var edition = Edition.Create(Id, Details2020(), CreatedAt);

        Assert.Equal(EditionStatus.Draft, edition.Status);
        Assert.Equal(Id, edition.Id);
        Assert.Equal(10, edition.Number);
        Assert.Equal(2020, edition.Year);
        Assert.Equal("Inventer un avenir durable", edition.Theme);
        Assert.Equal(new DatePeriod(new DateOnly(2020, 3, 30), new DateOnly(2020, 4, 5)), edition.Schedule.HeadlineWeek);
        Assert.Equal(new DatePeriod(RegistrationOpens, new DateOnly(2020, 3, 20)), edition.RegistrationWindow);
        Assert.Equal(CreatedAt, edition.CreatedAtUtc);
        Assert.Equal(CreatedAt, edition.UpdatedAtUtc);
        Assert.Empty(edition.ScheduleHistory);
        Assert.Empty(edition.DomainEvents);
    }

    [Fact]
    public void Publish_WhenDraft_PublishesAndRaisesOneEditionPublished()
    {
        var edition = Draft2020();

        var error = edition.Publish(PublishedAt);

        Assert.Null(error);
        Assert.Equal(EditionStatus.Published, edition.Status);
        Assert.Equal(PublishedAt, edition.UpdatedAtUtc);
        var published = Assert.IsType<EditionPublishedDomainEvent>(Assert.Single(edition.DomainEvents));
        Assert.Same(edition, published.Edition);
    }

    [Theory]
    [InlineData(EditionStatus.Published)]
    [InlineData(EditionStatus.Closed)]
    [InlineData(EditionStatus.Archived)]
    public void Publish_WhenNotDraft_ReturnsConflictInFrenchAndChangesNothing(EditionStatus status)
    {
        var edition = InStatus(status);

        var error = edition.Publish(Now);

        AssertError(error, ErrorKind.Conflict, "edition.not_draft", "Seule une édition en brouillon peut être publiée.");
        Assert.Equal(status, edition.Status);
        Assert.Empty(edition.DomainEvents);
    }

    [Fact]
    public void Close_WhenPublished_ClosesAndRaisesOneEditionClosed()
    {
        var edition = InStatus(EditionStatus.Published);

        var error = edition.Close(Now);

        Assert.Null(error);
        Assert.Equal(EditionStatus.Closed, edition.Status);
        Assert.Equal(Now, edition.UpdatedAtUtc);
        var closed = Assert.IsType<EditionClosedDomainEvent>(Assert.Single(edition.DomainEvents));
        Assert.Same(edition, closed.Edition);
    }

    [Theory]
    [InlineData(EditionStatus.Draft)]
    [InlineData(EditionStatus.Closed)]
    [InlineData(EditionStatus.Archived)]
    public void Close_WhenNotPublished_ReturnsConflictInFrenchAndChangesNothing(EditionStatus status)
    {
        var edition = InStatus(status);

        var error = edition.Close(Now);

        AssertError(error, ErrorKind.Conflict, "edition.not_published", "Seule une édition publiée peut être clôturée.");
        Assert.Equal(status, edition.Status);
        Assert.Empty(edition.DomainEvents);
    }

    [Fact]
    public void Archive_WhenClosed_ArchivesWithoutDomainEvent()
    {
        var edition = InStatus(EditionStatus.Closed);

        var error = edition.Archive(Now);

        Assert.Null(error);
        Assert.Equal(EditionStatus.Archived, edition.Status);
        Assert.Equal(Now, edition.UpdatedAtUtc);
        Assert.Empty(edition.DomainEvents);
    }

    [Theory]
    [InlineData(EditionStatus.Draft)]
    [InlineData(EditionStatus.Published)]
    [InlineData(EditionStatus.Archived)]
    public void Archive_WhenNotClosed_ReturnsConflictInFrenchAndChangesNothing(EditionStatus status)
    {
        var edition = InStatus(status);

        var error = edition.Archive(Now);

        AssertError(error, ErrorKind.Conflict, "edition.not_closed", "Seule une édition clôturée peut être archivée.");
        Assert.Equal(status, edition.Status);
    }

    [Theory]
    [InlineData(EditionStatus.Closed)]
    [InlineData(EditionStatus.Archived)]
    public void Update_WhenClosedOrArchived_ReturnsConflictInFrenchAndChangesNothing(EditionStatus status)
    {
        var edition = InStatus(status);
        var revision = edition.Revision;

        var error = edition.Update(Details2020(theme: "Un autre thème"), Now);

        AssertError(error, ErrorKind.Conflict, "edition.not_editable", "Une édition clôturée ou archivée ne peut plus être modifiée.");
        Assert.Equal("Inventer un avenir durable", edition.Theme);
        Assert.Equal(revision, edition.Revision);
        Assert.Empty(edition.DomainEvents);
    }

    [Fact]
    public void Update_WhenPublishedAndScheduleChanges_ReturnsBusinessRuleAskingForARescheduleAndChangesNothing()
    {
        var edition = InStatus(EditionStatus.Published);
        var schedule = edition.Schedule;

        var error = edition.Update(Details2020(Postponed2020(), theme: "Un autre thème"), Now);

        AssertError(
            error,
            ErrorKind.BusinessRule,
            "edition.schedule_needs_reschedule",
            "Les dates d'une édition publiée se changent par une reprogrammation, avec son motif.");
        Assert.Same(schedule, edition.Schedule);
        Assert.Equal("Inventer un avenir durable", edition.Theme);
        Assert.Empty(edition.ScheduleHistory);
        Assert.Empty(edition.DomainEvents);
    }

    [Fact]
    public void Update_WhenPublishedAndOnlyThemeChanges_AppliesItAndRaisesOneEditionUpdated()
    {
        var edition = InStatus(EditionStatus.Published);

        // An equal schedule, not the same instance: what an administrator sends back unchanged.
        var error = edition.Update(Details2020(FirstPlanned2020(), theme: "Inventer un avenir durable et solidaire"), Now);

        Assert.Null(error);
        Assert.Equal("Inventer un avenir durable et solidaire", edition.Theme);
        Assert.Equal(EditionStatus.Published, edition.Status);
        Assert.Equal(Now, edition.UpdatedAtUtc);
        var updated = Assert.IsType<EditionUpdatedDomainEvent>(Assert.Single(edition.DomainEvents));
        Assert.Same(edition, updated.Edition);
    }

    [Fact]
    public void Update_WhenDraftAndScheduleChanges_AppliesItWithoutDomainEvent()
    {
        var edition = InStatus(EditionStatus.Draft);
        var postponed = Postponed2020();

        var error = edition.Update(Details2020(postponed), Now);

        Assert.Null(error);
        Assert.Same(postponed, edition.Schedule);
        Assert.Empty(edition.ScheduleHistory);
        Assert.Empty(edition.DomainEvents);
    }

    [Theory]
    [InlineData(EditionStatus.Draft)]
    [InlineData(EditionStatus.Closed)]
    [InlineData(EditionStatus.Archived)]
    public void Reschedule_WhenNotPublished_ReturnsConflictInFrenchAndChangesNothing(EditionStatus status)
    {
        var edition = InStatus(status);
        var schedule = edition.Schedule;

        var error = edition.Reschedule(Postponed2020(), Covid19, Administrator, RescheduledAt);

        AssertError(error, ErrorKind.Conflict, "edition.not_published", "Seule une édition publiée peut être reprogrammée.");
        Assert.Same(schedule, edition.Schedule);
        Assert.Empty(edition.ScheduleHistory);
        Assert.Empty(edition.DomainEvents);
    }

    [Fact]
    public void Reschedule_WhenDatesAreIdentical_ReturnsBusinessRuleAndKeepsNoHistory()
    {
        var edition = InStatus(EditionStatus.Published);
        var revision = edition.Revision;

        var error = edition.Reschedule(FirstPlanned2020(), Covid19, Administrator, RescheduledAt);

        AssertError(error, ErrorKind.BusinessRule, "edition.same_schedule", "Les nouvelles dates sont identiques aux dates actuelles.");
        Assert.Equal(revision, edition.Revision);
        Assert.Empty(edition.ScheduleHistory);
        Assert.Empty(edition.DomainEvents);
    }

    [Fact]
    public void Reschedule_WhenOnlyTheOrderOfRegionalPeriodsDiffers_ReturnsBusinessRuleSameSchedule()
    {
        var hautsDeFrance = new RegionalPeriod("32", new DateOnly(2020, 3, 16), new DateOnly(2020, 4, 19));
        var ileDeFrance = new RegionalPeriod("11", new DateOnly(2020, 3, 23), new DateOnly(2020, 4, 12));
        var edition = InStatus(EditionStatus.Published, FirstPlanned2020() with { RegionalPeriods = [hautsDeFrance, ileDeFrance] });

        var error = edition.Reschedule(FirstPlanned2020() with { RegionalPeriods = [ileDeFrance, hautsDeFrance] }, Covid19, Administrator, RescheduledAt);

        AssertError(error, ErrorKind.BusinessRule, "edition.same_schedule", "Les nouvelles dates sont identiques aux dates actuelles.");
        Assert.Empty(edition.DomainEvents);
    }

    [Fact]
    public void Reschedule_WhenRegistrationClosesBeforeItOpens_ReturnsBusinessRuleNamingTheOpeningDate()
    {
        var edition = InStatus(EditionStatus.Published);

        var error = edition.Reschedule(
            Postponed2020() with { RegistrationCloses = RegistrationOpens.AddDays(-1) }, Covid19, Administrator, RescheduledAt);

        AssertError(
            error,
            ErrorKind.BusinessRule,
            "edition.registration_closes_before_opening",
            "La clôture des inscriptions doit être postérieure à leur ouverture (2 décembre 2019).");
        Assert.Equal(new DateOnly(2020, 3, 20), edition.Schedule.RegistrationCloses);
        Assert.Empty(edition.ScheduleHistory);
        Assert.Empty(edition.DomainEvents);
    }

    [Fact]
    public void Reschedule_WhenRegistrationClosesOnTheDayItOpens_ReturnsBusinessRule()
    {
        // « registration closes … after it opens »: creation and update refuse closes == opens
        // (EditionFieldsValidator, closes > opens), and the domain's own message says « postérieure ».
        var edition = InStatus(EditionStatus.Published);

        var error = edition.Reschedule(
            Postponed2020() with { RegistrationCloses = RegistrationOpens }, Covid19, Administrator, RescheduledAt);

        AssertError(
            error,
            ErrorKind.BusinessRule,
            "edition.registration_closes_before_opening",
            "La clôture des inscriptions doit être postérieure à leur ouverture (2 décembre 2019).");
        Assert.Empty(edition.ScheduleHistory);
    }

    [Fact]
    public void Reschedule_WhenPublished_MovesTheDatesAndKeepsTheChangeInHistory()
    {
        var edition = InStatus(EditionStatus.Published);
        var previous = edition.Schedule;
        var postponed = Postponed2020();

        var error = edition.Reschedule(postponed, Covid19, Administrator, RescheduledAt);

        Assert.Null(error);
        Assert.Equal(EditionStatus.Published, edition.Status);
        Assert.Same(postponed, edition.Schedule);
        Assert.Equal(RescheduledAt, edition.UpdatedAtUtc);
        var change = Assert.Single(edition.ScheduleHistory);
        Assert.Equal(RescheduledAt, change.ChangedAtUtc);
        Assert.Equal(Administrator, change.ChangedBy);
        Assert.Equal(Covid19, change.Reason);
        Assert.Same(previous, change.Previous);
        Assert.Same(postponed, change.Current);
    }

    [Fact]
    public void Reschedule_WhenPublished_RaisesExactlyOneEditionRescheduledCarryingThePreviousSchedule()
    {
        var edition = InStatus(EditionStatus.Published);
        var previous = edition.Schedule;

        edition.Reschedule(Postponed2020(), Covid19, Administrator, RescheduledAt);

        var rescheduled = Assert.IsType<EditionRescheduledDomainEvent>(Assert.Single(edition.DomainEvents));
        Assert.Same(edition, rescheduled.Edition);
        Assert.Same(previous, rescheduled.Previous);
        Assert.Equal(new DatePeriod(new DateOnly(2020, 3, 30), new DateOnly(2020, 4, 5)), rescheduled.Previous.HeadlineWeek);
        Assert.Equal(Covid19, rescheduled.Reason);
    }

    [Fact]
    public void Reschedule_WhenRescheduledTwice_KeepsEveryScheduleInOrder()
    {
        var edition = InStatus(EditionStatus.Published);
        var first = edition.Schedule;
        var postponed = Postponed2020();
        var postponedAgain = postponed with
        {
            HeadlineWeek = new DatePeriod(new DateOnly(2020, 11, 23), new DateOnly(2020, 11, 29)),
            EventPeriod = new DatePeriod(new DateOnly(2020, 11, 23), new DateOnly(2020, 11, 29)),
        };

        edition.Reschedule(postponed, Covid19, Administrator, RescheduledAt);
        var error = edition.Reschedule(postponedAgain, "Confinement de novembre.", "autre.admin@example.fr", RescheduledAt.AddDays(200));

        Assert.Null(error);
        Assert.Collection(
            edition.ScheduleHistory,
            c =>
            {
                Assert.Same(first, c.Previous);
                Assert.Same(postponed, c.Current);
                Assert.Equal(Covid19, c.Reason);
            },
            c =>
            {
                Assert.Same(postponed, c.Previous);
                Assert.Same(postponedAgain, c.Current);
                Assert.Equal("Confinement de novembre.", c.Reason);
                Assert.Equal("autre.admin@example.fr", c.ChangedBy);
            });
        Assert.Equal(2, edition.DomainEvents.OfType<EditionRescheduledDomainEvent>().Count());
    }

    [Theory]
    [InlineData(2019, 12, 1, false)]
    [InlineData(2019, 12, 2, true)]
    [InlineData(2020, 1, 15, true)]
    [InlineData(2020, 3, 20, true)]
    [InlineData(2020, 3, 21, false)]
    public void IsOpenForRegistration_WhenPublished_IsOpenFromFirstToLastDayInclusive(int year, int month, int day, bool expected)
    {
        var edition = InStatus(EditionStatus.Published);

        Assert.Equal(expected, edition.IsOpenForRegistration(new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData(EditionStatus.Draft)]
    [InlineData(EditionStatus.Closed)]
    [InlineData(EditionStatus.Archived)]
    public void IsOpenForRegistration_WhenNotPublished_IsNeverOpenEvenInsideTheWindow(EditionStatus status)
    {
        var edition = InStatus(status);

        Assert.False(edition.IsOpenForRegistration(RegistrationOpens));
        Assert.False(edition.IsOpenForRegistration(new DateOnly(2020, 1, 15)));
        Assert.False(edition.IsOpenForRegistration(new DateOnly(2020, 3, 20)));
    }

    private static void AssertError(Error? error, ErrorKind kind, string code, string message)
    {
        Assert.NotNull(error);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }
}
