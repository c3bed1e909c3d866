using System.Text;
using System.Text.Json;
using IndustryWeek.Map.Domain;
using IndustryWeek.Map.Features.GetMapEvents;
using static IndustryWeek.Map.Tests.Domain.PinDetailsExamples;

namespace IndustryWeek.Map.Tests.Features.GetMapEvents;

public sealed class MapEntryTests
{
    private static readonly Guid EventId = Guid.Parse("0b8f5f5e-2f6c-4f7a-9a37-5a0b9e1f0c11");
    private static readonly DateTime Now = new(2020, 10, 5, 9, 30, 0, DateTimeKind.Utc);
    private const string Url = "https://semaine-industrie.example.fr/evenements/0b8f5f5e-2f6c-4f7a-9a37-5a0b9e1f0c11";

    [Fact]
    public void Feature_WhenOnSite_PutsLongitudeBeforeLatitude()
    {
        var feature = Parse(EntryFor(Details(1)));

        var geometry = feature.GetProperty("geometry");
        Assert.Equal("Point", geometry.GetProperty("type").GetString());
        Assert.Equal([3.0573, 50.6292], geometry.GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
    }

    [Fact]
    public void Feature_WhenOnSite_HasTheMembersOfApiMdInOrder()
    {
        var feature = Parse(EntryFor(Details(1)));

        Assert.Equal(["type", "id", "geometry", "properties"], feature.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        Assert.Equal(EventId, feature.GetProperty("id").GetGuid());
        Assert.Equal(
            ["title", "format", "audiences", "sectors", "sessions", "city", "departmentCode", "regionCode", "organisation", "online", "url"],
            feature.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Feature_WhenOnSite_ShowsWhatTheMapPopupDisplays()
    {
        var properties = Parse(EntryFor(Details(1))).GetProperty("properties");

        Assert.Equal("Visite de l'usine de Lille", properties.GetProperty("title").GetString());
        Assert.Equal("CompanyVisit", properties.GetProperty("format").GetString());
        Assert.Equal(["Pupils", "JobSeekers"], properties.GetProperty("audiences").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("Lille", properties.GetProperty("city").GetString());
        Assert.Equal("59", properties.GetProperty("departmentCode").GetString());
        Assert.Equal("32", properties.GetProperty("regionCode").GetString());
        Assert.Equal("Aciéries du Nord", properties.GetProperty("organisation").GetString());
        Assert.False(properties.GetProperty("online").GetBoolean());
        Assert.Equal(Url, properties.GetProperty("url").GetString());
        var sessions = properties.GetProperty("sessions").EnumerateArray().ToList();
        Assert.Equal(2, sessions.Count);
        Assert.Equal("2020-11-16T09:00:00", sessions[0].GetProperty("start").GetString());
        Assert.Equal("2020-11-16T12:00:00", sessions[0].GetProperty("end").GetString());
    }

    [Fact]
    public void Feature_WhenOnlineOnly_HasANullGeometryButStillALink()
    {
        var feature = Parse(EntryFor(Details(1, location: Online)));

        Assert.Equal(JsonValueKind.Null, feature.GetProperty("geometry").ValueKind);
        Assert.True(feature.GetProperty("properties").GetProperty("online").GetBoolean());
        Assert.Equal(Url, feature.GetProperty("properties").GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    [InlineData("Tom & Jerry's <b>usine</b>")]
    public void Feature_WhenTitleHoldsMarkup_EscapesItAndKeepsTheText(string title)
    {
        var entry = EntryFor(Details(1, title));

        var json = Encoding.UTF8.GetString(entry.Feature);

        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain(">", json, StringComparison.Ordinal);
        Assert.DoesNotContain("&", json, StringComparison.Ordinal);
        Assert.DoesNotContain("'", json, StringComparison.Ordinal);
        Assert.Equal(title, Parse(entry).GetProperty("properties").GetProperty("title").GetString());
    }

    [Fact]
    public void Feature_WhenFrenchText_KeepsAccentsUnescaped()
    {
        var json = Encoding.UTF8.GetString(EntryFor(Details(1, "Journée découverte à l'aciérie")).Feature);

        Assert.Contains("Journée découverte à l\\u0027aciérie", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Collection_WhenSeveralEntries_IsAFeatureCollectionOfTheirFeatures()
    {
        var entries = new[] { EntryFor(Details(1, "Première")), EntryFor(Details(1, "Seconde", Online)) };

        var document = MapJson.Collection(entries);

        Assert.Equal(MapJson.CollectionLength(entries), document.Length);
        using var parsed = JsonDocument.Parse(document);
        Assert.Equal("FeatureCollection", parsed.RootElement.GetProperty("type").GetString());
        Assert.Equal(["Première", "Seconde"], parsed.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("title").GetString()));
    }

    [Fact]
    public void Collection_WhenEmpty_IsAnEmptyFeatureCollection()
    {
        Assert.Equal("{\"type\":\"FeatureCollection\",\"features\":[]}", Encoding.UTF8.GetString(MapJson.Collection([])));
    }

    [Fact]
    public void SearchText_WhenBuilt_FoldsTitleDescriptionCityAndOrganisation()
    {
        var entry = EntryFor(Details(1, "Journée DÉCOUVERTE"));

        Assert.Contains("journee decouverte", entry.SearchText, StringComparison.Ordinal);
        Assert.Contains("lignes de production", entry.SearchText, StringComparison.Ordinal);
        Assert.Contains("lille", entry.SearchText, StringComparison.Ordinal);
        Assert.Contains("acieries du nord", entry.SearchText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cœur de l'Industrie", "coeur de l'industrie")]
    [InlineData("ÉLECTRONIQUE à Besançon", "electronique a besancon")]
    [InlineData("", "")]
    public void Fold_WhenAccentsCaseOrLigatures_GivesPlainLowerCase(string text, string expected)
    {
        Assert.Equal(expected, MapText.Fold(text));
    }

    internal static MapEntry EntryFor(PinDetails details, Guid? eventId = null)
    {
        var pin = Pin.Create(eventId ?? EventId);
        pin.Apply(details, Now);
        return new MapEntry(pin, Url);
    }

    private static JsonElement Parse(MapEntry entry) => JsonDocument.Parse(entry.Feature).RootElement.Clone();
}
