using System.Net.Http.Json;
using IndustryWeek.Shared.Outbox;
using IndustryWeek.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Host.Tests.Pipeline;

/// <summary>Several hosts on one PostgreSQL database: each outbox message is claimed and handled by one of them.</summary>
public sealed class MultiHostDispatchTests
{
    private static readonly Dictionary<string, string?> ManualDispatch = new() { ["Outbox:DispatcherEnabled"] = "false" };

    [PostgresFact]
    public async Task Dispatch_WhenTwoHostsDispatchAtOnce_EachMessageIsHandledOnce()
    {
        await using var database = await TestDatabase.CreatePostgresAsync();
        await using var first = new PlatformFactory(database, ManualDispatch);
        await using var second = new PlatformFactory(database, ManualDispatch);
        using var moderator = await first.SignedInClientAsync();
        _ = second.Services; // start the second host (and its clustered scheduler) on the same database
        const int grants = 40;
        for (var i = 0; i < grants; i++)
        {
            var submitted = SampleEvents.FactoryVisit(title: $"Atelier n° {i}");
            await first.PublishAsync(submitted);
            (await moderator.PostAsJsonAsync($"/api/labelling/applications/{submitted.EventId}/grant", new { })).EnsureSuccessStatusCode();
        }

        var handled = await Task.WhenAll(
            Task.Run(() => first.Services.GetRequiredService<IOutboxDispatcher>().DispatchPendingAsync(CancellationToken.None)),
            Task.Run(() => second.Services.GetRequiredService<IOutboxDispatcher>().DispatchPendingAsync(CancellationToken.None)));

        // Each grant: the criteria checked on arrival, LabelGranted, the criteria confirmed; and maybe
        // already the kit's delivery news. Each handled once, by one host or the other.
        Assert.True(handled.Sum() >= 3 * grants);
        Assert.Equal(3 * grants, await database.ScalarAsync("""SELECT COUNT(*) FROM labelling_outbox WHERE "ProcessedAtUtc" IS NOT NULL AND "Attempts" = 1"""));
        Assert.Equal(0, await database.ScalarAsync("""SELECT COUNT(*) FROM labelling_outbox WHERE "ProcessedAtUtc" IS NULL OR "Attempts" <> 1"""));
        await Eventually.WaitAsync(
            async () => first.Mails().Count == grants && await database.ScalarAsync("SELECT COUNT(*) FROM map_pins") == grants,
            "every label has its kit mail and its pin",
            TimeSpan.FromSeconds(60));
        Assert.Equal(grants, await database.ScalarAsync("""SELECT COUNT(*) FROM kit_deliveries WHERE "Status" = 'Sent' AND "Attempts" = 1"""));
    }
}
