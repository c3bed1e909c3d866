using System.Diagnostics;
using System.Net;
using IndustryWeek.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace IndustryWeek.Host.Tests.Faults;

/// <summary>
/// Issue 9: PostgreSQL crashes and restarts while a host is granting and sending kits; the host, left
/// running, notices (health 503), then resumes by itself: every kit and pin appears, health is 200 again.
/// On a server of the test's own, so the shared one the other tests use is never disturbed.
/// </summary>
public sealed class DatabaseRestartTests(ITestOutputHelper output)
{
    private const int Applications = 40;

    [PrivatePostgresFact]
    public async Task Processing_WhenPostgresRestartsUnderIt_ResumesByItselfWithoutRestartingTheHost()
    {
        var clock = Stopwatch.StartNew();
        await using var cluster = await PrivatePostgresCluster.StartAsync();
        await using var database = await cluster.CreateDatabaseAsync();
        var scene = new FaultScene(database);
        var seeded = await scene.SeedAsync(Applications);
        output.WriteLine($"[{clock.Elapsed.TotalSeconds:0.0} s] serveur privé sur le port {cluster.Port}, {Applications} demandes déposées");

        await using var host = scene.StartHost();
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        using var moderator = await FaultScene.SignInAsync(host);
        using var probe = host.CreateClient();

        // Grants (two at a time) and their dispatch under way when the database crashes (pg_ctl -m immediate:
        // connections cut, no checkpoint); the moderator's next request fails, and they stop there.
        var granting = FaultScene.BulkGrantAsync(moderator, seeded, 2);
        await Eventually.WaitAsync(
            async () => await scene.ProgressAsync() is { Granted: >= 12 },
            "grants under way, and the dispatch of the first ones",
            TimeSpan.FromSeconds(60));
        var before = await scene.ProgressAsync();
        await cluster.CrashAsync();
        NpgsqlConnection.ClearAllPools(); // the test's own connections died with the server
        output.WriteLine($"[{clock.Elapsed.TotalSeconds:0.0} s] PostgreSQL arrêté brutalement : {before}");
        await Eventually.WaitAsync(
            async () => (await probe.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.ServiceUnavailable,
            "the host says it is not ready while its database is down",
            TimeSpan.FromSeconds(30));
        var grantedBeforeRestart = await granting;

        await cluster.StartServerAsync();
        output.WriteLine($"[{clock.Elapsed.TotalSeconds:0.0} s] PostgreSQL redémarré ({grantedBeforeRestart} attributions répondues avant)");
        await Eventually.WaitAsync(
            async () => (await probe.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
            "the same host is ready again, not restarted",
            TimeSpan.FromSeconds(60));
        Assert.False(host.Process.HasExited);
        output.WriteLine($"[{clock.Elapsed.TotalSeconds:0.0} s] prêt à nouveau ; tâches non terminées :\n{await scene.DescribeUnfinishedJobsAsync()}");
        await scene.AssertNothingHalfWrittenAsync(Applications);

        // The moderator goes on with the rest, on the same host.
        var pending = await scene.PendingAsync();
        Assert.Equal(pending.Count, await FaultScene.BulkGrantAsync(moderator, pending, 10));
        try
        {
            await Eventually.WaitAsync(
                async () => await scene.ProgressAsync() is { Granted: Applications, Pins: Applications, OutboxPending: 0, JobsUnfinished: 0 }
                    && scene.ReadKitMails().PerLabel.Count == Applications,
                "every label has its pin and its kit mail, and nothing is left to do",
                TimeSpan.FromSeconds(150));
        }
        catch (TimeoutException)
        {
            output.WriteLine($"[{clock.Elapsed.TotalSeconds:0.0} s] bloqué : {await scene.ProgressAsync()}");
            try
            {
                output.WriteLine(await scene.DescribeUnfinishedJobsAsync());
            }
            catch (Exception e) when (e is System.Data.Common.DbException)
            {
                output.WriteLine($"(tâches illisibles : {e.Message})");
            }

            // The host's warnings and errors with what follows each (its polling queries would drown them).
            var log = host.Output.Split('\n');
            output.WriteLine(string.Join('\n', log.Select((line, i) => (line, i))
                .Where(l => l.line.StartsWith("warn:", StringComparison.Ordinal) || l.line.StartsWith("fail:", StringComparison.Ordinal) || l.line.StartsWith("crit:", StringComparison.Ordinal))
                .SelectMany(l => log.Skip(l.i).Take(4))
                .TakeLast(400)));
            output.WriteLine(host.Errors);
            throw;
        }
        output.WriteLine($"[{clock.Elapsed.TotalSeconds:0.0} s] tout est fait : {await scene.ProgressAsync()}");
        Assert.False(host.Process.HasExited);

        using var visitor = host.CreateClient();
        Assert.Equal(seeded.Order(), (await MapApi.FeaturesAsync(visitor)).Select(f => f.GetProperty("id").GetGuid()).Order());
        var mails = scene.ReadKitMails();
        var kitAttempts = await scene.AttemptsByResultAsync(FaultScene.KitJob);
        output.WriteLine($"Courriels en double : {mails.Duplicates} ; exécutions des tâches du kit : {FaultScene.Describe(kitAttempts)} ;"
            + $" des épingles : {FaultScene.Describe(await scene.AttemptsByResultAsync(FaultScene.PinJob))}");
        Assert.Empty(mails.Unreadable);

        // A kit mailed just before the crash may be mailed again (it could not be marked sent): only by a run that failed.
        Assert.True(mails.Duplicates <= kitAttempts.GetValueOrDefault("Failed") + kitAttempts.GetValueOrDefault("Interrupted"), $"{mails.Duplicates} duplicate mails");
        Assert.Equal(Applications, await database.ScalarAsync("""SELECT COUNT(*) FROM kit_deliveries WHERE "Status" = 'Sent'"""));
        await scene.AssertEachJobRanOnceAtATimeAsync();
        output.WriteLine($"Durée totale : {clock.Elapsed.TotalSeconds:0} s");
    }
}
