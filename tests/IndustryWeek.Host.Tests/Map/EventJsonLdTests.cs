using System.Text.Json;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Map;

/// <summary>
/// Each public event page describes its event for search engines (schema.org Event JSON-LD) and for social networks
/// (Open Graph), from the same pin the page shows: read back from the page and checked against the map's Feature.
/// </summary>
[Collection(MapApiTestGroup.Name)]
public sealed class EventJsonLdTests(MapPlatformFixture map)
{
    private const string Schema = "https://schema.org/";

    [Fact]
    public async Task JsonLd_OfAnOnSiteEventOnTwoDates_DescribesItWithParisOffsetsAndItsPlace()
    {
        var (json, page) = await JsonLdAsync(FilterEdition.Valenciennes);
        var feature = (await MapApi.FeatureAsync(map.Visitor, FilterEdition.Valenciennes))!.Value.GetProperty("properties");

        Assert.Equal("https://schema.org", json.GetProperty("@context").GetString());
        Assert.Equal("Event", json.GetProperty("@type").GetString());
        Assert.Equal(feature.GetProperty("title").GetString(), json.GetProperty("name").GetString());
        Assert.Equal(page.Document.QuerySelector("#description")!.TextContent.Trim(), json.GetProperty("description").GetString());
        Assert.Equal(feature.GetProperty("url").GetString(), json.GetProperty("url").GetString());
        Assert.Equal($"http://localhost:5080/evenements/{FilterEdition.Valenciennes}", json.GetProperty("url").GetString());
        // 16 November 9 h – 18 November 17 h, Paris in winter (+01:00); each session a sub-event.
        Assert.Equal("2020-11-16T09:00:00+01:00", json.GetProperty("startDate").GetString());
        Assert.Equal("2020-11-18T17:00:00+01:00", json.GetProperty("endDate").GetString());
        Assert.Equal(
            ["2020-11-16T09:00:00+01:00/2020-11-16T12:00:00+01:00", "2020-11-18T14:00:00+01:00/2020-11-18T17:00:00+01:00"],
            json.GetProperty("subEvent").EnumerateArray().Select(s => $"{s.GetProperty("startDate").GetString()}/{s.GetProperty("endDate").GetString()}"));
        Assert.Equal(Schema + "EventScheduled", json.GetProperty("eventStatus").GetString());
        Assert.Equal(Schema + "OfflineEventAttendanceMode", json.GetProperty("eventAttendanceMode").GetString());
        Assert.True(json.GetProperty("isAccessibleForFree").GetBoolean());
        Assert.Equal("Organization", json.GetProperty("organizer").GetProperty("@type").GetString());
        Assert.Equal(feature.GetProperty("organisation").GetString(), json.GetProperty("organizer").GetProperty("name").GetString());

        var place = json.GetProperty("location");
        Assert.Equal("Place", place.GetProperty("@type").GetString());
        var address = place.GetProperty("address");
        Assert.Equal("PostalAddress", address.GetProperty("@type").GetString());
        Assert.Equal("1 rue de l'Industrie", address.GetProperty("streetAddress").GetString());
        Assert.Equal("59300", address.GetProperty("postalCode").GetString());
        Assert.Equal("Valenciennes", address.GetProperty("addressLocality").GetString());
        Assert.Equal("Hauts-de-France", address.GetProperty("addressRegion").GetString());
        Assert.Equal("FR", address.GetProperty("addressCountry").GetString());
        var coordinates = (await MapApi.FeatureAsync(map.Visitor, FilterEdition.Valenciennes))!.Value.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(coordinates[1].GetDouble(), place.GetProperty("geo").GetProperty("latitude").GetDouble());
        Assert.Equal(coordinates[0].GetDouble(), place.GetProperty("geo").GetProperty("longitude").GetDouble());

        // Open Graph and the page's description, for links shared on social networks.
        var meta = (string property) => page.Document.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");
        Assert.Equal(feature.GetProperty("title").GetString(), meta("og:title"));
        Assert.Equal(json.GetProperty("url").GetString(), meta("og:url"));
        Assert.Equal("fr_FR", meta("og:locale"));
        Assert.StartsWith("Découverte des lignes d'assemblage", meta("og:description"), StringComparison.Ordinal);
        Assert.Equal(json.GetProperty("url").GetString(), page.Document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task JsonLd_OfOnlineAndHybridEvents_GivesTheirVirtualLocation()
    {
        var (online, _) = await JsonLdAsync(FilterEdition.Online);
        Assert.Equal(Schema + "OnlineEventAttendanceMode", online.GetProperty("eventAttendanceMode").GetString());
        Assert.Equal("VirtualLocation", online.GetProperty("location").GetProperty("@type").GetString());
        Assert.Equal("https://webinaire.example.fr/metiers", online.GetProperty("location").GetProperty("url").GetString());
        Assert.Equal("2020-11-19T18:00:00+01:00", online.GetProperty("startDate").GetString());
        Assert.False(online.TryGetProperty("subEvent", out _));

        var (hybrid, _) = await JsonLdAsync(FilterEdition.Paris);
        Assert.Equal(Schema + "MixedEventAttendanceMode", hybrid.GetProperty("eventAttendanceMode").GetString());
        var places = hybrid.GetProperty("location").EnumerateArray().ToList();
        Assert.Equal(["Place", "VirtualLocation"], places.Select(p => p.GetProperty("@type").GetString()));
        Assert.Equal("Paris", places[0].GetProperty("address").GetProperty("addressLocality").GetString());
        Assert.Equal("https://direct.example.fr/conference", places[1].GetProperty("url").GetString());
    }

    private async Task<(JsonElement Json, PageResult Page)> JsonLdAsync(Guid eventId)
    {
        using var visitor = PageSession.Anonymous(map.Platform);
        var page = await visitor.GetAsync($"/evenements/{eventId}");
        var script = Assert.Single(page.Document.QuerySelectorAll("script[type='application/ld+json']"));
        using var document = JsonDocument.Parse(script.TextContent);
        return (document.RootElement.Clone(), page);
    }
}
