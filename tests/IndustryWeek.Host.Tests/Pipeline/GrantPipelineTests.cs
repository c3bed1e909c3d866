using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Shared.Outbox;
using IndustryWeek.Testing;
using Microsoft.Extensions.DependencyInjection;
using Hangfire;

namespace IndustryWeek.Host.Tests.Pipeline;

/// <summary>DESIGN.md §3: a grant becomes, through the outbox and durable jobs, one kit mail and one map pin.</summary>
public sealed class GrantPipelineTests
{
    private static readonly Dictionary<string, string?> ManualDispatch = new() { ["Outbox:DispatcherEnabled"] = "false" };

    public static TheoryData<string> Providers() => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Grant_WhenDispatched_SendsOneKitMailAndShowsOnePin(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var platform = new PlatformFactory(database, ManualDispatch);
        using var moderator = await platform.SignedInClientAsync();
        var submitted = SampleEvents.FactoryVisit();
        await platform.PublishAsync(submitted);

        var response = await moderator.PostAsJsonAsync($"/api/labelling/applications/{submitted.EventId}/grant", new { comment = "Les quatre critères sont remplis." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var granted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("SDI-2020-000001", granted.GetProperty("labelNumber").GetString());

        // The LabelGranted message was committed with the decision, and nothing was sent yet.
        Assert.Equal(1, await database.ScalarAsync("""SELECT COUNT(*) FROM labelling_outbox WHERE "ProcessedAtUtc" IS NULL AND "Type" LIKE '%LabelGranted%'"""));
        Assert.Equal(1, await database.ScalarAsync("""SELECT COUNT(*) FROM labelling_applications WHERE "Status" = 'Granted'"""));
        Assert.Empty(platform.Mails());
        Assert.Empty(await MapApi.FeaturesAsync(moderator));

        var dispatched = await platform.Services.GetRequiredService<IOutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);

        // Labelling's three messages (the criteria checked on arrival, LabelGranted, the criteria confirmed
        // by the grant), and maybe already the kit's delivery news, depending on how fast its job ran.
        Assert.True(dispatched >= 3);
        Assert.Equal(3, await database.ScalarAsync("""SELECT COUNT(*) FROM labelling_outbox WHERE "ProcessedAtUtc" IS NOT NULL"""));
        await Eventually.WaitAsync(
            async () => MailFile.Kits(platform.Mails()).Count == 1 && (await MapApi.FeaturesAsync(moderator)).Count == 1,
            "the kit mail is written and the pin is on the map");
        var mail = MailFile.Read(MailFile.Kits(platform.Mails())[0]);
        Assert.Equal("organisatrice@usine-exemple.fr", mail.To);
        Assert.Contains("SDI-2020-000001", mail.Subject);
        Assert.Contains("« Visite de l'usine de Valenciennes »", mail.Body);
        Assert.Contains("lundi 16 novembre 2020, 9 h 00 – 12 h 00", mail.Body);
        var pin = Assert.Single(await MapApi.FeaturesAsync(moderator));
        Assert.Equal(submitted.EventId, pin.GetProperty("id").GetGuid());
        Assert.Equal([3.523, 50.357], pin.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        Assert.Equal("Visite de l'usine de Valenciennes", pin.GetProperty("properties").GetProperty("title").GetString());
        Assert.Equal("Usine Exemple SAS", pin.GetProperty("properties").GetProperty("organisation").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_WhenMessageAndJobsRunTwice_StillOneMailAndOnePin(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var platform = new PlatformFactory(database, ManualDispatch);
        using var moderator = await platform.SignedInClientAsync();
        var submitted = SampleEvents.FactoryVisit();
        await platform.PublishAsync(submitted);
        (await moderator.PostAsJsonAsync($"/api/labelling/applications/{submitted.EventId}/grant", new { })).EnsureSuccessStatusCode();
        var dispatcher = platform.Services.GetRequiredService<IOutboxDispatcher>();
        await dispatcher.DispatchPendingAsync(CancellationToken.None);
        await Eventually.WaitAsync(
            async () => MailFile.Kits(platform.Mails()).Count == 1 && (await MapApi.FeaturesAsync(moderator)).Count == 1,
            "first delivery");

        // The host died before recording the dispatch: the same message is published again.
        await database.ExecuteAsync("""UPDATE labelling_outbox SET "ProcessedAtUtc" = NULL WHERE "Type" LIKE '%LabelGranted%'""");
        Assert.True(await dispatcher.DispatchPendingAsync(CancellationToken.None) >= 1);
        Assert.Equal(0, await database.ScalarAsync("""SELECT COUNT(*) FROM labelling_outbox WHERE "ProcessedAtUtc" IS NULL"""));

        // And each job runs a second time (a retry, or a recovery after a crash).
        // One kit job, one pin job: the second dispatch scheduled nothing new, in the keyed table or on Hangfire.
        var kitJobs = await BackgroundJobRuns.OfTypeAsync(platform, "communication-kit.deliver");
        var pinJobs = await BackgroundJobRuns.OfTypeAsync(platform, "map.publish-pin");
        Assert.Single(kitJobs);
        Assert.Single(pinJobs);
        var monitoring = platform.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        // (The third: the mail telling the organiser the submission was received.)
        await Eventually.WaitAsync(() => Task.FromResult(monitoring.SucceededListCount() >= 3), "the three jobs have succeeded on Hangfire");
        var oneOffRuns = monitoring.SucceededJobs(0, 100).Select(j => j.Value.Job).Where(j => j?.Method.Name == "RunAsync").ToList();
        Assert.Equal(3, oneOffRuns.Count);
        Assert.Equal(0, monitoring.EnqueuedCount("default") + monitoring.ScheduledCount() + monitoring.FailedCount());
        Assert.Empty(await BackgroundJobRuns.RunAgainAsync(platform, "communication-kit.deliver"));
        Assert.Empty(await BackgroundJobRuns.RunAgainAsync(platform, "map.publish-pin"));
        Assert.Single(MailFile.Kits(platform.Mails()));
        Assert.Single(await MapApi.FeaturesAsync(moderator));
    }
}
