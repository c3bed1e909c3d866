using System.Diagnostics;
using IndustryWeek.Testing;
using Xunit.Abstractions;

namespace IndustryWeek.Host.Tests.Faults;

/// <summary>
/// No work stranded after a crash: the host is killed with SIGKILL while the kit and pin jobs of a bulk grant are
/// running, then started again; every granted event's pin and kit are there within 60 s of the restart. On SQLite
/// the queue entries the dead process had fetched (Processing, or fetched and not yet Processing) are released at
/// start-up (its storage cannot see the process died);
/// on PostgreSQL they are visible again once their short, sliding invisibility has passed.
/// </summary>
public sealed class KillRecoveryTests(ITestOutputHelper output)
{
    private const int Applications = 60;
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(60);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Restart_AfterKillDuringTheJobs_EveryPinAndKitIsThereWithinSixtySeconds(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var scene = new FaultScene(database);
        await scene.SeedAsync(Applications);

        Progress atKill;
        await using (var host = scene.StartHost())
        {
            await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            using var moderator = await FaultScene.SignInAsync(host);
            Assert.Equal(Applications, await FaultScene.BulkGrantAsync(moderator, await scene.PendingAsync(), Applications));

            // Killed as soon as the first kit mail is out: the other kits and pins are queued or running.
            await Eventually.WaitAsync(() => Task.FromResult(scene.MailFiles().Count > 0), "the first kit mail is sent");
            host.KillHard();
            atKill = await scene.ProgressAsync();
        }

        output.WriteLine($"{provider} : kill -9 avec {atKill}");
        Assert.True(atKill.JobsUnfinished > 0 || atKill.OutboxPending > 0, $"the kill left work to do ({atKill})");

        var restart = Stopwatch.StartNew();
        await using var restarted = scene.StartHost();
        try
        {
            await Eventually.WaitAsync(
                async () => await scene.ProgressAsync() is { Pins: Applications, OutboxPending: 0, JobsUnfinished: 0 }
                    && scene.ReadKitMails().PerLabel.Count == Applications,
                $"all {Applications} pins and kit mails after the restart",
                Target);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} ({await scene.ProgressAsync()}, {scene.ReadKitMails().PerLabel.Count} kits reçus)", e);
        }

        output.WriteLine($"{provider} : tout est là {restart.Elapsed.TotalSeconds:0.0} s après le redémarrage ({await scene.ProgressAsync()})");

        // Nothing done twice but what the kill interrupted.
        var mails = scene.ReadKitMails();
        Assert.Empty(mails.Unreadable);
        Assert.True(mails.Duplicates <= (await scene.AttemptsByResultAsync(FaultScene.KitJob)).GetValueOrDefault("Interrupted"), $"{mails.Duplicates} duplicate kit mails");
        await scene.AssertEachJobRanOnceAtATimeAsync();
    }
}
