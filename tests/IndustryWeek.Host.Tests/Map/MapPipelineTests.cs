using IndustryWeek.Shared.Time;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Map;

/// <summary>The map's publication from end to end on each database, and its copies on two hosts.</summary>
public sealed class MapPipelineTests
{
    public static TheoryData<string> Providers() => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Publication_WhenGrantedChangedSuspendedGrantedAgainAndCancelled_FollowsEachNotification(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var platform = new PlatformFactory(database);
        using var visitor = platform.CreateClient();
        var t0 = DateTime.UtcNow.AddMinutes(-10);
        var granted = MapSamples.Granted(Guid.NewGuid(), SampleEvents.Edition2020, 2020, grantedAtUtc: t0);

        await platform.PublishAsync(granted);
        await WaitForAsync(visitor, granted.EventId, "Visite de l'usine de Valenciennes");

        await platform.PublishAsync(MapSamples.Updated(granted, MapSamples.Visit("Visite et atelier"), 2, needsReview: true, updatedAtUtc: t0.AddMinutes(1)));
        await WaitForAsync(visitor, granted.EventId, "Visite et atelier");

        await platform.PublishAsync(MapSamples.Suspended(granted, t0.AddMinutes(2)));
        await WaitForAsync(visitor, granted.EventId, null);

        await platform.PublishAsync(granted with { LabelVersion = 2, Event = MapSamples.Visit("Visite reprogrammée"), GrantedAtUtc = t0.AddMinutes(3) });
        await WaitForAsync(visitor, granted.EventId, "Visite reprogrammée");

        await platform.PublishAsync(MapSamples.Cancelled(granted, t0.AddMinutes(4)));
        await WaitForAsync(visitor, granted.EventId, null);

        Assert.Equal(0, await database.ScalarAsync("SELECT COUNT(*) FROM map_pins"));
        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM map_event_records"));
        Assert.Equal(5, await database.ScalarAsync("""SELECT "Version" FROM map_event_records"""));
        Assert.Equal(5, await database.ScalarAsync("""SELECT "Version" FROM map_state""")); // each change of the pin, once
    }

    [PostgresFact]
    public async Task TwoHosts_WhenAnEditionsDateMovesOnOne_TheOtherServesTheNewMapWithinASecondOrSo()
    {
        await using var database = await TestDatabase.CreatePostgresAsync();
        await using var first = new PlatformFactory(database);
        await using var second = new PlatformFactory(database);
        using var firstVisitor = first.CreateClient();
        using var secondVisitor = second.CreateClient();
        var today = TimeProvider.System.TodayInParis();
        var edition = MapSamples.Edition(Guid.NewGuid(), 2041, today.AddDays(-3));
        await first.PublishAsync(MapSamples.Published(edition));
        var granted = MapSamples.Granted(Guid.NewGuid(), edition.Id, 2041);
        await first.PublishAsync(granted);
        await Eventually.WaitAsync(async () => (await MapApi.FeaturesAsync(secondVisitor)).Count == 1, "the second host shows the pin");
        var etag = (await secondVisitor.GetAsync(new Uri("/api/map/events", UriKind.Relative))).Headers.ETag;

        // Handled on the first host only: the second learns it from the map's version in the database.
        await first.PublishAsync(MapSamples.EditionChanged(edition with { MapVisibleFrom = today.AddDays(30) }));

        Assert.Empty(await MapApi.FeaturesAsync(firstVisitor));
        await Eventually.WaitAsync(async () => (await MapApi.FeaturesAsync(secondVisitor)).Count == 0, "the second host hides the pin", TimeSpan.FromSeconds(5));
        Assert.NotEqual(etag, (await secondVisitor.GetAsync(new Uri("/api/map/events", UriKind.Relative))).Headers.ETag);
    }

    /// <summary>Waits until the event's public title is <paramref name="title"/>, or until it is gone (null).</summary>
    private static Task WaitForAsync(HttpClient visitor, Guid eventId, string? title) =>
        Eventually.WaitAsync(
            async () =>
            {
                var feature = await MapApi.FeatureAsync(visitor, eventId);
                return title is null ? feature is null : feature?.GetProperty("properties").GetProperty("title").GetString() == title;
            },
            title is null ? "the event leaves the map" : $"the map shows « {title} »");
}
