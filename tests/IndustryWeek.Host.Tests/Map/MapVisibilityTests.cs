using System.Net;
using IndustryWeek.Shared.Time;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Map;

/// <summary>
/// An edition's pins are public from its « carte visible à partir du » date (Paris), administrators
/// preview them before; without `edition`, the map shows the most recent edition whose map is public.
/// </summary>
public sealed class MapVisibilityTests
{
    private static readonly Guid Unknown2039 = Guid.Parse("2039aaaa-0000-0000-0000-0000000000b1");
    private static readonly Guid Open2041 = Guid.Parse("2041bbbb-0000-0000-0000-0000000000b2");
    private static readonly Guid Upcoming2042 = Guid.Parse("2042bbbb-0000-0000-0000-0000000000b3");

    [Fact]
    public async Task Map_BeforeAndFromTheEditionsVisibleDate_ShowsItsPinsToAdministratorsThenToEveryone()
    {
        var clock = new TestClock();
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database) { Clock = clock };
        using var visitor = platform.CreateClient();
        using var administrator = await platform.SignedInClientAsync();
        await platform.CreateUserAsync("moderatrice@tests.local", "Moderatrice-2020", ["Moderator"], ["32"]);
        using var moderator = await platform.SignedInClientAsync("moderatrice@tests.local", "Moderatrice-2020");
        var today = clock.TodayInParis();
        var opensOn = today.AddDays(10);
        await platform.PublishAsync(MapSamples.Published(MapSamples.Edition(Open2041, 2041, today.AddDays(-1))));
        await platform.PublishAsync(MapSamples.Published(MapSamples.Edition(Upcoming2042, 2042, opensOn)));
        var unknown = MapSamples.Granted(Guid.NewGuid(), Unknown2039, 2039, MapSamples.Visit("Édition inconnue de la carte"));
        var open = MapSamples.Granted(Guid.NewGuid(), Open2041, 2041, MapSamples.Visit("Édition ouverte"));
        var upcoming = MapSamples.Granted(Guid.NewGuid(), Upcoming2042, 2042, MapSamples.Visit("Édition à venir"));
        foreach (var granted in new[] { unknown, open, upcoming })
        {
            await platform.PublishAsync(granted);
        }

        // Each grant's pin is published by its own job: wait for all three, not only the first one asserted.
        await Eventually.WaitAsync(
            async () => (await MapApi.FeaturesAsync(administrator, $"?edition={Upcoming2042}&preview=true")).Count == 1
                && (await MapApi.FeaturesAsync(administrator, $"?edition={Open2041}")).Count == 1
                && (await MapApi.FeaturesAsync(administrator, "?edition=2039")).Count == 1,
            "the three pins are published");

        // Before the date: the public sees nothing of 2042, even asking for a preview; administrators do.
        Assert.Empty(await MapApi.FeaturesAsync(visitor, $"?edition={Upcoming2042}"));
        Assert.Empty(await MapApi.FeaturesAsync(visitor, $"?edition={Upcoming2042}&preview=true"));
        Assert.Empty(await MapApi.FeaturesAsync(moderator, "?edition=2042&preview=true"));
        Assert.Empty(await MapApi.FeaturesAsync(administrator, "?edition=2042")); // no preview asked
        Assert.Equal([upcoming.EventId], await MapApi.IdsAsync(administrator, "?edition=2042&preview=true"));
        Assert.Null(await MapApi.FeatureAsync(visitor, upcoming.EventId));
        Assert.Null(await MapApi.FeatureAsync(visitor, upcoming.EventId, "?preview=true"));
        Assert.NotNull(await MapApi.FeatureAsync(administrator, upcoming.EventId, "?preview=true"));
        using (var calendar = await visitor.GetAsync(new Uri($"/api/map/events/{upcoming.EventId}.ics", UriKind.Relative)))
        {
            // As the event's own page, which links to it (the kit's QR code leads there from the labelling): answered, not indexed.
            Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
            Assert.Equal(["noindex"], calendar.Headers.GetValues("X-Robots-Tag"));
        }

        Assert.Equal(1, CountLines(await visitor.GetStringAsync(new Uri($"/api/map/export.csv?edition={Upcoming2042}", UriKind.Relative)))); // the header only
        using (var preview = await administrator.GetAsync(new Uri($"/api/map/events?edition={Upcoming2042}&preview=true", UriKind.Relative)))
        {
            Assert.True(preview.Headers.CacheControl is { Private: true, NoCache: true, Public: false });
        }

        // The current edition: the most recent public one (an edition unknown to the map counts as public).
        Assert.Equal([open.EventId], await MapApi.IdsAsync(visitor));
        Assert.Equal([unknown.EventId], await MapApi.IdsAsync(visitor, "?edition=2039"));
        Assert.Equal([upcoming.EventId], await MapApi.IdsAsync(administrator, "?preview=true"));
        using var before = await visitor.GetAsync(new Uri($"/api/map/events?edition={Upcoming2042}", UriKind.Relative));

        // Midnight in Paris on the day the map opens: no change recorded, the pins are public.
        clock.MoveTo(ParisTime.ToInstant(opensOn.ToDateTime(new TimeOnly(0, 1))));

        Assert.Equal([upcoming.EventId], await MapApi.IdsAsync(visitor, $"?edition={Upcoming2042}"));
        Assert.Equal([upcoming.EventId], await MapApi.IdsAsync(visitor));
        Assert.NotNull(await MapApi.FeatureAsync(visitor, upcoming.EventId));
        using var after = await visitor.GetAsync(new Uri($"/api/map/events?edition={Upcoming2042}", UriKind.Relative));
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal(2, CountLines(await visitor.GetStringAsync(new Uri($"/api/map/export.csv?edition={Upcoming2042}", UriKind.Relative))));
    }

    [Fact]
    public async Task Map_WhenTheEditionsDateMovesLater_HidesItsPinsAgain()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        using var visitor = platform.CreateClient();
        var today = TimeProvider.System.TodayInParis();
        var edition = MapSamples.Edition(Open2041, 2041, today);
        await platform.PublishAsync(MapSamples.Published(edition));
        var granted = MapSamples.Granted(Guid.NewGuid(), Open2041, 2041);
        await platform.PublishAsync(granted);
        await Eventually.WaitAsync(async () => (await MapApi.IdsAsync(visitor)).Contains(granted.EventId), "the pin is public");

        await platform.PublishAsync(MapSamples.EditionChanged(edition with { MapVisibleFrom = today.AddDays(7) }));

        Assert.Empty(await MapApi.FeaturesAsync(visitor, "?edition=2041"));
        Assert.Empty(await MapApi.FeaturesAsync(visitor));
    }

    private static int CountLines(string csv) => csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length;
}
