using IndustryWeek.Map.Domain;
using IndustryWeek.Map.Features.GetMapEvents;
using static IndustryWeek.Map.Tests.Domain.PinDetailsExamples;

namespace IndustryWeek.Map.Tests.Features.GetMapEvents;

public sealed class GetMapEventsQueryHandlerTests
{
    private static readonly Guid EventId = Guid.Parse("0b8f5f5e-2f6c-4f7a-9a37-5a0b9e1f0c11");
    private static readonly DateTime Now = new(2020, 10, 5, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void ToFeature_WhenOnSite_PutsLongitudeBeforeLatitude()
    {
        var feature = GetMapEventsQueryHandler.ToFeature(PinFor(Details(1)));

        Assert.NotNull(feature.Geometry);
        Assert.Equal("Point", feature.Geometry.Type);
        Assert.Equal([3.0573, 50.6292], feature.Geometry.Coordinates);
    }

    [Fact]
    public void ToFeature_WhenOnSite_LinksToTheEventsPublicPage()
    {
        var feature = GetMapEventsQueryHandler.ToFeature(PinFor(Details(1)));

        Assert.Equal(EventId, feature.Id);
        Assert.Equal("Feature", feature.Type);
        Assert.Equal("/evenements/0b8f5f5e-2f6c-4f7a-9a37-5a0b9e1f0c11", feature.Properties.Url);
    }

    [Fact]
    public void ToFeature_WhenOnSite_ShowsWhatTheMapPopupDisplays()
    {
        var properties = GetMapEventsQueryHandler.ToFeature(PinFor(Details(1))).Properties;

        Assert.Equal("Visite de l'usine de Lille", properties.Title);
        Assert.Equal("Visite d'entreprise", properties.Format);
        Assert.Equal("Lille", properties.City);
        Assert.Equal("59", properties.DepartmentCode);
        Assert.Equal("32", properties.RegionCode);
        Assert.Equal("Aciéries du Nord", properties.Organisation);
        Assert.False(properties.Online);
        Assert.Equal(2, properties.Sessions.Count);
    }

    [Fact]
    public void ToFeature_WhenOnlineOnly_HasNoGeometryButStillALink()
    {
        var feature = GetMapEventsQueryHandler.ToFeature(PinFor(Details(1, location: Online)));

        Assert.Null(feature.Geometry);
        Assert.True(feature.Properties.Online);
        Assert.Equal("/evenements/0b8f5f5e-2f6c-4f7a-9a37-5a0b9e1f0c11", feature.Properties.Url);
    }

    private static Pin PinFor(PinDetails details)
    {
        var pin = Pin.Create(EventId);
        pin.Apply(details, Now);
        return pin;
    }
}
