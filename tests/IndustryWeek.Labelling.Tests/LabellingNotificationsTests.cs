using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Labelling.Tests.Domain.Applications;
using IndustryWeek.Shared.Domain;

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
    public void From_WhenOtherDomainEvent_PublishesNothing()
    {
        Assert.Empty(LabellingNotifications.From(new SomethingElseHappened()));
    }

    private sealed record SomethingElseHappened : IDomainEvent;
}
