using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace IndustryWeek.Host.Tests.Map;

/// <summary>The open-data exports (CSV, GeoJSON) and each event's calendar, against the map they come from.</summary>
[Collection(MapApiTestGroup.Name)]
public sealed class MapExportTests(MapPlatformFixture map)
{
    [Fact]
    public async Task ExportCsv_WhenParsedWithCsvHelper_HasOneLinePerEventMatchingTheGeoJson()
    {
        using var response = await map.Visitor.GetAsync(new Uri("/api/map/export.csv" + FilterEdition.Query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("semaine-industrie-2040-evenements.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Parse(bytes);
        var features = await MapApi.FeaturesAsync(map.Visitor, FilterEdition.Query);
        Assert.Equal(features.Select(f => f.GetProperty("id").GetGuid().ToString()), rows.Select(r => r["identifiant"]));
        foreach (var (feature, row) in features.Zip(rows))
        {
            var properties = feature.GetProperty("properties");
            Assert.Equal(properties.GetProperty("title").GetString(), row["titre"]);
            Assert.Equal(properties.GetProperty("format").GetString(), row["format"]);
            Assert.Equal(string.Join('|', properties.GetProperty("audiences").EnumerateArray().Select(a => a.GetString())), row["publics"]);
            Assert.Equal(string.Join('|', properties.GetProperty("sectors").EnumerateArray().Select(a => a.GetString())), row["secteurs"]);
            Assert.Equal(properties.GetProperty("city").GetString() ?? "", row["commune"]);
            Assert.Equal(properties.GetProperty("departmentCode").GetString() ?? "", row["code_departement"]);
            Assert.Equal(properties.GetProperty("regionCode").GetString() ?? "", row["code_region"]);
            Assert.Equal(properties.GetProperty("organisation").GetString(), row["organisation"]);
            Assert.Equal(properties.GetProperty("url").GetString(), row["page_publique"]);
            Assert.Equal(properties.GetProperty("online").GetBoolean(), row["modalite"] is "Online" or "Hybrid");
            var sessions = properties.GetProperty("sessions").EnumerateArray()
                .Select(s => $"{s.GetProperty("start").GetString()![..16]}/{s.GetProperty("end").GetString()![..16]}");
            Assert.Equal(string.Join('|', sessions), row["seances"]);
            if (feature.GetProperty("geometry").ValueKind == JsonValueKind.Null)
            {
                Assert.Equal("", row["latitude"]);
                Assert.Equal("", row["longitude"]);
            }
            else
            {
                var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
                Assert.Equal(coordinates[0].GetDouble(), double.Parse(row["longitude"], CultureInfo.InvariantCulture));
                Assert.Equal(coordinates[1].GetDouble(), double.Parse(row["latitude"], CultureInfo.InvariantCulture));
            }
        }

        var reunion = rows.Single(r => r["identifiant"] == FilterEdition.Reunion.ToString());
        Assert.Equal("-20.8821", reunion["latitude"]); // a negative number stays a number
        Assert.Equal("La Réunion", reunion["region"]);
        Assert.Equal("2020-11-21", reunion["premier_jour"]);
        Assert.Equal("2020-11-22", reunion["dernier_jour"]);
    }

    [Fact]
    public async Task ExportGeoJson_WhenDownloaded_IsTheWholeCollection()
    {
        using var response = await map.Visitor.GetAsync(new Uri("/api/map/export.geojson" + FilterEdition.Query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("semaine-industrie-2040-evenements.geojson", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var exported = await response.Content.ReadAsStringAsync();
        var served = await map.Visitor.GetStringAsync(new Uri("/api/map/events" + FilterEdition.Query, UriKind.Relative));
        Assert.Equal(served, exported);
        using var document = JsonDocument.Parse(exported);
        Assert.Equal(6, document.RootElement.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task Calendar_WhenDownloaded_HasOneEntryPerSessionInParisTime()
    {
        using var response = await map.Visitor.GetAsync(new Uri($"/api/map/events/{FilterEdition.Valenciennes}.ics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var lines = Unfold(await response.Content.ReadAsStringAsync());
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("TZID:Europe/Paris", lines);
        Assert.Equal(2, lines.Count(l => l == "BEGIN:VEVENT"));
        Assert.Equal(2, lines.Count(l => l == "END:VEVENT"));
        Assert.Equal(["DTSTART;TZID=Europe/Paris:20201116T090000", "DTSTART;TZID=Europe/Paris:20201118T140000"], lines.Where(l => l.StartsWith("DTSTART;", StringComparison.Ordinal)));
        Assert.Equal(["DTEND;TZID=Europe/Paris:20201116T120000", "DTEND;TZID=Europe/Paris:20201118T170000"], lines.Where(l => l.StartsWith("DTEND;", StringComparison.Ordinal)));
        Assert.Contains("SUMMARY:Visite de l'usine de Valenciennes (1/2)", lines);
        Assert.Contains("LOCATION:1 rue de l'Industrie\\, 59300 Valenciennes", lines);
        Assert.Contains($"URL:http://localhost:5080/evenements/{FilterEdition.Valenciennes}", lines);
        Assert.Contains($"UID:{FilterEdition.Valenciennes:N}-1@semaine-industrie", lines);
    }

    [Fact]
    public async Task Calendar_WhenOnlineEvent_GivesItsAddressOnline()
    {
        var lines = Unfold(await map.Visitor.GetStringAsync(new Uri($"/api/map/events/{FilterEdition.Online}.ics", UriKind.Relative)));

        Assert.Equal(1, lines.Count(l => l == "BEGIN:VEVENT"));
        Assert.Contains("LOCATION:en ligne : https://webinaire.example.fr/metiers", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("GEO:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/map/events/{0}")]
    [InlineData("/api/map/events/{0}.ics")]
    public async Task OneEvent_WhenUnknown_Is404InFrench(string url)
    {
        using var response = await map.Visitor.GetAsync(new Uri(string.Format(CultureInfo.InvariantCulture, url, Guid.NewGuid()), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Ressource introuvable", problem.GetProperty("title").GetString());
        Assert.StartsWith("Cet événement n'est pas sur la carte", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneEvent_WhenKnown_IsTheSameFeatureAsInTheCollection()
    {
        var feature = (await MapApi.FeatureAsync(map.Visitor, FilterEdition.Paris))!.Value;
        var inCollection = (await MapApi.FeaturesAsync(map.Visitor, FilterEdition.Query)).Single(f => f.GetProperty("id").GetGuid() == FilterEdition.Paris);

        Assert.Equal(inCollection.GetRawText(), feature.GetRawText());
    }

    /// <summary>The CSV export's lines, by column header.</summary>
    internal static async Task<IReadOnlyList<Dictionary<string, string>>> CsvRowsAsync(HttpClient client, string query) =>
        Parse(await client.GetByteArrayAsync(new Uri("/api/map/export.csv" + query, UriKind.Relative)));

    private static List<Dictionary<string, string>> Parse(byte[] csv)
    {
        using var reader = new CsvReader(new StreamReader(new MemoryStream(csv), Encoding.UTF8, detectEncodingFromByteOrderMarks: true), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        reader.Read();
        reader.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.HeaderRecord!.ToDictionary(h => h, h => reader.GetField(h) ?? ""));
        }

        return rows;
    }

    /// <summary>RFC 5545 lines, continuation lines joined back.</summary>
    internal static List<string> Unfold(string ics) =>
        [.. ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];
}
