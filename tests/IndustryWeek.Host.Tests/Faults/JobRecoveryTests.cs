using System.Net.Http.Json;
using IndustryWeek.Testing;
using Microsoft.Extensions.DependencyInjection;
using Hangfire;
using Hangfire.States;
using IndustryWeek.Shared.Jobs;
using Microsoft.Data.Sqlite;

namespace IndustryWeek.Host.Tests.Faults;

/// <summary>
/// The window the kill -9 test found: the host dies after a job's run succeeded and was recorded, but before
/// Hangfire recorded its end. The job is still Processing for Hangfire and is requeued (at start-up on SQLite,
/// after its invisibility on PostgreSQL); it must not run again.
/// </summary>
public sealed class JobRecoveryTests
{
    private const string KitJob = "communication-kit.deliver";
    private const string SucceededKitJobs = """SELECT COUNT(*) FROM platform_jobs WHERE "Type" = 'communication-kit.deliver' AND "State" = 'Succeeded'""";

    [Fact]
    public async Task Recovery_WhenTheJobHadAlreadySucceeded_DoesNotRunItAgain()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        using var moderator = await platform.SignedInClientAsync();
        var submitted = SampleEvents.FactoryVisit();
        await platform.PublishAsync(submitted);
        (await moderator.PostAsJsonAsync($"/api/labelling/applications/{submitted.EventId}/grant", new { })).EnsureSuccessStatusCode();
        await Eventually.WaitAsync(async () => await database.ScalarAsync(SucceededKitJobs) == 1 && MailFile.Kits(platform.Mails()).Count == 1, "the kit is sent");

        // What Hangfire holds for a job whose host died during its run: Processing; the recovery requeues it from there.
        var job = Assert.Single(await BackgroundJobRuns.OfTypeAsync(platform, "communication-kit.deliver"));
        var client = platform.Services.GetRequiredService<IBackgroundJobClient>();
        var storage = platform.Services.GetRequiredService<JobStorage>();
        // The platform's record of the run is written before Hangfire's own Succeeded state: wait for that one too.
        await Eventually.WaitAsync(
            () => Task.FromResult(storage.GetConnection().GetStateData(job.HangfireJobId!)?.Name == SucceededState.StateName),
            "Hangfire holds the run as succeeded");
        Assert.True(client.ChangeState(job.HangfireJobId!, new StillProcessing(), SucceededState.StateName));
        Assert.True(client.ChangeState(job.HangfireJobId!, new EnqueuedState { Reason = "recovery" }, ProcessingState.StateName));
        await Eventually.WaitAsync(
            () => Task.FromResult(storage.GetConnection().GetStateData(job.HangfireJobId!)?.Name == SucceededState.StateName),
            "the recovered run has ended");

        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM platform_job_attempts a JOIN platform_jobs j ON j.\"Id\" = a.\"JobId\" WHERE j.\"Type\" = 'communication-kit.deliver'"));
        Assert.Equal(1, await database.ScalarAsync(SucceededKitJobs));
        Assert.Single(MailFile.Kits(platform.Mails()));
    }

    /// <summary>
    /// The window the kill -9 test found on CI: the host dies after its worker fetched a job (the queue entry taken)
    /// but before it moved the job to Processing. Hangfire.Storage.SQLite hides a fetched entry for 30 min; the
    /// next start-up, alone on the file, releases it and the kit goes out at once.
    /// </summary>
    [Fact]
    public async Task Restart_WhenTheDeadHostHadFetchedAJobNotYetProcessing_RunsItAtOnce()
    {
        await using var database = TestDatabase.CreateSqlite();

        // As a dead worker leaves it: the queue entry fetched a moment ago, the job still Enqueued.
        var changed = await LeaveTheKitJobAsync(database, $"UPDATE JobQueue SET FetchedAt = {DateTime.UtcNow.Ticks} WHERE JobId = {{0}}");

        Assert.Equal(1, changed);
        await AssertTheKitIsSentAfterARestartAsync(database, "the kit is sent after the restart");
    }

    /// <summary>
    /// Hangfire.Storage.SQLite writes a job's creation and its Enqueued state as separate statements: a host killed
    /// in between leaves the job with no state, or Enqueued with no queue entry (what CI's kill -9 test met once,
    /// one pin never published). The next start-up, alone on the file, enqueues such a job again.
    /// </summary>
    [Theory]
    [InlineData("Enqueued, its queue entry never written", "DELETE FROM JobQueue WHERE JobId = {0}")]
    [InlineData("created, its state never written", "DELETE FROM JobQueue WHERE JobId = {0}; UPDATE Job SET StateName = NULL WHERE Id = {0}")]
    public async Task Restart_WhenTheDeadHostLeftAJobHalfWritten_RunsIt(string shape, string halfWrite)
    {
        await using var database = TestDatabase.CreateSqlite();

        var changed = await LeaveTheKitJobAsync(database, halfWrite);

        Assert.True(changed >= 1, shape);
        await AssertTheKitIsSentAfterARestartAsync(database, $"the kit is sent after the restart ({shape})");
    }

    /// <summary>
    /// A host whose server is held grants one event, then its kit job's rows in Hangfire's SQLite file are changed
    /// by <paramref name="sqlOnKitJob"/> (« {0} » is the job's id) as a host killed at that moment leaves them.
    /// </summary>
    /// <returns>How many rows the change touched.</returns>
    private static async Task<int> LeaveTheKitJobAsync(TestDatabase database, string sqlOnKitJob)
    {
        await using var first = new PlatformFactory(database);
        using var moderator = await first.SignedInClientAsync();
        await BackgroundJobRuns.HoldAsync(first);
        var submitted = SampleEvents.FactoryVisit();
        await first.PublishAsync(submitted);
        (await moderator.PostAsJsonAsync($"/api/labelling/applications/{submitted.EventId}/grant", new { })).EnsureSuccessStatusCode();
        await Eventually.WaitAsync(async () => (await BackgroundJobRuns.OfTypeAsync(first, KitJob)) is [{ HangfireJobId: not null }], "the kit job is on Hangfire");
        var kitJob = Assert.Single(await BackgroundJobRuns.OfTypeAsync(first, KitJob)).HangfireJobId;

        await using var jobs = new SqliteConnection($"Data Source={JobsFile(database)};Pooling=False");
        await jobs.OpenAsync();
        await using var write = jobs.CreateCommand();
        write.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sqlOnKitJob, kitJob);
        return await write.ExecuteNonQueryAsync();
    }

    private static async Task AssertTheKitIsSentAfterARestartAsync(TestDatabase database, string what)
    {
        await using var restarted = new PlatformFactory(database);
        _ = restarted.Services; // started: its server fetches what the start-up released or enqueued again
        await Eventually.WaitAsync(async () => await database.ScalarAsync(SucceededKitJobs) == 1 && MailFile.Kits(restarted.Mails()).Count == 1, what);
    }

    private static string JobsFile(TestDatabase database)
    {
        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        return Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file) + ".jobs.db");
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
