using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Map;

/// <summary>Organisers' text comes out of the API and the exports encoded: it can never be taken for markup.</summary>
[Collection(MapApiTestGroup.Name)]
public sealed class MapXssTests(MapPlatformFixture map)
{
    private const string Title = "<script>alert(1)</script>";
    private const string Description = "Venez nombreux <img src=x onerror=alert(1)> & amusez-vous ' \" `";
    private const string Organisation = "\"><svg onload=alert(1)>";
    private static readonly Guid Edition = Guid.Parse("2043aaaa-0000-0000-0000-0000000000e1");

    private static readonly string[] Markup = ["<script", "</script>", "<img", "<svg", "onerror=alert(1)>"];

    [Fact]
    public async Task Json_WhenOrganiserTextHoldsMarkup_NeverContainsItRaw()
    {
        var granted = await GrantAsync();
        string[] urls =
        [
            $"/api/map/events?edition={Edition}",
            $"/api/map/events?edition={Edition}&q=script",
            $"/api/map/events/{granted.EventId}",
            $"/api/map/pins?edition={Edition}",
            $"/api/map/pins?edition={Edition}&q=script",
            $"/api/map/export.geojson?edition={Edition}",
        ];

        foreach (var url in urls)
        {
            var body = await map.Visitor.GetStringAsync(new Uri(url, UriKind.Relative));
            Assert.All(Markup, m => Assert.DoesNotContain(m, body, StringComparison.OrdinalIgnoreCase));
            Assert.Contains("\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E", body, StringComparison.Ordinal);
        }

        // Decoded, the text is the organiser's, unchanged.
        var feature = await map.Visitor.GetFromJsonAsync<JsonElement>(new Uri($"/api/map/events/{granted.EventId}", UriKind.Relative));
        Assert.Equal(Title, feature.GetProperty("properties").GetProperty("title").GetString());
        Assert.Equal(Organisation, feature.GetProperty("properties").GetProperty("organisation").GetString());
    }

    [Fact]
    public async Task Csv_WhenOrganiserTextHoldsMarkupOrAFormula_KeepsTheTextAndDefusesTheFormula()
    {
        var granted = await GrantAsync();
        var formula = await map.GrantAsync(MapSamples.Granted(Guid.NewGuid(), Edition, 2043, MapSamples.Visit("=HYPERLINK(\"http://evil.example\";\"cliquez\")") with
        {
            PublicContact = new Shared.PublishedLanguage.EventContact("@evil.example", "+33 1 00 00 00 00"),
        }));

        var rows = await MapExportTests.CsvRowsAsync(map.Visitor, $"?edition={Edition}");

        var xss = rows.Single(r => r["identifiant"] == granted.EventId.ToString());
        Assert.Equal(Title, xss["titre"]); // CSV is data, not HTML: the text is kept as typed
        Assert.Equal(Description, xss["description"]);
        var defused = rows.Single(r => r["identifiant"] == formula.EventId.ToString());
        Assert.Equal("'=HYPERLINK(\"http://evil.example\";\"cliquez\")", defused["titre"]);
        Assert.Equal("'@evil.example", defused["contact_email"]);
        Assert.Equal("'+33 1 00 00 00 00", defused["contact_telephone"]);
    }

    [Fact]
    public async Task Calendar_WhenOrganiserTextHoldsMarkup_KeepsItAsCalendarText()
    {
        var granted = await GrantAsync();

        var ics = await map.Visitor.GetStringAsync(new Uri($"/api/map/events/{granted.EventId}.ics", UriKind.Relative));

        // iCalendar is plain text for calendar applications (no HTML): escaped as RFC 5545 TEXT.
        Assert.Contains($"SUMMARY:{Title} (1/2)", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventPage_WhenOrganiserTextTriesToCloseTheJsonLd_KeepsItInsideAsData()
    {
        const string title = "</script><script>alert(1)</script><!-- <script>";
        const string organisation = "Forges </SCRIPT > & <!--";
        var granted = MapSamples.Granted(Guid.NewGuid(), Edition, 2043, MapSamples.Visit(title) with { Description = "Fin </script ><img src=x onerror=alert(2)> -->" }, organisation: organisation);
        await map.GrantAsync(granted);
        using var visitor = PageSession.Anonymous(map.Platform);

        var page = await visitor.GetAsync($"/evenements/{granted.EventId}");

        // The only script element without a source is the JSON-LD, and it holds the whole document: nothing ended it early.
        var inline = Assert.Single(page.Document.QuerySelectorAll("script:not([src])"));
        Assert.Equal("application/ld+json", inline.GetAttribute("type"));
        var html = await page.Response.Content.ReadAsStringAsync();
        var start = html.IndexOf("<script type=\"application/ld+json\"", StringComparison.Ordinal);
        var body = html[(html.IndexOf('>', start) + 1)..html.IndexOf("</script", start, StringComparison.OrdinalIgnoreCase)];
        Assert.Equal(inline.TextContent, body);
        Assert.DoesNotContain("<", body, StringComparison.Ordinal);
        Assert.DoesNotContain(">", body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(title, json.RootElement.GetProperty("name").GetString());
        Assert.Equal(organisation, json.RootElement.GetProperty("organizer").GetProperty("name").GetString());
        Assert.StartsWith("Fin </script >", json.RootElement.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("[onerror]"));
        Assert.Equal(title, page.Document.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
    }

    private async Task<IndustryWeek.Labelling.Contracts.LabelGranted> GrantAsync()
    {
        var granted = MapSamples.Granted(Guid.NewGuid(), Edition, 2043, MapSamples.Visit(Title) with { Description = Description }, organisation: Organisation);
        await map.PublishAsync(granted);
        await Eventually.WaitAsync(async () => await MapApi.FeatureAsync(map.Visitor, granted.EventId) is not null, "the event is on the map");
        return granted;
    }
}
