using System.Net.Http.Json;
using IndustryWeek.Testing;
using Microsoft.Extensions.DependencyInjection;
using Hangfire;
using Hangfire.States;
using IndustryWeek.Shared.Jobs;

namespace IndustryWeek.Host.Tests.Faults;

/// <summary>
/// The window the kill -9 test found: the host dies after a job's run succeeded and was recorded, but before
/// Hangfire recorded its end. The job is still Processing for Hangfire and is requeued (at start-up on SQLite,
/// after its invisibility on PostgreSQL); it must not run again.
/// </summary>
public sealed class JobRecoveryTests
{
    [Fact]
    public async Task Recovery_WhenTheJobHadAlreadySucceeded_DoesNotRunItAgain()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        using var moderator = await platform.SignedInClientAsync();
        var submitted = SampleEvents.FactoryVisit();
        await platform.PublishAsync(submitted);
        (await moderator.PostAsJsonAsync($"/api/labelling/applications/{submitted.EventId}/grant", new { })).EnsureSuccessStatusCode();
        const string SucceededKitJobs = """SELECT COUNT(*) FROM platform_jobs WHERE "Type" = 'communication-kit.deliver' AND "State" = 'Succeeded'""";
        await Eventually.WaitAsync(async () => await database.ScalarAsync(SucceededKitJobs) == 1 && platform.Mails().Count == 1, "the kit is sent");

        // What Hangfire holds for a job whose host died during its run: Processing; the recovery requeues it from there.
        var job = Assert.Single(await BackgroundJobRuns.OfTypeAsync(platform, "communication-kit.deliver"));
        var client = platform.Services.GetRequiredService<IBackgroundJobClient>();
        var storage = platform.Services.GetRequiredService<JobStorage>();
        Assert.True(client.ChangeState(job.HangfireJobId!, new StillProcessing(), SucceededState.StateName));
        Assert.True(client.ChangeState(job.HangfireJobId!, new EnqueuedState { Reason = "recovery" }, ProcessingState.StateName));
        await Eventually.WaitAsync(
            () => Task.FromResult(storage.GetConnection().GetStateData(job.HangfireJobId!)?.Name == SucceededState.StateName),
            "the recovered run has ended");

        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM platform_job_attempts a JOIN platform_jobs j ON j.\"Id\" = a.\"JobId\" WHERE j.\"Type\" = 'communication-kit.deliver'"));
        Assert.Equal(1, await database.ScalarAsync(SucceededKitJobs));
        Assert.Single(platform.Mails());
    }

    /// <summary>Hangfire's Processing state as a dead host's worker left it (its own constructor is internal).</summary>
    private sealed class StillProcessing : IState
    {
        public string Name => ProcessingState.StateName;

        public string Reason => "A host that died was running it";

        public bool IsFinal => false;

        public bool IgnoreJobLoadException => false;

        public Dictionary<string, string> SerializeData() => new()
        {
            ["StartedAt"] = Hangfire.Common.JobHelper.SerializeDateTime(DateTime.UtcNow),
            ["ServerId"] = "dead-host:4242:00000000-0000-0000-0000-000000000000",
            ["WorkerId"] = "00000000-0000-0000-0000-000000000000",
        };
    }
}
