using System.Diagnostics;
using System.Globalization;
using IndustryWeek.Testing;
using Xunit.Abstractions;

namespace IndustryWeek.Host.Tests.Faults;

/// <summary>
/// Issue 9, « Faults survived, nothing lost »: the host is killed with SIGKILL five times in a row while a
/// moderator grants 200 applications at once on PostgreSQL; nothing is lost, nothing is given twice.
/// </summary>
public sealed class KillDuringBulkGrantTests(ITestOutputHelper output)
{
    private const int Applications = 200;
    private const int Chunk = 20;
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(90);

    /// <summary>Where each of the five kills lands, relative to what the host had done when it started.</summary>
    private static readonly (string Moment, Func<Progress, Progress, bool> Reached)[] Kills =
    [
        ("au milieu des attributions (30 de plus)", (start, now) => now.Granted >= start.Granted + 30),
        ("pendant l'envoi des kits (10 courriels de plus)", (start, now) => now.MailFiles >= start.MailFiles + 10),
        ("dès la première attribution du lot", (start, now) => now.Granted >= start.Granted + 1),
        ("pendant la publication des épingles (15 de plus)", (start, now) => now.Pins >= start.Pins + 15),
        ("pendant les attributions et les tâches (40 de plus)", (start, now) => now.Granted >= start.Granted + 40),
    ];

    [PostgresFact]
    public async Task BulkGrant_WhenHostIsKilledFiveTimesMidway_EveryLabelEndsWithOnePinAndItsKitMail()
    {
        var clock = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreatePostgresAsync();
        var scene = new FaultScene(database);
        var seeded = await scene.SeedAsync(Applications);
        output.WriteLine($"{Applications} demandes déposées en {clock.Elapsed.TotalSeconds:0.0} s");

        foreach (var (moment, reached) in Kills)
        {
            var host = scene.StartHost();
            await using (host)
            {
                await host.WaitUntilReadyAsync(Ready);
                var start = await scene.ProgressAsync();
                using var moderator = await FaultScene.SignInAsync(host);
                var pending = await scene.PendingAsync();
                var granting = FaultScene.BulkGrantAsync(moderator, pending, Chunk);

                // Kill as soon as the moment is reached; if the host ran out of work first, kill it all the same.
                var waited = Stopwatch.StartNew();
                Progress now;
                while (!reached(start, now = await scene.ProgressAsync()) && waited.Elapsed < TimeSpan.FromSeconds(60)
                    && !(granting.IsCompleted && now.OutboxPending == 0 && now.JobsUnfinished == 0))
                {
                    await Task.Delay(25);
                }

                host.KillHard();
                await granting;
                output.WriteLine($"[{clock.Elapsed.TotalSeconds:0.0} s] kill -9 {moment}{(reached(start, now) ? "" : " (non atteint : tué à la fin de son travail)")} : {now}");
            }

            await scene.AssertNothingHalfWrittenAsync(Applications);
        }

        // A last host, left alone: the moderator grants what is still pending, and everything gets done.
        await using var survivor = scene.StartHost();
        await survivor.WaitUntilReadyAsync(Ready);
        using (var moderator = await FaultScene.SignInAsync(survivor))
        {
            var pending = await scene.PendingAsync();
            output.WriteLine($"[{clock.Elapsed.TotalSeconds:0.0} s] après 5 kills : {await scene.ProgressAsync()} ; {pending.Count} encore à attribuer");
            Assert.Equal(pending.Count, await FaultScene.BulkGrantAsync(moderator, pending, 100));
        }

        await Eventually.WaitAsync(
            async () => await scene.ProgressAsync() is { Granted: Applications, Pins: Applications, OutboxPending: 0, JobsUnfinished: 0 }
                && scene.ReadKitMails().PerLabel.Count == Applications,
            "all 200 labelled, with their pins, their kit mails, and nothing left to do",
            TimeSpan.FromSeconds(180));
        output.WriteLine($"[{clock.Elapsed.TotalSeconds:0.0} s] terminé : {await scene.ProgressAsync()}");

        // Every label number given once, 1 to 200 with no gap (a grant killed before its commit gives its number back).
        await scene.AssertNothingHalfWrittenAsync(Applications);
        var labels = await scene.LabelsAsync();
        Assert.Equal(seeded.Order(), labels.Keys.Order());
        Assert.Equal(
            Enumerable.Range(1, Applications).Select(n => string.Create(CultureInfo.InvariantCulture, $"SDI-2020-{n:000000}")),
            labels.Values.Order(StringComparer.Ordinal));

        // Exactly one pin per labelled event, on the public map, with its own label number.
        using var visitor = survivor.CreateClient();
        var features = await MapApi.FeaturesAsync(visitor);
        Assert.Equal(seeded.Order(), features.Select(f => f.GetProperty("id").GetGuid()).Order());
        Assert.Equal(0, await database.ScalarAsync("""
            SELECT COUNT(*) FROM map_pins p JOIN labelling_applications a ON a."Id" = p."EventId" WHERE p."LabelNumber" <> a."LabelNumber"
            """));

        // At least one kit mail per label; each duplicate is explained by a kit run that a kill interrupted.
        var mails = scene.ReadKitMails();
        Assert.Equal(labels.Values.Order(StringComparer.Ordinal), mails.PerLabel.Keys.Order(StringComparer.Ordinal));
        var kitAttempts = await scene.AttemptsByResultAsync(FaultScene.KitJob);
        var interruptedKits = kitAttempts.GetValueOrDefault("Interrupted");
        output.WriteLine($"Courriels de kit : {mails.PerLabel.Values.Sum()} pour {Applications} labels, soit {mails.Duplicates} en double"
            + $" ({string.Join(", ", mails.PerLabel.Where(m => m.Value > 1).Select(m => $"{m.Key} ×{m.Value}"))}) ;"
            + $" illisibles (coupés par un kill) : {mails.Unreadable.Count} ; autres : {mails.Others.Count}");
        output.WriteLine($"Exécutions des tâches du kit : {FaultScene.Describe(kitAttempts)} ; des épingles : {FaultScene.Describe(await scene.AttemptsByResultAsync(FaultScene.PinJob))}");
        Assert.True(mails.Duplicates <= interruptedKits, $"{mails.Duplicates} duplicate mails but only {interruptedKits} interrupted kit runs");
        Assert.Empty(mails.Unreadable);
        Assert.Equal(Applications, await database.ScalarAsync("""SELECT COUNT(*) FROM kit_deliveries WHERE "Status" = 'Sent'"""));
        await scene.AssertEachJobRanOnceAtATimeAsync();
        output.WriteLine($"Durée totale : {clock.Elapsed.TotalSeconds:0} s");
    }
}
