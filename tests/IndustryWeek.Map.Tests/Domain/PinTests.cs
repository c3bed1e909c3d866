using IndustryWeek.Map.Domain;
using IndustryWeek.Shared.PublishedLanguage;
using static IndustryWeek.Map.Tests.Domain.PinDetailsExamples;

namespace IndustryWeek.Map.Tests.Domain;

public sealed class PinTests
{
    private static readonly Guid EventId = Guid.Parse("0b8f5f5e-2f6c-4f7a-9a37-5a0b9e1f0c11");
    private static readonly DateTime Now = new(2020, 10, 5, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Apply_WhenFirstVersion_ShowsTheEventWhereItTakesPlace()
    {
        var pin = Pin.Create(EventId);

        var applied = pin.Apply(Details(1), Now);

        Assert.True(applied);
        Assert.Equal(1, pin.LabelVersion);
        Assert.Equal("SDI-2020-000001", pin.LabelNumber);
        Assert.Equal("Visite de l'usine de Lille", pin.Title);
        Assert.Equal("Lille", pin.City);
        Assert.Equal("59", pin.DepartmentCode);
        Assert.Equal("32", pin.RegionCode);
        Assert.Equal(50.6292, pin.Latitude);
        Assert.Equal(3.0573, pin.Longitude);
        Assert.False(pin.Online);
        Assert.Equal("Aciéries du Nord", pin.OrganisationName);
        Assert.Equal(Now, pin.PublishedAtUtc);
    }

    [Fact]
    public void Apply_WhenSessionsOutOfOrder_ListsThemByStart()
    {
        var pin = Pin.Create(EventId);

        pin.Apply(Details(1), Now);

        Assert.Equal(
            [new DateTime(2020, 11, 16, 9, 0, 0), new DateTime(2020, 11, 17, 14, 0, 0)],
            pin.Sessions.Select(s => s.Start));
    }

    [Fact]
    public void Apply_WhenSameVersionAgain_ReturnsFalseAndChangesNothing()
    {
        var pin = Pin.Create(EventId);
        pin.Apply(Details(1), Now);

        var applied = pin.Apply(Details(1, "Titre rejoué", Online), Now.AddHours(1));

        Assert.False(applied);
        Assert.Equal(1, pin.LabelVersion);
        Assert.Equal("Visite de l'usine de Lille", pin.Title);
        Assert.Equal("Lille", pin.City);
        Assert.Equal(50.6292, pin.Latitude);
        Assert.False(pin.Online);
        Assert.Equal(Now, pin.PublishedAtUtc);
    }

    [Fact]
    public void Apply_WhenOlderVersionArrivesLate_ReturnsFalseAndKeepsTheNewerDetails()
    {
        var pin = Pin.Create(EventId);
        pin.Apply(Details(2, "Visite de l'usine de Roubaix"), Now);

        var applied = pin.Apply(Details(1), Now.AddHours(1));

        Assert.False(applied);
        Assert.Equal(2, pin.LabelVersion);
        Assert.Equal("Visite de l'usine de Roubaix", pin.Title);
    }

    [Fact]
    public void Apply_WhenNewerVersion_UpdatesTheEvent()
    {
        var pin = Pin.Create(EventId);
        pin.Apply(Details(1), Now);
        pin.Apply(Details(1, "Titre rejoué"), Now.AddHours(1));

        var applied = pin.Apply(Details(2, "Visite de l'usine de Roubaix"), Now.AddDays(1));

        Assert.True(applied);
        Assert.Equal(2, pin.LabelVersion);
        Assert.Equal("Visite de l'usine de Roubaix", pin.Title);
        Assert.Equal(Now.AddDays(1), pin.PublishedAtUtc);
    }

    [Fact]
    public void Apply_WhenOnlineOnly_HasNoCoordinatesAndIsOnline()
    {
        var pin = Pin.Create(EventId);

        pin.Apply(Details(1, location: Online), Now);

        Assert.Null(pin.Latitude);
        Assert.Null(pin.Longitude);
        Assert.True(pin.Online);
    }

    [Fact]
    public void Apply_WhenEventMovesOnline_RemovesItsCoordinates()
    {
        var pin = Pin.Create(EventId);
        pin.Apply(Details(1), Now);

        pin.Apply(Details(2, location: Online), Now.AddDays(1));

        Assert.Null(pin.Latitude);
        Assert.Null(pin.Longitude);
        Assert.True(pin.Online);
    }

    [Fact]
    public void Apply_WhenHybrid_KeepsItsCoordinatesAndIsOnline()
    {
        var pin = Pin.Create(EventId);

        pin.Apply(Details(1, location: Lille with { Mode = LocationMode.Hybrid, OnlineUrl = "https://webinaire.example.fr/industrie" }), Now);

        Assert.Equal(50.6292, pin.Latitude);
        Assert.Equal(3.0573, pin.Longitude);
        Assert.True(pin.Online);
    }
}
