using Hangfire;
using Hangfire.States;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IndustryWeek.Testing;

/// <summary>
/// The host's durable jobs as a test drives them: held back (the host's Hangfire server stopped, as when the
/// workers are busy) then let go, or run once more (an operator's requeue), waiting on the keyed table until
/// they have run rather than for a while.
/// </summary>
public static class BackgroundJobRuns
{
    /// <summary>From now on no job starts, until <see cref="ReleaseAsync"/>: what is scheduled meanwhile waits in Hangfire's queue.</summary>
    public static async Task HoldAsync(PlatformFactory platform)
    {
        var server = Server(platform);
        await Eventually.WaitAsync(() => Task.FromResult(ServerCount(platform) > 0), "the host's Hangfire server has started");
        await server.StopAsync(CancellationToken.None);
    }

    /// <summary>Lets the held jobs go; waits until the jobs <paramref name="keys"/> of type <paramref name="type"/> have run (successfully or not).</summary>
    /// <returns>The failures of those runs, if any.</returns>
    public static async Task<IReadOnlyList<string>> ReleaseAsync(PlatformFactory platform, string type, params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var before = new Dictionary<string, int>();
        foreach (var key in keys)
        {
            before[key] = (await FindAsync(platform, type, key))?.Attempts ?? 0;
        }

        await Server(platform).StartAsync(CancellationToken.None);
        return await WaitForRunsAsync(platform, type, before);
    }

    /// <summary>Runs every job of <paramref name="type"/> once more (Hangfire's requeue, as an operator does it) and waits for them.</summary>
    /// <returns>The failures of those runs, if any.</returns>
    public static async Task<IReadOnlyList<string>> RunAgainAsync(PlatformFactory platform, string type)
    {
        var jobs = await OfTypeAsync(platform, type);
        if (jobs.Count == 0)
        {
            throw new InvalidOperationException($"No job of '{type}' to run again.");
        }

        // Ended in the keyed table and on Hangfire (which records the end just after): a requeue from Processing
        // would be taken for a recovery, and a job already done is not run again then.
        var storage = platform.Services.GetRequiredService<JobStorage>();
        await Eventually.WaitAsync(
            async () => (await OfTypeAsync(platform, type)).All(j => j.State is not (JobState.Scheduled or JobState.Processing) && HangfireState(storage, j) is not (null or "Processing" or "Enqueued" or "Scheduled")),
            $"every '{type}' job has run once before running again");
        var client = platform.Services.GetRequiredService<IBackgroundJobClient>();
        var before = new Dictionary<string, int>();
        foreach (var job in await OfTypeAsync(platform, type))
        {
            before[job.Key] = job.Attempts;
            client.ChangeState(job.HangfireJobId!, new EnqueuedState { Reason = "Test: run again" });
        }

        return await WaitForRunsAsync(platform, type, before);
    }

    /// <summary>The keyed table's record of a job; null until it is scheduled.</summary>
    public static async Task<JobSummary?> FindAsync(PlatformFactory platform, string type, string key) =>
        (await SearchAsync(platform, key)).FirstOrDefault(j => j.Type == type && j.Key == key);

    /// <summary>Every job of <paramref name="type"/> the keyed table has.</summary>
    public static async Task<IReadOnlyList<JobSummary>> OfTypeAsync(PlatformFactory platform, string type) =>
        (await SearchAsync(platform, type)).Where(j => j.Type == type).ToList();

    private static async Task<IReadOnlyList<string>> WaitForRunsAsync(PlatformFactory platform, string type, Dictionary<string, int> attemptsBefore)
    {
        var failures = new List<string>();
        foreach (var (key, attempts) in attemptsBefore)
        {
            JobSummary? job = null;
            await Eventually.WaitAsync(
                async () => (job = await FindAsync(platform, type, key)) is { State: not (JobState.Scheduled or JobState.Processing) } ran && ran.Attempts > attempts,
                $"job {type} {key} has run");
            if (job!.State is JobState.Failed or JobState.Retrying)
            {
                failures.Add($"{type} {key}: {job.LastError}");
            }
        }

        return failures;
    }

    private static async Task<IReadOnlyList<JobSummary>> SearchAsync(PlatformFactory platform, string text)
    {
        ArgumentNullException.ThrowIfNull(platform);
        await using var scope = platform.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<IJobOperations>();
        var found = new List<JobSummary>();
        for (var page = 1; ; page++)
        {
            var result = await jobs.SearchAsync(new JobSearch(null, text, PageRequest.From(page, 500, 500)), CancellationToken.None);
            found.AddRange(result.Items);
            if (found.Count >= result.Total || result.Items.Count == 0)
            {
                return found;
            }
        }
    }

    private static string? HangfireState(JobStorage storage, JobSummary job)
    {
        using var connection = storage.GetConnection();
        return job.HangfireJobId is { } id ? connection.GetStateData(id)?.Name : null;
    }

    private static BackgroundJobServerHostedService Server(PlatformFactory platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return platform.Services.GetServices<IHostedService>().OfType<BackgroundJobServerHostedService>().Single();
    }

    private static long ServerCount(PlatformFactory platform) =>
        platform.Services.GetRequiredService<JobStorage>().GetMonitoringApi().GetStatistics().Servers;
}
