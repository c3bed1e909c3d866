using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using IndustryWeek.Testing;
using Xunit.Abstractions;

namespace IndustryWeek.Host.Tests.Faults;

/// <summary>
/// Issue 9: the SMTP server goes down for a while in the middle of the day, with many kits to send; they
/// fail visibly, retry, and all go out once it is back, each exactly once (FailureRecoveryTests covers one
/// kit on SQLite with the server never up before; here a server that was working stops and comes back).
/// </summary>
public sealed partial class SmtpOutageTests(ITestOutputHelper output)
{
    private const int Before = 5;
    private const int During = 10;

    [PostgresFact]
    public async Task Kits_WhenTheSmtpServerIsDownForAWhile_FailVisiblyRetryAndAllGoOutOnceItIsBack()
    {
        var clock = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreatePostgresAsync();
        var scene = new FaultScene(database);
        var seeded = await scene.SeedAsync(Before + During);
        var maildir = Path.Combine(database.Directory, "maildir");
        var smtp = await SmtpServer.StartAsync(maildir);
        try
        {
            await using var host = scene.StartHost(new Dictionary<string, string?>
            {
                ["Mail:Delivery"] = "Smtp",
                ["Mail:SmtpHost"] = "127.0.0.1",
                ["Mail:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Mail:SmtpTimeout"] = "00:00:05",
            });
            await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            using var moderator = await FaultScene.SignInAsync(host);
            using var probe = host.CreateClient();

            // A normal morning: the first kits go out.
            Assert.Equal(Before, await FaultScene.BulkGrantAsync(moderator, [.. seeded.Take(Before)], Before));
            await Eventually.WaitAsync(() => Task.FromResult(MailFile.Kits(smtp.ReceivedFiles()).Count == Before), "the first kits are received", TimeSpan.FromSeconds(60));

            // The mail server goes down; ten more labels are granted meanwhile.
            await smtp.StopAsync();
            Assert.Equal(During, await FaultScene.BulkGrantAsync(moderator, [.. seeded.Skip(Before)], During));
            await Eventually.WaitAsync(
                async () => await database.ScalarAsync("""
                    SELECT COUNT(*) FROM kit_deliveries WHERE "Status" = 'Failed' AND "LastError" LIKE '%refused%' AND "Attempts" >= 2
                    """) == During,
                "each of the ten deliveries has failed at least twice, with the reason recorded",
                TimeSpan.FromSeconds(90));
            Assert.Equal(During, await database.ScalarAsync($"""SELECT COUNT(*) FROM platform_jobs WHERE "Type" = '{FaultScene.KitJob}' AND "State" IN ('Retrying', 'Processing')"""));
            var health = await probe.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode); // operators see the outage
            Assert.Contains("Envoi des courriels impossible", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            output.WriteLine($"[{clock.Elapsed.TotalSeconds:0.0} s] serveur SMTP arrêté : {await FailedAttemptsAsync(database)} échecs d'envoi enregistrés");

            // Back on the same port: every kit goes out, once.
            await smtp.DisposeAsync();
            smtp = await SmtpServer.StartAsync(maildir, smtp.Port);
            await Eventually.WaitAsync(
                async () => await database.ScalarAsync("""SELECT COUNT(*) FROM kit_deliveries WHERE "Status" = 'Sent'""") == Before + During
                    && await database.ScalarAsync("""SELECT COUNT(*) FROM platform_jobs WHERE NOT "Recurring" AND "State" <> 'Succeeded'""") == 0,
                "all the deliveries are sent once the server is back, and no job is left",
                TimeSpan.FromSeconds(90));
            output.WriteLine($"[{clock.Elapsed.TotalSeconds:0.0} s] serveur SMTP revenu : {smtp.ReceivedFiles().Count} courriels reçus");
            await Eventually.WaitAsync(
                async () => (await probe.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
                "ready again");

            var labels = await scene.LabelsAsync();
            var received = MailFile.Kits(smtp.ReceivedFiles()).Select(f => KitLabel().Match(MailFile.Read(f).Subject).Groups[1].Value).ToList();
            Assert.Equal(labels.Values.Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal)); // the ten after the outage, each once
            Assert.Equal(During, await database.ScalarAsync("""SELECT COUNT(*) FROM kit_deliveries WHERE "Status" = 'Sent' AND "Attempts" >= 3 AND "LastError" IS NULL"""));
            Assert.Equal(0, await database.ScalarAsync("""SELECT COUNT(*) FROM platform_job_attempts WHERE "Result" = 'Succeeded' AND "Error" IS NOT NULL"""));
            await scene.AssertEachJobRanOnceAtATimeAsync();
            output.WriteLine($"Exécutions des tâches du kit : {FaultScene.Describe(await scene.AttemptsByResultAsync(FaultScene.KitJob))} ; durée {clock.Elapsed.TotalSeconds:0} s");
        }
        finally
        {
            await smtp.DisposeAsync();
        }
    }

    private static Task<long> FailedAttemptsAsync(TestDatabase database) =>
        database.ScalarAsync($"""SELECT COUNT(*) FROM platform_job_attempts a JOIN platform_jobs j ON j."Id" = a."JobId" WHERE j."Type" = '{FaultScene.KitJob}' AND a."Result" = 'Failed'""");

    [GeneratedRegex(@"\((SDI-\d{4}-\d{6})\)")]
    private static partial Regex KitLabel();
}
