using System.Text.Json;
using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using IndustryWeek.Shared.Jobs;

namespace IndustryWeek.Host.Tests.Map;

/// <summary>
/// Each notification the map handles, through its handler and the durable publication job (run by the
/// host's scheduler): what the public then sees of the event.
/// </summary>
[Collection(MapApiTestGroup.Name)]
public sealed class MapPublicationTests(MapPlatformFixture map)
{
    private static readonly Guid Edition = Guid.Parse("2041aaaa-0000-0000-0000-0000000000a1");
    private const int Year = 2041;

    [Fact]
    public async Task LabelGranted_WhenTheJobRuns_PublishesTheEventWithWhatThePublicSees()
    {
        var granted = MapSamples.Granted(Guid.NewGuid(), Edition, Year);

        await map.GrantAsync(granted);

        var feature = (await MapApi.FeatureAsync(map.Visitor, granted.EventId))!.Value;
        Assert.Equal(granted.EventId, feature.GetProperty("id").GetGuid());
        Assert.Equal([3.523, 50.357], feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        var properties = feature.GetProperty("properties");
        Assert.Equal("Visite de l'usine de Valenciennes", properties.GetProperty("title").GetString());
        Assert.Equal("CompanyVisit", properties.GetProperty("format").GetString());
        Assert.Equal(["Pupils", "JobSeekers"], properties.GetProperty("audiences").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["Automotive"], properties.GetProperty("sectors").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(2, properties.GetProperty("sessions").GetArrayLength());
        Assert.Equal("Valenciennes", properties.GetProperty("city").GetString());
        Assert.Equal("Usine Exemple SAS", properties.GetProperty("organisation").GetString());
        Assert.False(properties.GetProperty("online").GetBoolean());
        Assert.Equal($"http://localhost:5080/evenements/{granted.EventId}", properties.GetProperty("url").GetString());
        Assert.Contains(granted.EventId, await MapApi.IdsAsync(map.Visitor, $"?edition={Edition}"));

        // Everything the public page needs is kept (the CSV shows all of it).
        var row = (await MapExportTests.CsvRowsAsync(map.Visitor, $"?edition={Edition}")).Single(r => r["identifiant"] == granted.EventId.ToString());
        Assert.Equal(granted.Event.Description, row["description"]);
        Assert.Equal("1 rue de l'Industrie", row["adresse"]);
        Assert.Equal("59300", row["code_postal"]);
        Assert.Equal("59606", row["code_insee"]);
        Assert.Equal("https://usine-exemple.fr/visites", row["url_reservation"]);
        Assert.Equal("25", row["capacite"]);
        Assert.Equal("oui", row["reservation_obligatoire"]);
        Assert.Equal("visites@usine-exemple.fr", row["contact_email"]);
        Assert.Equal("03 27 00 00 00", row["contact_telephone"]);
        Assert.Equal("oui", row["accessible"]);
        Assert.Equal("oui", row["gratuit"]);
        Assert.Equal(granted.LabelNumber, row["numero_label"]);
        Assert.Equal("2041", row["edition"]);
    }

    [Fact]
    public async Task LabelGranted_WhenHandledTwice_SchedulesOneJobAndShowsOnePin()
    {
        var granted = await map.GrantAsync(MapSamples.Granted(Guid.NewGuid(), Edition, Year));

        await map.PublishAsync(granted);

        Assert.Single(await PinJobsAsync(granted.EventId));
        Assert.Single(await MapApi.IdsAsync(map.Visitor, $"?edition={Edition}"), id => id == granted.EventId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EventUpdated_WhenLabelled_ShowsTheNewDetailsWhetherOrNotItNeedsReview(bool needsReview)
    {
        var granted = await map.GrantAsync(MapSamples.Granted(Guid.NewGuid(), Edition, Year));
        var moved = MapSamples.Visit("Visite de l'usine de Maubeuge") with
        {
            Sessions = [MapSamples.Session(11, 19, 10, 12)],
            Location = MapSamples.Place("Maubeuge", "59600", "59392", "59", "32", 50.2775, 3.9734),
        };

        await map.PublishAsync(MapSamples.Updated(granted, moved, revision: 4, needsReview));

        var properties = await WaitForTitleAsync(granted.EventId, "Visite de l'usine de Maubeuge");
        Assert.Equal("Maubeuge", properties.GetProperty("city").GetString());
        Assert.Equal("2020-11-19T10:00:00", Assert.Single(properties.GetProperty("sessions").EnumerateArray().ToList()).GetProperty("start").GetString());
        Assert.Equal(2, (await PinJobsAsync(granted.EventId)).Count); // « v1 » and « r4 »
    }

    [Fact]
    public async Task EventUpdated_WhenAnOlderRevisionArrivesLate_KeepsTheNewer()
    {
        var granted = await map.GrantAsync(MapSamples.Granted(Guid.NewGuid(), Edition, Year));
        await map.PublishAsync(MapSamples.Updated(granted, MapSamples.Visit("Révision 5"), 5, needsReview: false));
        await WaitForTitleAsync(granted.EventId, "Révision 5");

        await map.PublishAsync(MapSamples.Updated(granted, MapSamples.Visit("Révision 3"), 3, needsReview: false, updatedAtUtc: DateTime.UtcNow.AddMinutes(-5)));

        Assert.Equal(3, (await PinJobsAsync(granted.EventId)).Count); // « v1 », « r5 », and the late « r3 », which changed nothing
        Assert.Equal("Révision 5", (await MapApi.FeatureAsync(map.Visitor, granted.EventId))!.Value.GetProperty("properties").GetProperty("title").GetString());
    }

    [Fact]
    public async Task EventUpdated_WhenNotLabelled_IsNotShown()
    {
        var eventId = Guid.NewGuid();
        var granted = MapSamples.Granted(eventId, Edition, Year);

        await map.PublishAsync(MapSamples.Updated(granted, MapSamples.Visit(), 2, needsReview: true, status: "Submitted"));
        await map.PublishAsync(MapSamples.Updated(granted, MapSamples.Visit(), 3, needsReview: false, status: "Suspended"));

        Assert.Empty(await PinJobsAsync(eventId));
        Assert.Null(await MapApi.FeatureAsync(map.Visitor, eventId));
    }

    public static TheoryData<string> Removals() => ["LabelRevoked", "LabelSuspended", "EventCancelled", "EventWithdrawn"];

    [Theory]
    [MemberData(nameof(Removals))]
    public async Task Removal_WhenTheJobRuns_TakesTheEventOffTheMap(string removal)
    {
        var granted = await map.GrantAsync(MapSamples.Granted(Guid.NewGuid(), Edition, Year, grantedAtUtc: DateTime.UtcNow.AddMinutes(-1)));

        await map.PublishAsync(Removal(removal, granted, DateTime.UtcNow));

        await Eventually.WaitAsync(async () => await MapApi.FeatureAsync(map.Visitor, granted.EventId) is null, $"{removal} removes the event");
        Assert.DoesNotContain(granted.EventId, await MapApi.IdsAsync(map.Visitor, $"?edition={Edition}"));
        Assert.Equal(0, await map.Platform.Database.ScalarAsync($"SELECT COUNT(*) FROM map_pins WHERE upper(\"EventId\") = upper('{granted.EventId}')"));
    }

    [Theory]
    [InlineData("LabelRevoked", true)]
    [InlineData("LabelSuspended", true)]
    [InlineData("EventCancelled", false)]
    [InlineData("EventWithdrawn", false)]
    public async Task LabelGranted_WhenGrantedAgainAfterARemoval_PublishesAgainUnlessTheEventIsGone(string removal, bool publishedAgain)
    {
        var granted = await map.GrantAsync(MapSamples.Granted(Guid.NewGuid(), Edition, Year, grantedAtUtc: DateTime.UtcNow.AddMinutes(-2)));
        await map.PublishAsync(Removal(removal, granted, DateTime.UtcNow.AddMinutes(-1)));
        await Eventually.WaitAsync(async () => await MapApi.FeatureAsync(map.Visitor, granted.EventId) is null, "removed");

        var regranted = granted with { LabelVersion = 2, Event = MapSamples.Visit("Nouvelles dates"), GrantedAtUtc = DateTime.UtcNow };
        await map.PublishAsync(regranted);

        if (publishedAgain)
        {
            await WaitForTitleAsync(granted.EventId, "Nouvelles dates");
        }
        else
        {
            // The second grant's job is scheduled only when there is something to show; nothing is.
            Assert.DoesNotContain(await PinJobsAsync(granted.EventId), k => k.Key.EndsWith("-v2", StringComparison.Ordinal));
            Assert.Null(await MapApi.FeatureAsync(map.Visitor, granted.EventId));
        }
    }

    [Fact]
    public async Task Removal_WhenTheEventWasNeverOnTheMap_SchedulesNothing()
    {
        var granted = MapSamples.Granted(Guid.NewGuid(), Edition, Year);

        await map.PublishAsync(MapSamples.Withdrawn(granted));

        Assert.Empty(await PinJobsAsync(granted.EventId));
        Assert.Equal(1, await map.Platform.Database.ScalarAsync($"SELECT COUNT(*) FROM map_event_records WHERE upper(\"EventId\") = upper('{granted.EventId}') AND \"RemovedForGood\""));
    }

    private static INotification Removal(string kind, LabelGranted granted, DateTime atUtc) => kind switch
    {
        "LabelRevoked" => MapSamples.Revoked(granted, atUtc),
        "LabelSuspended" => MapSamples.Suspended(granted, atUtc),
        "EventCancelled" => MapSamples.Cancelled(granted, atUtc),
        "EventWithdrawn" => MapSamples.Withdrawn(granted, atUtc),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private async Task<JsonElement> WaitForTitleAsync(Guid eventId, string title)
    {
        JsonElement properties = default;
        await Eventually.WaitAsync(
            async () => await MapApi.FeatureAsync(map.Visitor, eventId) is { } feature
                && (properties = feature.GetProperty("properties")).GetProperty("title").GetString() == title,
            $"the map shows « {title} »");
        return properties;
    }

    private async Task<IReadOnlyList<JobSummary>> PinJobsAsync(Guid eventId) =>
        [.. (await BackgroundJobRuns.OfTypeAsync(map.Platform, "map.publish-pin")).Where(j => j.Key.StartsWith(eventId.ToString("N"), StringComparison.Ordinal))];
}
