using System.Globalization;
using System.Net.Http.Json;
using IndustryWeek.Shared.Outbox;
using IndustryWeek.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Host.Tests.Pipeline;

/// <summary>Failures are recorded and retried with back-off; the rest of the work goes on.</summary>
public sealed class FailureRecoveryTests
{
    [Fact]
    public async Task Dispatch_WhenAMessageCannotBePublished_RecordsTheErrorRetriesLaterAndDispatchesTheOthers()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database, new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false" });
        using var admin = await platform.SignedInClientAsync();
        await database.ExecuteAsync($$"""
            INSERT INTO labelling_outbox ("MessageId", "Type", "Payload", "OccurredAtUtc", "Attempts", "NextAttemptAtUtc")
            VALUES ('{{Guid.NewGuid().ToString().ToUpperInvariant()}}', 'IndustryWeek.Labelling.Contracts.LabelWithdrawnByMistake, IndustryWeek.Labelling.Contracts', '{}', '2020-11-01 08:00:00', 0, '2020-11-01 08:00:00')
            """);
        var submitted = SampleEvents.FactoryVisit();
        await platform.PublishAsync(submitted);
        (await admin.PostAsJsonAsync($"/api/labelling/applications/{submitted.EventId}/grant", new { })).EnsureSuccessStatusCode();

        var handled = await platform.Services.GetRequiredService<IOutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);

        // The bad one, and the criteria checked on arrival, the label, the criteria confirmed (and maybe the kit's news).
        Assert.True(handled >= 4);
        Assert.Equal(3, await database.ScalarAsync("""SELECT COUNT(*) FROM labelling_outbox WHERE "ProcessedAtUtc" IS NOT NULL"""));
        Assert.Equal(1, await database.ScalarAsync("""SELECT COUNT(*) FROM labelling_outbox WHERE "ProcessedAtUtc" IS NULL AND "Attempts" = 1 AND "LastError" LIKE '%Unknown notification type%'"""));
        Assert.Equal(1, await database.ScalarAsync("""SELECT COUNT(*) FROM labelling_outbox WHERE "ProcessedAtUtc" IS NULL AND "NextAttemptAtUtc" > '2026-01-01'"""));
        await Eventually.WaitAsync(() => Task.FromResult(MailFile.Kits(platform.Mails()).Count == 1), "the good message was dispatched all the same");
        await platform.Services.GetRequiredService<IOutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        Assert.Equal(1, await database.ScalarAsync("""SELECT COUNT(*) FROM labelling_outbox WHERE "ProcessedAtUtc" IS NULL AND "Attempts" = 1""")); // not due again yet
    }

    [Fact]
    public async Task KitJob_WhenSmtpServerIsDownThenBack_FailsVisiblyThenRetriesAndSendsOnce()
    {
        await using var database = TestDatabase.CreateSqlite();
        var port = SmtpServer.FreePort();
        await using var platform = new PlatformFactory(database, new Dictionary<string, string?>
        {
            ["Mail:Delivery"] = "Smtp",
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = port.ToString(CultureInfo.InvariantCulture),
            ["Mail:SmtpTimeout"] = "00:00:05",
            ["Jobs:RetryFirstDelay"] = "00:00:01",
            ["Jobs:RetryMaxDelay"] = "00:00:04",
        });
        using var admin = await platform.SignedInClientAsync();
        var submitted = SampleEvents.FactoryVisit();
        await platform.PublishAsync(submitted);

        (await admin.PostAsJsonAsync($"/api/labelling/applications/{submitted.EventId}/grant", new { })).EnsureSuccessStatusCode();

        await Eventually.WaitAsync(
            async () => await database.ScalarAsync("""SELECT COUNT(*) FROM kit_deliveries WHERE "Status" = 'Failed' AND "LastError" IS NOT NULL""") == 1,
            "the failed delivery is recorded with its reason");
        await using var smtp = await SmtpServer.StartAsync(Path.Combine(database.Directory, "maildir"), port);
        await Eventually.WaitAsync(() => Task.FromResult(MailFile.Kits(smtp.ReceivedFiles()).Count == 1), "a retry delivers the kit once the server is back", TimeSpan.FromSeconds(60));
        await Eventually.WaitAsync(
            async () => await database.ScalarAsync("""SELECT COUNT(*) FROM kit_deliveries WHERE "Status" = 'Sent' AND "Attempts" >= 2""") == 1,
            "the delivery is marked sent after its retries");
        Assert.Single(MailFile.Kits(smtp.ReceivedFiles()));
    }
}
