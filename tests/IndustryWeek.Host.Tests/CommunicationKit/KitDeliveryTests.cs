using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Shared.Outbox;
using IndustryWeek.Shared.Persistence;
using IndustryWeek.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Host.Tests.CommunicationKit;

/// <summary>
/// One mail per reason to send the kit, however often the notifications and the job run; a mail server
/// outage shown to the organiser, then the kit sent once it is back; deliveries recorded before the
/// deliveries were keyed by reason kept through the migration.
/// </summary>
public sealed class KitDeliveryTests
{
    private static readonly JsonSerializerOptions OutboxJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static TheoryData<string> Providers() => TestDatabase.Providers();

    [Fact]
    public async Task LabelGranted_WhenRepeatedRerunOrLate_OneMailPerLabelVersionForTheLatestOnly()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database, new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false" });
        using var admin = await platform.SignedInClientAsync();
        var submitted = SampleEvents.FactoryVisit();
        await platform.PublishAsync(submitted);
        var id = submitted.EventId;
        (await admin.PostAsJsonAsync($"/api/labelling/applications/{id}/grant", new { })).EnsureSuccessStatusCode();
        await DispatchAsync(platform);
        await WaitForDeliveryAsync(admin, id, "label-v1", "Sent");

        // The host died before recording the dispatch (the same LabelGranted again), and the job runs once more.
        await database.ExecuteAsync("""UPDATE labelling_outbox SET "ProcessedAtUtc" = NULL WHERE "Type" LIKE '%LabelGranted%'""");
        Assert.True(await DispatchAsync(platform) >= 1);
        Assert.Empty(await BackgroundJobRuns.RunAgainAsync(platform, KitScene.DeliverJobs));
        var afterRepeats = await KitAsync(admin, id);

        Assert.Single(KitMails(platform));
        var first = Assert.Single(afterRepeats.GetProperty("deliveries").EnumerateArray());
        Assert.Equal(("label-v1", "Sent", 1), (first.GetProperty("key").GetString(), first.GetProperty("status").GetString(), first.GetProperty("attempts").GetInt32()));

        // The label granted again (version 2): a second mail.
        var granted = await GrantedAsync(database);
        await platform.PublishAsync(granted with { LabelVersion = 2, GrantedAtUtc = granted.GrantedAtUtc.AddHours(1) });
        await WaitForDeliveryAsync(admin, id, "label-v2", "Sent");
        Assert.Equal(2, KitMails(platform).Count);

        // Version 1 arriving late: nothing.
        await platform.PublishAsync(granted);
        var afterLate = await KitAsync(admin, id);
        Assert.Equal(2, afterLate.GetProperty("labelVersion").GetInt32());
        Assert.Equal(2, afterLate.GetProperty("deliveries").GetArrayLength());

        // Versions 3 and 4 before the job could run: only the latest kit leaves.
        await BackgroundJobRuns.HoldAsync(platform);
        await platform.PublishAsync(granted with { LabelVersion = 3, GrantedAtUtc = granted.GrantedAtUtc.AddHours(2) });
        await platform.PublishAsync(granted with { LabelVersion = 4, GrantedAtUtc = granted.GrantedAtUtc.AddHours(3) });
        Assert.Empty(await BackgroundJobRuns.ReleaseAsync(platform, KitScene.DeliverJobs, $"{id:N}-label-v3", $"{id:N}-label-v4"));
        var latest = await KitAsync(admin, id);

        Assert.Equal("Cancelled", KitScene.Delivery(latest, "label-v3")!.Value.GetProperty("status").GetString());
        Assert.Equal("Sent", KitScene.Delivery(latest, "label-v4")!.Value.GetProperty("status").GetString());
        var mails = KitMails(platform);
        Assert.Equal(3, mails.Count);
        Assert.All(mails, m => Assert.Equal("Votre événement « Visite de l'usine de Valenciennes » est labellisé (SDI-2020-000001) : votre kit de communication", m.Subject));
    }

    [Fact]
    public async Task KitMail_WhenTheMailServerIsDownThenBack_OrganiserSeesTheFailureThenTheKitSentOnce()
    {
        var port = SmtpServer.FreePort();
        await using var scene = await KitScene.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Delivery"] = "Smtp",
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = port.ToString(CultureInfo.InvariantCulture),
            ["Mail:SmtpTimeout"] = "00:00:05",
            ["Jobs:RetryFirstDelay"] = "00:00:01",
            ["Jobs:RetryMaxDelay"] = "00:00:02",
            ["Jobs:RetryAttempts"] = "60", // retries go on for minutes: the server is back long before
        });
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        var id = await scene.LabelledEventAsync(a);

        JsonElement onTheEvent = default;
        await Eventually.WaitAsync(
            async () =>
            {
                await scene.DispatchAsync(); // KitDeliveryUpdated → Registration
                onTheEvent = await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{id}", UriKind.Relative));
                return onTheEvent.GetProperty("kit") is { ValueKind: JsonValueKind.Object } kit && kit.GetProperty("status").GetString() == "Failed";
            },
            "the organiser sees the kit mail failed");
        var kit = await scene.KitAsync(id, a);
        var download = await a.GetAsync(new Uri($"/api/events/{id}/kit", UriKind.Relative));
        var failed = await scene.Admin.GetFromJsonAsync<JsonElement>(new Uri("/api/kits/deliveries?status=Failed", UriKind.Relative));

        var shown = onTheEvent.GetProperty("kit");
        Assert.True(shown.GetProperty("willRetry").GetBoolean());
        Assert.False(shown.GetProperty("downloadable").GetBoolean());
        Assert.Contains("Connection refused", shown.GetProperty("error").GetString(), StringComparison.Ordinal);
        var delivery = KitScene.Delivery(kit, "label-v1")!.Value;
        Assert.Equal("Failed", delivery.GetProperty("status").GetString());
        Assert.True(delivery.GetProperty("willRetry").GetBoolean());
        Assert.Contains("Connection refused", delivery.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(kit.GetProperty("downloadable").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        var listed = Assert.Single(failed.GetProperty("items").EnumerateArray());
        Assert.Equal((id, true), (listed.GetProperty("eventId").GetGuid(), listed.GetProperty("willRetry").GetBoolean()));

        await using var smtp = await SmtpServer.StartAsync(Path.Combine(scene.Database.Directory, "maildir"), port);
        var sent = await scene.WaitForDeliveryAsync(id, "label-v1", "Sent", TimeSpan.FromSeconds(60));
        await Eventually.WaitAsync(
            async () =>
            {
                await scene.DispatchAsync();
                var e = await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{id}", UriKind.Relative));
                return e.GetProperty("kit").GetProperty("status").GetString() == "Sent";
            },
            "the organiser sees the kit sent");
        var afterwards = await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{id}", UriKind.Relative));

        Assert.True(sent.GetProperty("attempts").GetInt32() >= 2);
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("error").ValueKind);
        Assert.False(sent.GetProperty("willRetry").GetBoolean());
        Assert.True(afterwards.GetProperty("kit").GetProperty("downloadable").GetBoolean());
        Assert.False(afterwards.GetProperty("kit").GetProperty("willRetry").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync(new Uri($"/api/events/{id}/kit", UriKind.Relative))).StatusCode);
        var mail = Assert.Single(smtp.ReceivedFiles().Select(MailFile.Read), m => m.Subject.Contains("kit de communication", StringComparison.Ordinal));
        Assert.Equal("a@usine-a.fr", mail.To);
        Assert.Contains(scene.LabelNumber(), mail.Subject, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migration_FromDeliveriesKeyedByLabelVersion_KeepsThemAsTheLabelDeliveriesTheyWere(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sentEvent = Guid.NewGuid();
        var failedEvent = Guid.NewGuid();
        var contextType = typeof(IndustryWeek.CommunicationKit.CommunicationKitModule).Assembly.GetType("IndustryWeek.CommunicationKit.Persistence.CommunicationKitDbContext", throwOnError: true)!;
        var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        new DatabaseSettings(database.IsPostgres ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite, database.ConnectionString).Configure(options, "kit_migrations");
        await using (var context = (DbContext)Activator.CreateInstance(contextType, options.Options)!)
        {
            await context.GetService<IMigrator>().MigrateAsync("20261122060000_DeliveryOutbox");
        }

        string IdLiteral(Guid id) => database.IsPostgres ? $"'{id}'" : $"'{id.ToString().ToUpperInvariant()}'";
        string AtLiteral(string utc) => database.IsPostgres ? $"'{utc}+00'" : $"'{utc}'";
        await database.ExecuteAsync($"""
            INSERT INTO kit_deliveries ("EventId", "LabelVersion", "LabelNumber", "RecipientEmail", "Status", "Attempts", "LastError", "QueuedAtUtc", "SentAtUtc", "UpdatedAtUtc")
            VALUES ({IdLiteral(sentEvent)}, 1, 'SDI-2020-000001', 'organisatrice@usine-exemple.fr', 'Sent', 1, NULL, {AtLiteral("2020-10-02 08:00:00")}, {AtLiteral("2020-10-02 08:00:05")}, {AtLiteral("2020-10-02 08:00:05")}),
                   ({IdLiteral(failedEvent)}, 2, 'SDI-2020-000002', 'organisateur@lycee-exemple.fr', 'Failed', 3, 'Failure sending mail.', {AtLiteral("2020-10-03 08:00:00")}, NULL, {AtLiteral("2020-10-03 09:00:00")})
            """);

        await using var platform = new PlatformFactory(database); // migrates the rest on start
        using var admin = await platform.SignedInClientAsync();
        var sent = Assert.Single((await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/kits/deliveries?search={sentEvent}", UriKind.Relative))).GetProperty("items").EnumerateArray());
        var failed = Assert.Single((await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/kits/deliveries?status=Failed", UriKind.Relative))).GetProperty("items").EnumerateArray());

        Assert.Equal(
            (sentEvent, "label-v1", "Granted", 1, "SDI-2020-000001", "organisatrice@usine-exemple.fr", "Sent", 1, false),
            (sent.GetProperty("eventId").GetGuid(), sent.GetProperty("key").GetString(), sent.GetProperty("reason").GetString(), sent.GetProperty("labelVersion").GetInt32(), sent.GetProperty("labelNumber").GetString(), sent.GetProperty("recipientEmail").GetString(), sent.GetProperty("status").GetString(), sent.GetProperty("attempts").GetInt32(), sent.GetProperty("willRetry").GetBoolean()));
        Assert.Equal(new DateTime(2020, 10, 2, 8, 0, 5), sent.GetProperty("sentAtUtc").GetDateTime());
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("requestedBy").ValueKind);
        Assert.Equal(
            (failedEvent, "label-v2", "Granted", "Failed", 3, "Failure sending mail.", true),
            (failed.GetProperty("eventId").GetGuid(), failed.GetProperty("key").GetString(), failed.GetProperty("reason").GetString(), failed.GetProperty("status").GetString(), failed.GetProperty("attempts").GetInt32(), failed.GetProperty("error").GetString(), failed.GetProperty("willRetry").GetBoolean()));
    }

    private static Task<int> DispatchAsync(PlatformFactory platform) =>
        platform.Services.GetRequiredService<IOutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);

    private static IReadOnlyList<MailFile> KitMails(PlatformFactory platform) =>
        [.. platform.Mails().Select(MailFile.Read).Where(m => m.Subject.Contains("kit de communication", StringComparison.Ordinal))];

    private static async Task<JsonElement> KitAsync(HttpClient client, Guid eventId) =>
        await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{eventId}/kit/status", UriKind.Relative));

    private static async Task WaitForDeliveryAsync(HttpClient admin, Guid eventId, string key, string status) =>
        await Eventually.WaitAsync(
            async () =>
            {
                var response = await admin.GetAsync(new Uri($"/api/events/{eventId}/kit/status", UriKind.Relative));
                return response.StatusCode == HttpStatusCode.OK
                    && KitScene.Delivery(await response.Content.ReadFromJsonAsync<JsonElement>(), key)?.GetProperty("status").GetString() == status;
            },
            $"the kit delivery « {key} » is {status}");

    /// <summary>The LabelGranted Labelling wrote to its outbox when the label was granted.</summary>
    private static async Task<LabelGranted> GrantedAsync(TestDatabase database)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Payload" FROM labelling_outbox WHERE "Type" LIKE '%LabelGranted%'""";
        var payload = (string)(await command.ExecuteScalarAsync())!;
        return JsonSerializer.Deserialize<LabelGranted>(payload, OutboxJson)!;
    }
}
