using System.Net;
using IndustryWeek.Editions.Contracts;
using IndustryWeek.Host.Tests.Map;
using IndustryWeek.Shared.Time;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.NoDeadEnds;

/// <summary>
/// The poster's QR code never leads to a 404: a labelled event's page answers from its labelling, not indexed and on
/// no list until its edition's map opens; the map opens on the current edition and its « Édition » list agrees.
/// </summary>
public sealed class PublicEventPageTests
{
    private static readonly Guid Archived2040 = Guid.Parse("2040dddd-0000-0000-0000-0000000000d1");
    private static readonly Guid Open2041 = Guid.Parse("2041dddd-0000-0000-0000-0000000000d2");
    private static readonly Guid Upcoming2042 = Guid.Parse("2042dddd-0000-0000-0000-0000000000d3");

    [Fact]
    public async Task EventPage_BeforeTheMapOpens_AnswersNotIndexedAndStaysOffTheMapUntilThen()
    {
        var clock = new TestClock();
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database) { Clock = clock };
        using var visitor = PageSession.Anonymous(platform);
        using var api = platform.CreateClient();
        using var administrator = await platform.SignedInClientAsync();
        var opensOn = clock.TodayInParis().AddDays(20);
        await platform.PublishAsync(MapSamples.Published(MapSamples.Edition(Upcoming2042, 2042, opensOn)));
        var granted = MapSamples.Granted(Guid.NewGuid(), Upcoming2042, 2042, MapSamples.Visit("Portes ouvertes avant la carte"));
        await platform.PublishAsync(granted);
        await Eventually.WaitAsync(async () => (await MapApi.IdsAsync(administrator, "?edition=2042&preview=true")).Contains(granted.EventId), "the pin is published");

        // The kit's QR code, scanned the day the kit arrives.
        var page = await visitor.GetAsync($"/evenements/{granted.EventId}");
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("Portes ouvertes avant la carte", page.Document.QuerySelector("#title")?.TextContent);
        Assert.Equal("noindex", page.Document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Equal(["noindex"], page.Response.Headers.GetValues("X-Robots-Tag"));
        Assert.Contains(ParisTime.FormatDate(opensOn), page.Document.QuerySelector("#not-yet-listed")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri($"/api/map/events/{granted.EventId}.ics", UriKind.Relative))).StatusCode);

        // On no list: the map's collection, its pins, its export, its page.
        Assert.Empty(await MapApi.FeaturesAsync(api, "?edition=2042"));
        Assert.Empty(await MapApi.PinIdsAsync(api, "?edition=2042"));
        Assert.Null(await MapApi.FeatureAsync(api, granted.EventId));
        Assert.DoesNotContain(granted.EventId.ToString(), await api.GetStringAsync(new Uri("/api/map/export.csv?edition=2042", UriKind.Relative)), StringComparison.Ordinal);
        var map = await visitor.GetAsync("/carte?edition=2042");
        Assert.DoesNotContain(map.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/evenements/{granted.EventId}");

        // The day the map opens: listed, indexed.
        clock.MoveTo(ParisTime.ToInstant(opensOn.ToDateTime(new TimeOnly(0, 1))));
        var listed = await visitor.GetAsync($"/evenements/{granted.EventId}");
        Assert.Equal(HttpStatusCode.OK, listed.Response.StatusCode);
        Assert.Null(listed.Document.QuerySelector("meta[name=robots]"));
        Assert.False(listed.Response.Headers.Contains("X-Robots-Tag"));
        Assert.Null(listed.Document.QuerySelector("#not-yet-listed"));
        Assert.Equal([granted.EventId], await MapApi.IdsAsync(api, "?edition=2042"));
    }

    [Fact]
    public async Task EventPage_WhenTheLabelIsRevoked_AnswersPageIntrouvable()
    {
        var clock = new TestClock();
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database) { Clock = clock };
        using var visitor = PageSession.Anonymous(platform);
        using var administrator = await platform.SignedInClientAsync();
        await platform.PublishAsync(MapSamples.Published(MapSamples.Edition(Upcoming2042, 2042, clock.TodayInParis().AddDays(20))));
        var granted = MapSamples.Granted(Guid.NewGuid(), Upcoming2042, 2042);
        await platform.PublishAsync(granted);
        await Eventually.WaitAsync(async () => (await MapApi.IdsAsync(administrator, "?edition=2042&preview=true")).Contains(granted.EventId), "the pin is published");
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/evenements/{granted.EventId}")).Response.StatusCode);

        await platform.PublishAsync(MapSamples.Revoked(granted));
        await Eventually.WaitAsync(async () => (await MapApi.IdsAsync(administrator, "?edition=2042&preview=true")).Count == 0, "the pin is removed");

        var page = await visitor.GetAsync($"/evenements/{granted.EventId}");
        Assert.Equal(HttpStatusCode.NotFound, page.Response.StatusCode);
        Assert.Equal("Page introuvable", page.Document.QuerySelector("main h1")?.TextContent);
    }

    [Fact]
    public async Task MapPage_WithoutAnEdition_OpensOnTheCurrentOneAndTheEditionListAgreesWithTheTitle()
    {
        var clock = new TestClock();
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database) { Clock = clock };
        using var visitor = PageSession.Anonymous(platform);
        var today = clock.TodayInParis();
        var opensOn = today.AddDays(30);
        await platform.PublishAsync(MapSamples.Published(MapSamples.Edition(Archived2040, 2040, today.AddDays(-400), EditionStatus.Archived)));
        await platform.PublishAsync(MapSamples.Published(MapSamples.Edition(Upcoming2042, 2042, opensOn)));

        // An archived edition and an upcoming one: the upcoming one, with the date its map opens.
        var upcoming = await visitor.GetAsync("/carte");
        Assert.Contains("2042", upcoming.Document.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(ParisTime.FormatDate(opensOn), upcoming.Document.QuerySelector("#not-yet")?.TextContent, StringComparison.Ordinal);

        // A public edition not archived: that one.
        await platform.PublishAsync(MapSamples.Published(MapSamples.Edition(Open2041, 2041, today.AddDays(-10))));
        await Eventually.WaitAsync(
            async () => (await visitor.GetAsync("/carte")).Document.QuerySelector("h1")?.TextContent?.Contains("2041", StringComparison.Ordinal) == true,
            "the map opens on 2041");
        var current = await visitor.GetAsync("/carte");
        Assert.Equal("2041", current.Document.QuerySelector("#edition option[selected]")?.GetAttribute("value"));

        // An edition asked for by its year, its map not public yet: the list names it, as the title does.
        var asked = await visitor.GetAsync("/carte?edition=2042");
        Assert.Contains("2042", asked.Document.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("2042", asked.Document.QuerySelector("#edition option[selected]")?.GetAttribute("value"));
        Assert.Equal("Carte pas encore publiée", asked.Document.QuerySelector("#not-yet h2")?.TextContent);
        Assert.Equal("/carte", asked.Document.QuerySelector("#not-yet a")?.GetAttribute("href"));
    }
}
