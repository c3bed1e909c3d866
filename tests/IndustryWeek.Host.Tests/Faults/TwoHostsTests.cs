using System.Diagnostics;
using IndustryWeek.Testing;
using Xunit.Abstractions;

namespace IndustryWeek.Host.Tests.Faults;

/// <summary>
/// Issue 9: two host processes on one PostgreSQL database, both dispatching their outboxes and both running
/// the clustered scheduler, with grants arriving on each: every message and every job is handled once, and
/// when one host is killed the other finishes its work.
/// </summary>
public sealed class TwoHostsTests(ITestOutputHelper output)
{
    private const int PerPhase = 40;
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(90);

    [PostgresFact]
    public async Task TwoHosts_WhenGrantsArriveOnBothAndOneIsKilled_EachMessageAndJobIsHandledOnceAndTheSurvivorFinishes()
    {
        var clock = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreatePostgresAsync();
        var scene = new FaultScene(database);
        var seeded = await scene.SeedAsync(2 * PerPhase);
        var first = scene.StartHost();
        await using var second = scene.StartHost();
        try
        {
            await Task.WhenAll(first.WaitUntilReadyAsync(Ready), second.WaitUntilReadyAsync(Ready));
            using var onFirst = await FaultScene.SignInAsync(first);
            using var onSecond = await FaultScene.SignInAsync(second);

            // 1. Both alive: half the grants on each host at the same time.
            var phase1 = seeded.Take(PerPhase).ToList();
            var granted = await Task.WhenAll(
                FaultScene.BulkGrantAsync(onFirst, [.. phase1.Where((_, i) => i % 2 == 0)], 5),
                FaultScene.BulkGrantAsync(onSecond, [.. phase1.Where((_, i) => i % 2 == 1)], 5));
            Assert.Equal(PerPhase, granted.Sum());
            await Eventually.WaitAsync(
                async () => await scene.ProgressAsync() is { Granted: PerPhase, Pins: PerPhase, OutboxPending: 0, JobsUnfinished: 0 }
                    && scene.ReadKitMails().PerLabel.Count == PerPhase,
                "the first 40 labels have their pins and kit mails, and nothing is left to do",
                TimeSpan.FromSeconds(120));
            output.WriteLine($"[{clock.Elapsed.TotalSeconds:0.0} s] phase 1 (deux hôtes) : {await scene.ProgressAsync()}");

            // Nobody died: strictly once. Each outbox message published once (one attempt, by one host), one
            // mail per label, one successful run per job and no other run; and both hosts did some of the jobs.
            foreach (var table in await scene.OutboxTablesAsync())
            {
                Assert.Equal(0, await database.ScalarAsync($"""SELECT COUNT(*) FROM {table} WHERE "ProcessedAtUtc" IS NULL OR "Attempts" <> 1 OR "FailedAtUtc" IS NOT NULL"""));
            }

            var mails = scene.ReadKitMails();
            Assert.All(mails.PerLabel, m => Assert.Equal(1, m.Value));
            Assert.Equal(2 * PerPhase, await database.ScalarAsync($"""
                SELECT COUNT(*) FROM platform_jobs WHERE "Type" IN ('{FaultScene.KitJob}', '{FaultScene.PinJob}') AND "State" = 'Succeeded' AND "Attempts" = 1
                """));
            Assert.Equal(2 * PerPhase, await database.ScalarAsync($"""
                SELECT COUNT(*) FROM platform_job_attempts a JOIN platform_jobs j ON j."Id" = a."JobId" WHERE j."Type" IN ('{FaultScene.KitJob}', '{FaultScene.PinJob}')
                """));
            await scene.AssertEachJobRanOnceAtATimeAsync();
            var nodes = await database.ScalarAsync("""SELECT COUNT(DISTINCT "Node") FROM platform_job_attempts""");
            output.WriteLine($"Tâches exécutées par {nodes} nœuds");
            Assert.Equal(2, nodes);

            // 2. Grants again on both; the first host is killed while they and their jobs are under way.
            var phase2 = seeded.Skip(PerPhase).ToList();
            var start = await scene.ProgressAsync();
            var onFirstGranting = FaultScene.BulkGrantAsync(onFirst, [.. phase2.Where((_, i) => i % 2 == 0)], 5);
            var onSecondGranting = FaultScene.BulkGrantAsync(onSecond, [.. phase2.Where((_, i) => i % 2 == 1)], 5);
            await Eventually.WaitAsync(
                async () => await scene.ProgressAsync() is var now && now.Granted >= start.Granted + 10 && now.MailFiles >= start.MailFiles + 3,
                "the second wave of grants is under way",
                TimeSpan.FromSeconds(60));
            first.KillHard();
            output.WriteLine($"[{clock.Elapsed.TotalSeconds:0.0} s] kill -9 du premier hôte : {await scene.ProgressAsync()}");
            await Task.WhenAll(onFirstGranting, onSecondGranting);
            await scene.AssertNothingHalfWrittenAsync(2 * PerPhase);

            // The moderator carries on with the survivor: what the dead host had not granted yet.
            var pending = await scene.PendingAsync();
            output.WriteLine($"{pending.Count} demandes restées en attente avec le premier hôte");
            Assert.Equal(pending.Count, await FaultScene.BulkGrantAsync(onSecond, pending, 20));
            await Eventually.WaitAsync(
                async () => await scene.ProgressAsync() is { Granted: 2 * PerPhase, Pins: 2 * PerPhase, OutboxPending: 0, JobsUnfinished: 0 }
                    && scene.ReadKitMails().PerLabel.Count == 2 * PerPhase,
                "the survivor finishes the dead host's work: every label has its pin and its kit mail",
                TimeSpan.FromSeconds(120));
            output.WriteLine($"[{clock.Elapsed.TotalSeconds:0.0} s] le survivant a fini : {await scene.ProgressAsync()}");
        }
        finally
        {
            await first.DisposeAsync();
        }

        // No lost work, nothing done twice but what the kill interrupted.
        foreach (var table in await scene.OutboxTablesAsync())
        {
            Assert.Equal(0, await database.ScalarAsync($"""SELECT COUNT(*) FROM {table} WHERE "ProcessedAtUtc" IS NULL OR "FailedAtUtc" IS NOT NULL"""));
        }

        using var visitor = second.CreateClient();
        Assert.Equal(seeded.Order(), (await MapApi.FeaturesAsync(visitor)).Select(f => f.GetProperty("id").GetGuid()).Order());
        var allMails = scene.ReadKitMails();
        var labels = await scene.LabelsAsync();
        Assert.Equal(labels.Values.Order(StringComparer.Ordinal), allMails.PerLabel.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(allMails.Unreadable);
        var kitAttempts = await scene.AttemptsByResultAsync(FaultScene.KitJob);
        output.WriteLine($"Courriels en double : {allMails.Duplicates} ; exécutions des tâches du kit : {FaultScene.Describe(kitAttempts)} ;"
            + $" des épingles : {FaultScene.Describe(await scene.AttemptsByResultAsync(FaultScene.PinJob))}");
        Assert.True(allMails.Duplicates <= kitAttempts.GetValueOrDefault("Interrupted"), $"{allMails.Duplicates} duplicate mails, more than the kit runs the kill interrupted");
        Assert.Equal(2 * PerPhase, await database.ScalarAsync("""SELECT COUNT(*) FROM kit_deliveries WHERE "Status" = 'Sent'"""));
        await scene.AssertEachJobRanOnceAtATimeAsync();
        output.WriteLine($"Durée totale : {clock.Elapsed.TotalSeconds:0} s");
    }
}
