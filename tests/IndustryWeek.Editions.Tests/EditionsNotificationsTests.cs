using IndustryWeek.Editions.Contracts;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.PublishedLanguage;
using static IndustryWeek.Editions.Tests.Domain.EditionExamples;

namespace IndustryWeek.Editions.Tests;

public sealed class EditionsNotificationsTests
{
    [Fact]
    public void From_WhenRescheduled_PublishesExactlyOneEditionRescheduled()
    {
        var edition = InStatus(EditionStatus.Published);

        edition.Reschedule(Postponed2020(), Covid19, Administrator, RescheduledAt);

        var notification = Assert.Single(edition.DomainEvents.SelectMany(EditionsNotifications.From));
        Assert.IsType<EditionRescheduled>(notification);
    }

    [Fact]
    public void From_WhenRescheduled_CarriesTheFirstPlannedDatesAsPreviousSchedule()
    {
        var rescheduled = Postpone2020();

        var previous = rescheduled.PreviousSchedule;
        Assert.Equal(new DatePeriod(new DateOnly(2020, 3, 30), new DateOnly(2020, 4, 5)), previous.HeadlineWeek);
        Assert.Equal(new DatePeriod(new DateOnly(2020, 3, 30), new DateOnly(2020, 4, 5)), previous.EventPeriod);
        Assert.Equal([new RegionalPeriod("32", new DateOnly(2020, 3, 16), new DateOnly(2020, 4, 19))], previous.RegionalPeriods);
        Assert.Equal(new DatePeriod(new DateOnly(2020, 3, 16), new DateOnly(2020, 4, 19)), previous.EventPeriodFor("32"));
        Assert.Equal(new DateOnly(2020, 3, 20), previous.RegistrationCloses);
    }

    [Fact]
    public void From_WhenRescheduled_CarriesTheEditionWithItsNewScheduleAndTheReason()
    {
        var rescheduled = Postpone2020();

        var edition = rescheduled.Edition;
        Assert.Equal(Id, edition.Id);
        Assert.Equal(10, edition.Number);
        Assert.Equal(2020, edition.Year);
        Assert.Equal(EditionStatus.Published, edition.Status);
        Assert.Equal(new DatePeriod(new DateOnly(2020, 11, 16), new DateOnly(2020, 11, 22)), edition.Schedule.HeadlineWeek);
        Assert.Equal(new DatePeriod(new DateOnly(2020, 11, 16), new DateOnly(2020, 11, 22)), edition.Schedule.EventPeriod);
        Assert.Empty(edition.Schedule.RegionalPeriods);
        Assert.Equal(new DatePeriod(new DateOnly(2020, 11, 16), new DateOnly(2020, 11, 22)), edition.Schedule.EventPeriodFor("32"));
        Assert.Equal(new DateOnly(2020, 11, 13), edition.Schedule.RegistrationCloses);
        Assert.Equal(RegistrationOpens, edition.RegistrationOpens);
        Assert.Equal(Covid19, rescheduled.Reason);
        Assert.Equal(RescheduledAt, rescheduled.OccurredAtUtc);
    }

    [Fact]
    public void From_WhenPublished_PublishesEditionPublishedWithTheWholeEdition()
    {
        var edition = InStatus(EditionStatus.Draft);
        edition.Publish(PublishedAt);

        var published = Assert.IsType<EditionPublished>(Assert.Single(EditionsNotifications.From(Assert.Single(edition.DomainEvents))));

        Assert.Equal(Id, published.Edition.Id);
        Assert.Equal(EditionStatus.Published, published.Edition.Status);
        Assert.Equal("Inventer un avenir durable", published.Edition.Theme);
        Assert.Equal(["Transition écologique", "Économie circulaire", "Mixité des métiers"], published.Edition.FocusTopics);
        Assert.Equal("#SemaineIndustrie", published.Edition.Hashtag);
        Assert.Equal(new DateOnly(2020, 2, 1), published.Edition.MapVisibleFrom);
        Assert.Equal(PublishedAt, published.OccurredAtUtc);
    }

    [Fact]
    public void From_WhenUpdated_PublishesEditionUpdatedWithTheNewTheme()
    {
        var edition = InStatus(EditionStatus.Published);
        var updatedAt = new DateTime(2020, 1, 10, 11, 0, 0, DateTimeKind.Utc);
        edition.Update(Details2020(theme: "Inventer un avenir durable et solidaire"), updatedAt);

        var updated = Assert.IsType<EditionUpdated>(Assert.Single(EditionsNotifications.From(Assert.Single(edition.DomainEvents))));

        Assert.Equal("Inventer un avenir durable et solidaire", updated.Edition.Theme);
        Assert.Equal(updatedAt, updated.OccurredAtUtc);
    }

    [Fact]
    public void From_WhenClosed_PublishesEditionClosedWithStatusClosed()
    {
        var edition = InStatus(EditionStatus.Published);
        var closedAt = new DateTime(2020, 11, 13, 23, 0, 5, DateTimeKind.Utc);
        edition.Close(closedAt);

        var closed = Assert.IsType<EditionClosed>(Assert.Single(EditionsNotifications.From(Assert.Single(edition.DomainEvents))));

        Assert.Equal(EditionStatus.Closed, closed.Edition.Status);
        Assert.Equal(closedAt, closed.OccurredAtUtc);
    }

    [Fact]
    public void From_WhenOtherDomainEvent_PublishesNothing()
    {
        Assert.Empty(EditionsNotifications.From(new SomethingElseHappened()));
    }

    private static EditionRescheduled Postpone2020()
    {
        var edition = InStatus(EditionStatus.Published);
        Assert.Null(edition.Reschedule(Postponed2020(), Covid19, Administrator, RescheduledAt));
        return Assert.IsType<EditionRescheduled>(Assert.Single(edition.DomainEvents.SelectMany(EditionsNotifications.From)));
    }

    private sealed record SomethingElseHappened : IDomainEvent;
}
