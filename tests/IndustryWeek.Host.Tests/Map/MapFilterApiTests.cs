using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace IndustryWeek.Host.Tests.Map;

/// <summary>GET /api/map/events with each filter alone and combined, bbox, editions; bad filters are 400 in French.</summary>
[Collection(MapApiTestGroup.Name)]
public sealed class MapFilterApiTests(MapPlatformFixture map)
{
    [Theory]
    [InlineData("", "ABCDEF")]
    [InlineData("&region=32", "A")]
    [InlineData("&region=84,11", "BD")]
    [InlineData("&region=84&region=11", "BD")]
    [InlineData("&department=2A", "F")]
    [InlineData("&department=974", "E")]
    [InlineData("&format=Workshop", "B")]
    [InlineData("&format=CompanyVisit,OpenDay", "AF")]
    [InlineData("&audience=JobSeekers", "AE")]
    [InlineData("&sector=Digital", "C")]
    [InlineData("&from=2020-11-20", "DEF")]
    [InlineData("&to=2020-11-17", "AB")]
    [InlineData("&from=2020-11-18&to=2020-11-18", "A")]
    [InlineData("&from=2020-11-22&to=2020-11-22", "E")]
    [InlineData("&from=2020-12-01", "")]
    [InlineData("&online=true", "CD")]
    [InlineData("&online=false", "ABEF")]
    [InlineData("&q=electrolyse", "B")]
    [InlineData("&q=%C3%89LECTROLYSE", "B")]
    [InlineData("&q=chantier%20NAVAL", "F")]
    [InlineData("&q=lyonnaise", "B")]
    [InlineData("&q=saint-denis", "E")]
    [InlineData("&q=aeronautique", "D")]
    [InlineData("&q=introuvable", "")]
    [InlineData("&bbox=2,48,5,51", "AD")]
    [InlineData("&bbox=-5.5,41,10,51.5", "ABDF")]
    [InlineData("&bbox=55,-21.5,56,-20.5", "E")]
    [InlineData("&bbox=-180,-90,180,90", "ABDEF")]
    [InlineData("&region=32&format=CompanyVisit&audience=Pupils&sector=Automotive&from=2020-11-16&to=2020-11-30&online=false&q=usine&bbox=3,50,4,51", "A")]
    [InlineData("&region=84,11&online=true", "D")]
    [InlineData("&format=Conference&online=true&q=aeronautique&from=2020-11-20", "D")]
    [InlineData("&audience=GeneralPublic&online=false", "F")]
    [InlineData("&audience=GeneralPublic&sector=Naval,Digital&to=2020-11-19", "C")]
    [InlineData("&region=32&department=69", "")]
    public async Task Events_WhenFiltered_ReturnsTheMatchingEventsByFirstSession(string filters, string expected)
    {
        var ids = await MapApi.IdsAsync(map.Visitor, FilterEdition.Query + filters);

        Assert.Equal(expected.Select(letter => FilterEdition.ByLetter[letter]), ids);
    }

    [Fact]
    public async Task Events_WhenFilteredOrNot_GiveTheSameFeatures()
    {
        var all = await MapApi.FeaturesAsync(map.Visitor, FilterEdition.Query);
        var one = Assert.Single(await MapApi.FeaturesAsync(map.Visitor, FilterEdition.Query + "&department=974"));

        Assert.Equal(all.Single(f => f.GetProperty("id").GetGuid() == FilterEdition.Reunion).GetRawText(), one.GetRawText());
    }

    [Fact]
    public async Task Events_WhenEditionGivenByYear_IsTheSameAsById()
    {
        Assert.Equal(await MapApi.IdsAsync(map.Visitor, FilterEdition.Query), await MapApi.IdsAsync(map.Visitor, $"?edition={FilterEdition.Year}"));
    }

    [Theory]
    [InlineData("?edition=1999")]
    [InlineData("?edition=0b8f5f5e-2f6c-4f7a-9a37-5a0b9e1f0c11")]
    public async Task Events_WhenEditionUnknown_IsAnEmptyCollection(string query)
    {
        Assert.Empty(await MapApi.FeaturesAsync(map.Visitor, query));
    }

    [Fact]
    public async Task Events_WhenOnlineOnlyEvent_HasANullGeometry()
    {
        var features = await MapApi.FeaturesAsync(map.Visitor, FilterEdition.Query + "&sector=Digital");

        var online = Assert.Single(features);
        Assert.Equal(JsonValueKind.Null, online.GetProperty("geometry").ValueKind);
        Assert.True(online.GetProperty("properties").GetProperty("online").GetBoolean());
    }

    [Fact]
    public async Task Events_WhenServed_AreGeoJsonWithAbsolutePublicPageLinks()
    {
        using var response = await map.Visitor.GetAsync(new Uri("/api/map/events" + FilterEdition.Query + "&region=84", UriKind.Relative));

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var collection = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FeatureCollection", collection.GetProperty("type").GetString());
        var lyon = Assert.Single(collection.GetProperty("features").EnumerateArray().ToList());
        Assert.Equal([4.8467, 45.7485], lyon.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        var properties = lyon.GetProperty("properties");
        Assert.Equal($"http://localhost:5080/evenements/{FilterEdition.Lyon}", properties.GetProperty("url").GetString());
        Assert.Equal("Chimie Lyonnaise", properties.GetProperty("organisation").GetString());
        Assert.Equal("69", properties.GetProperty("departmentCode").GetString());
        Assert.Equal("84", properties.GetProperty("regionCode").GetString());
        Assert.Equal("Lyon", properties.GetProperty("city").GetString());
        Assert.Equal("2020-11-17T10:00:00", properties.GetProperty("sessions")[0].GetProperty("start").GetString());
    }

    [Theory]
    [InlineData("?region=99", "region", "Région inconnue : « 99 »")]
    [InlineData("?department=ZZ", "department", "Département inconnu : « ZZ »")]
    [InlineData("?format=visite", "format", "Format inconnu : « visite »")]
    [InlineData("?audience=jeunes", "audience", "Public inconnu : « jeunes »")]
    [InlineData("?sector=acier", "sector", "Secteur inconnu : « acier »")]
    [InlineData("?from=2020-13-01", "from", "n'est pas une date : écrivez-la AAAA-MM-JJ (par exemple 2020-11-16).")]
    [InlineData("?to=demain", "to", "« demain » n'est pas une date")]
    [InlineData("?from=2020-11-22&to=2020-11-16", "to", "La date de fin (to) doit être postérieure ou égale à la date de début (from).")]
    [InlineData("?online=oui", "online", "Le paramètre online vaut true (événements avec une partie en ligne) ou false (sur place uniquement).")]
    [InlineData("?bbox=2.2,48.8,2.5", "bbox", "La zone (bbox) compte quatre nombres séparés par des virgules")]
    [InlineData("?bbox=a,b,c,d", "bbox", "La zone (bbox) compte quatre nombres séparés par des virgules")]
    [InlineData("?bbox=2.2,95,2.5,96", "bbox", "les longitudes vont de -180 à 180 et les latitudes de -90 à 90")]
    [InlineData("?bbox=2.5,48.8,2.2,48.9", "bbox", "chaque minimum doit être inférieur ou égal au maximum")]
    [InlineData("?edition=vingt", "edition", "L'édition se désigne par son identifiant ou par son année (par exemple 2020).")]
    [InlineData("?preview=peut-etre", "preview", "Le paramètre preview vaut true ou false.")]
    public async Task Events_WhenAFilterIsWrong_Returns400WithTheFieldInFrench(string query, string field, string message)
    {
        using var response = await map.Visitor.GetAsync(new Uri("/api/map/events" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("La requête contient des erreurs.", problem.GetProperty("title").GetString());
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Events_WhenSeveralFiltersAreWrong_NamesEachOne()
    {
        using var response = await map.Visitor.GetAsync(new Uri("/api/map/events?region=99&bbox=1&q=" + new string('x', 201), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["bbox", "q", "region"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("La recherche ne dépasse pas 200 caractères.", errors.GetProperty("q")[0].GetString());
    }

    [Theory]
    [InlineData("?region=99")]
    [InlineData("?department=ZZ&format=visite")]
    [InlineData("?audience=jeunes&sector=acier")]
    [InlineData("?from=2020-11-22&to=2020-11-16")]
    [InlineData("?online=oui&bbox=2.2,48.8,2.5")]
    [InlineData("?region=32&region=99")]
    public async Task Exports_WhenAFilterIsWrong_GiveTheSameErrorsAsTheCollection(string query)
    {
        var expected = await ErrorsAsync("/api/map/events" + query);

        foreach (var export in new[] { "/api/map/export.csv", "/api/map/export.geojson" })
        {
            Assert.Equal(expected, await ErrorsAsync(export + query));
        }
    }

    [Theory]
    [InlineData("&region=84,11", "BD")]
    [InlineData("&format=Workshop", "B")]
    [InlineData("&online=true", "CD")]
    [InlineData("&q=introuvable", "")]
    public async Task Exports_WhenFiltered_HoldTheEventsOfTheFilteredCollection(string filter, string letters)
    {
        var expected = letters.Select(l => FilterEdition.ByLetter[l]).Order().ToList();

        using var csv = await map.Visitor.GetAsync(new Uri("/api/map/export.csv" + FilterEdition.Query + filter, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        using var rows = new CsvReader(new StringReader((await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF')), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        await rows.ReadAsync();
        rows.ReadHeader();
        var ids = new List<Guid>();
        while (await rows.ReadAsync())
        {
            ids.Add(Guid.Parse(rows.GetField("identifiant")!));
        }

        Assert.Equal(expected, ids.Order());
        using var geojson = await map.Visitor.GetAsync(new Uri("/api/map/export.geojson" + FilterEdition.Query + filter, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, geojson.StatusCode);
        var features = (await geojson.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("features").EnumerateArray();
        Assert.Equal(expected, features.Select(f => f.GetProperty("id").GetGuid()).Order());
    }

    private async Task<string> ErrorsAsync(string url)
    {
        using var response = await map.Visitor.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetRawText();
    }

    [Theory]
    [InlineData("/api/map/export.csv?edition=vingt")]
    [InlineData("/api/map/export.geojson?edition=20200")]
    public async Task Exports_WhenEditionIsWrong_Return400(string url)
    {
        using var response = await map.Visitor.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("par son année", problem.GetProperty("errors").GetProperty("edition")[0].GetString(), StringComparison.Ordinal);
    }
}
