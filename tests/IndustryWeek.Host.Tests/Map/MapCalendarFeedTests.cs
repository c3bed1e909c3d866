using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Map;

/// <summary>
/// GET /api/map/events.ics: the calendar subscription of a map's events (webcal:// on /carte), with the map's
/// filters, and answered 304 to a calendar application that already has the current version.
/// </summary>
[Collection(MapApiTestGroup.Name)]
public sealed class MapCalendarFeedTests(MapPlatformFixture map)
{
    private static readonly Guid OtherEdition = Guid.Parse("2044aaaa-0000-0000-0000-0000000000c1");

    [Fact]
    public async Task Feed_WhenParsed_HoldsEverySessionOfTheEditionsEventsAsTheirOwnFilesDo()
    {
        using var response = await map.Visitor.GetAsync(new Uri("/api/map/events.ics" + FilterEdition.Query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.NotNull(response.Headers.ETag);
        var calendar = Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("X-WR-CALNAME:Semaine de l'industrie 2040 – événements labellisés", calendar.Properties);
        // Six events, Valenciennes on two dates: seven entries, each exactly as in the event's own file.
        Assert.Equal(7, calendar.Events.Count);
        foreach (var id in FilterEdition.Events.Select(e => e.EventId))
        {
            var own = Parse(await map.Visitor.GetStringAsync(new Uri($"/api/map/events/{id}.ics", UriKind.Relative)));
            var inFeed = calendar.Events.Where(e => e.Contains($"URL:http://localhost:5080/evenements/{id}")).ToList();
            Assert.Equal(own.Events.Select(Comparable), inFeed.Select(Comparable));
        }

        Assert.Contains(calendar.Events, e => e.Contains("DTSTART;TZID=Europe/Paris:20201116T090000") && e.Contains("SUMMARY:Visite de l'usine de Valenciennes (1/2)"));
        Assert.Contains(calendar.Events, e => e.Contains("LOCATION:en ligne : https://webinaire.example.fr/metiers"));
    }

    [Fact]
    public async Task Feed_AndEachEventsFile_WhenReadByACalendarLibrary_GiveEverySessionAtItsParisTime()
    {
        var feed = await LoadAsync("/api/map/events.ics" + FilterEdition.Query);

        // The zone the times refer to, described once; seven sessions of six events.
        Assert.Equal("Europe/Paris", Assert.Single(feed.TimeZones).TzId);
        Assert.Equal(7, feed.Events.Count);
        Assert.All(feed.Events, e => Assert.Equal(("Europe/Paris", "Europe/Paris"), (e.DtStart!.TzId, e.DtEnd!.TzId)));
        var valenciennes = feed.Events.Where(e => e.Url == new Uri($"http://localhost:5080/evenements/{FilterEdition.Valenciennes}")).OrderBy(e => e.DtStart!.AsUtc).ToList();
        Assert.Equal(["Visite de l'usine de Valenciennes (1/2)", "Visite de l'usine de Valenciennes (2/2)"], valenciennes.Select(e => e.Summary));
        // November is winter time in Paris (UTC+1): 9 h – 12 h and 14 h – 17 h as typed by the organiser.
        Assert.Equal(
            [(new DateTime(2020, 11, 16, 8, 0, 0, DateTimeKind.Utc), new DateTime(2020, 11, 16, 11, 0, 0, DateTimeKind.Utc)), (new DateTime(2020, 11, 18, 13, 0, 0, DateTimeKind.Utc), new DateTime(2020, 11, 18, 16, 0, 0, DateTimeKind.Utc))],
            valenciennes.Select(e => (e.DtStart!.AsUtc, e.DtEnd!.AsUtc)));
        Assert.Equal("1 rue de l'Industrie, 59300 Valenciennes", valenciennes[0].Location);
        Assert.Contains($"\nhttp://localhost:5080/evenements/{FilterEdition.Valenciennes}", valenciennes[0].Description, StringComparison.Ordinal);

        // Each event's own file holds the same sessions, with the same UIDs: a calendar that has both keeps one entry each.
        foreach (var id in FilterEdition.Events.Select(e => e.EventId))
        {
            var own = await LoadAsync($"/api/map/events/{id}.ics");
            Assert.Equal("Europe/Paris", Assert.Single(own.TimeZones).TzId);
            Assert.NotEmpty(own.Events);
            Assert.Equal(
                own.Events.Select(Session),
                feed.Events.Where(e => e.Uid!.StartsWith($"{id:N}-", StringComparison.Ordinal)).Select(Session));
        }
    }

    [Theory]
    [InlineData("&format=Workshop", "Lyon")]
    [InlineData("&region=32", "Valenciennes")]
    [InlineData("&online=true", "Online,Paris")]
    [InlineData("&q=naval", "Ajaccio")]
    [InlineData("&region=32&format=Workshop", "")]
    public async Task Feed_WhenFiltered_HoldsTheEventsTheMapShowsWithTheSameFilters(string filter, string expected)
    {
        var ids = await MapApi.IdsAsync(map.Visitor, FilterEdition.Query + filter);
        var feed = Parse(await map.Visitor.GetStringAsync(new Uri("/api/map/events.ics" + FilterEdition.Query + filter, UriKind.Relative)));

        var inFeed = feed.Events.Select(e => Guid.Parse(e.Single(l => l.StartsWith("UID:", StringComparison.Ordinal))[4..36])).Distinct().ToList();
        Assert.Equal(ids, inFeed);
        var names = new Dictionary<Guid, string>
        {
            [FilterEdition.Valenciennes] = "Valenciennes", [FilterEdition.Lyon] = "Lyon", [FilterEdition.Online] = "Online",
            [FilterEdition.Paris] = "Paris", [FilterEdition.Reunion] = "Reunion", [FilterEdition.Ajaccio] = "Ajaccio",
        };
        Assert.Equal(expected, string.Join(',', inFeed.Select(id => names[id]).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Feed_WhenFiltersAreWrong_IsRefusedWithFrenchFieldErrors()
    {
        using var response = await map.Visitor.GetAsync(new Uri("/api/map/events.ics?region=99&from=2020-11-20&to=2020-11-10&edition=vingt", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.StartsWith("Région inconnue : « 99 »", errors.GetProperty("region")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("La date de fin (to) doit être postérieure", errors.GetProperty("to")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("L'édition se désigne", errors.GetProperty("edition")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_WhenTheCalendarHasTheCurrentVersion_Is304_AndAChangeOnTheMapOrAnotherFilterGivesANewOne()
    {
        var url = "/api/map/events.ics" + FilterEdition.Query;
        var first = await ETagAsync(url);
        Assert.Equal(first, await ETagAsync(url)); // the same map, the same tag

        Assert.Equal(HttpStatusCode.NotModified, await StatusIfNoneMatchAsync(url, first));
        Assert.NotEqual(first, await ETagAsync(url + "&region=32"));
        Assert.Equal(HttpStatusCode.OK, await StatusIfNoneMatchAsync(url + "&region=32", first));

        // An event labelled anywhere moves the map's version: the subscription is sent again.
        await map.GrantAsync(MapSamples.Granted(Guid.NewGuid(), OtherEdition, 2044, MapSamples.Visit("Portes ouvertes ailleurs")));
        await Eventually.WaitAsync(async () => await StatusIfNoneMatchAsync(url, first) == HttpStatusCode.OK, "the feed's tag follows the map's version");
        Assert.NotEqual(first, await ETagAsync(url));
    }

    private async Task<Ical.Net.Calendar> LoadAsync(string url) =>
        Ical.Net.Calendar.Load(await map.Visitor.GetStringAsync(new Uri(url, UriKind.Relative)))!;

    private static (string?, string?, string?, string?, DateTime, DateTime) Session(Ical.Net.CalendarComponents.CalendarEvent e) =>
        (e.Uid, e.Summary, e.Description, e.Location, e.DtStart!.AsUtc, e.DtEnd!.AsUtc);

    private async Task<EntityTagHeaderValue> ETagAsync(string url)
    {
        using var response = await map.Visitor.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!;
    }

    private async Task<HttpStatusCode> StatusIfNoneMatchAsync(string url, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        using var response = await map.Visitor.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>An entry's lines without DTSTAMP (the feed is stamped with its latest publication, an event's file with its own).</summary>
    private static string Comparable(List<string> entry) => string.Join('\n', entry.Where(l => !l.StartsWith("DTSTAMP:", StringComparison.Ordinal)));

    /// <summary>
    /// A strict reading of RFC 5545: CRLF lines, unfolded, each « NAME[;params]:value »; one VCALENDAR holding a VTIMEZONE
    /// and VEVENTs with a UID, DTSTAMP, DTSTART, DTEND and SUMMARY each.
    /// </summary>
    private static Calendar Parse(string ics)
    {
        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = MapExportTests.Unfold(ics);
        Assert.All(lines, l => Assert.Matches("^[A-Z-]+(;[A-Z-]+=[^:;]+)*:", l));
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("BEGIN:VTIMEZONE", lines);
        var events = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in lines)
        {
            if (line == "BEGIN:VEVENT")
            {
                Assert.Null(current);
                current = [];
            }
            else if (line == "END:VEVENT")
            {
                Assert.NotNull(current);
                Assert.All(new[] { "UID:", "DTSTAMP:", "DTSTART;TZID=Europe/Paris:", "DTEND;TZID=Europe/Paris:", "SUMMARY:" }, p => Assert.Single(current, l => l.StartsWith(p, StringComparison.Ordinal)));
                events.Add(current);
                current = null;
            }
            else
            {
                current?.Add(line);
            }
        }

        Assert.Null(current);
        return new Calendar(lines, events);
    }

    private sealed record Calendar(List<string> Properties, List<List<string>> Events);
}
