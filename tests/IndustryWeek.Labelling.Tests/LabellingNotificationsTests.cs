using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Labelling.Tests.Domain.Applications;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Labelling.Tests;

public sealed class LabellingNotificationsTests
{
    private static readonly Guid EventId = Guid.Parse("0b8f5f5e-2f6c-4f7a-9a37-5a0b9e1f0c11");
    private static readonly Guid EditionId = Guid.Parse("7d2c9a61-3a1e-4e0b-8f0d-2b4c6e8a0f22");
    private static readonly DateTime GrantedAt = new(2020, 10, 5, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void From_WhenLabelGranted_PublishesLabelGrantedWithWhatKitAndMapNeed()
    {
        var snapshot = Snapshots.FactoryVisit();
        var application = LabellingApplication.Open(EventId, EditionId, 2020, 1, snapshot, GrantedAt.AddDays(-4));
        application.Grant("SDI-2020-000001", "moderateur@example.fr", null, GrantedAt);

        var notification = Assert.Single(LabellingNotifications.From(application.DomainEvents.OfType<LabelGrantedDomainEvent>().Single()));

        var granted = Assert.IsType<LabelGranted>(notification);
        Assert.Equal(EventId, granted.EventId);
        Assert.Equal(EditionId, granted.EditionId);
        Assert.Equal(2020, granted.EditionYear);
        Assert.Equal("SDI-2020-000001", granted.LabelNumber);
        Assert.Equal(1, granted.LabelVersion);
        Assert.Equal("Visite de l'usine de Lille", granted.Event.Title);
        Assert.Same(snapshot.Event, granted.Event);
        Assert.Equal("Aciéries du Nord", granted.Organiser.OrganisationName);
        Assert.Equal("organisatrice@acieries-du-nord.fr", granted.Organiser.Email);
        Assert.Equal(GrantedAt, granted.GrantedAtUtc);
    }

    [Fact]
    public void From_WhenGrantedAgainAfterResubmission_PublishesTheNewDetailsAsVersionTwo()
    {
        var application = LabellingApplication.Open(EventId, EditionId, 2020, 1, Snapshots.FactoryVisit(), GrantedAt.AddDays(-4));
        application.Grant("SDI-2020-000001", "moderateur@example.fr", null, GrantedAt);
        application.ClearDomainEvents();
        application.Resubmit(2, Snapshots.FactoryVisit("Visite de l'usine de Roubaix"), GrantedAt.AddDays(1));
        application.Grant("SDI-2020-000002", "moderateur@example.fr", null, GrantedAt.AddDays(2));

        var granted = Assert.IsType<LabelGranted>(Assert.Single(LabellingNotifications.From(application.DomainEvents.OfType<LabelGrantedDomainEvent>().Single())));

        Assert.Equal("SDI-2020-000001", granted.LabelNumber);
        Assert.Equal(2, granted.LabelVersion);
        Assert.Equal("Visite de l'usine de Roubaix", granted.Event.Title);
    }

    [Fact]
    public void From_WhenRefused_PublishesLabelRefusedWithTheReasonForTheOrganiser()
    {
        var application = LabellingApplication.Open(EventId, EditionId, 2020, 1, Snapshots.FactoryVisit(), GrantedAt.AddDays(-4));
        application.ClearDomainEvents();
        application.Refuse("L'événement n'est pas ouvert au public.", "moderateur@example.fr", GrantedAt);

        var refused = Assert.IsType<LabelRefused>(Assert.Single(LabellingNotifications.From(Assert.Single(application.DomainEvents))));

        Assert.Equal((EventId, EditionId, 2020), (refused.EventId, refused.EditionId, refused.EditionYear));
        Assert.Equal("Visite de l'usine de Lille", refused.Title);
        Assert.Equal("L'événement n'est pas ouvert au public.", refused.Reason);
        Assert.Null(refused.LabelNumber);
        Assert.Equal("organisatrice@acieries-du-nord.fr", refused.Organiser.Email);
        Assert.Equal(GrantedAt, refused.DecidedAtUtc);
    }

    [Fact]
    public void From_WhenChangesRequested_PublishesChangesRequestedWithTheComment()
    {
        var application = LabellingApplication.Open(EventId, EditionId, 2020, 1, Snapshots.FactoryVisit(), GrantedAt.AddDays(-4));
        application.ClearDomainEvents();
        application.RequestChanges("Ajoutez une séance le samedi.", "moderateur@example.fr", GrantedAt);

        var requested = Assert.IsType<ChangesRequested>(Assert.Single(LabellingNotifications.From(Assert.Single(application.DomainEvents))));

        Assert.Equal("Ajoutez une séance le samedi.", requested.Comment);
        Assert.Equal("Visite de l'usine de Lille", requested.Title);
        Assert.Equal(GrantedAt, requested.DecidedAtUtc);
    }

    [Fact]
    public void From_WhenRevoked_PublishesLabelRevokedNamingTheLabel()
    {
        var application = LabellingApplication.Open(EventId, EditionId, 2020, 1, Snapshots.FactoryVisit(), GrantedAt.AddDays(-4));
        application.Grant("SDI-2020-000001", "moderateur@example.fr", null, GrantedAt);
        application.ClearDomainEvents();
        application.Revoke("Événement réservé aux salariés.", "moderateur@example.fr", GrantedAt.AddDays(3));

        var revoked = Assert.IsType<LabelRevoked>(Assert.Single(LabellingNotifications.From(Assert.Single(application.DomainEvents))));

        Assert.Equal(("SDI-2020-000001", "Événement réservé aux salariés."), (revoked.LabelNumber, revoked.Reason));
        Assert.Equal(GrantedAt.AddDays(3), revoked.DecidedAtUtc);
    }

    [Fact]
    public void From_WhenSuspendedByARescheduling_PublishesLabelSuspendedWithTheNewPeriod()
    {
        var application = LabellingApplication.Open(EventId, EditionId, 2020, 1, Snapshots.FactoryVisit(), GrantedAt.AddDays(-4));
        application.Grant("SDI-2020-000001", "moderateur@example.fr", null, GrantedAt);
        application.ClearDomainEvents();
        application.SuspendIfIneligible(new EditionScheduleView(new DatePeriod(new DateOnly(2020, 11, 23), new DateOnly(2020, 11, 29)), []), GrantedAt.AddDays(5));

        var suspended = Assert.IsType<LabelSuspended>(Assert.Single(LabellingNotifications.From(application.DomainEvents.OfType<ApplicationDecidedDomainEvent>().Single())));

        Assert.Equal("SDI-2020-000001", suspended.LabelNumber);
        Assert.StartsWith("L'édition a changé de dates. Hors de la période du 23 novembre 2020 au 29 novembre 2020 : ", suspended.Reason, StringComparison.Ordinal);
        Assert.Equal(GrantedAt.AddDays(5), suspended.DecidedAtUtc);
        var criteria = Assert.IsType<CriteriaChecked>(Assert.Single(LabellingNotifications.From(application.DomainEvents.OfType<CriteriaCheckedDomainEvent>().Single())));
        Assert.Equal(("PlaceAndPeriod", "Failed"), (criteria.Criteria[0].Criterion, criteria.Criteria[0].Outcome));
        Assert.Equal(application.Revision, criteria.Revision);
    }

    [Fact]
    public void From_WhenCriteriaChecked_PublishesTheFourResultsInFrenchForTheOrganiser()
    {
        var submittedAt = GrantedAt.AddDays(-4);
        var application = LabellingApplication.Open(EventId, EditionId, 2020, 1, Snapshots.With(isFree: false), submittedAt);

        var checkedCriteria = Assert.IsType<CriteriaChecked>(Assert.Single(LabellingNotifications.From(Assert.Single(application.DomainEvents))));

        Assert.Equal((EventId, 1, application.Revision, submittedAt), (checkedCriteria.EventId, checkedCriteria.SubmissionNumber, checkedCriteria.Revision, checkedCriteria.CheckedAtUtc));
        Assert.Equal(
            [("PlaceAndPeriod", "ToReview"), ("OpenToPublic", "Passed"), ("AboutIndustry", "ToReview"), ("FreeOfCharge", "Failed")],
            checkedCriteria.Criteria.Select(c => (c.Criterion, c.Outcome)));
        Assert.Equal("L'événement est payant : seuls les événements gratuits sont labellisés.", checkedCriteria.Criteria[3].Detail);
    }

    [Fact]
    public void From_WhenOtherDomainEvent_PublishesNothing()
    {
        Assert.Empty(LabellingNotifications.From(new SomethingElseHappened()));
    }

    private sealed record SomethingElseHappened : IDomainEvent;
}
