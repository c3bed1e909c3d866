using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace IndustryWeek.Testing;

/// <summary>
/// The host's durable jobs as a test drives them: held back (the scheduler on stand-by, as when the
/// workers are busy) then let go, or run once more (a retry, a recovery after a crash), waiting until
/// they have run rather than for a while.
/// </summary>
public static class BackgroundJobRuns
{
    /// <summary>From now on no job starts, until <see cref="ReleaseAsync"/>: what is scheduled meanwhile waits.</summary>
    public static async Task HoldAsync(PlatformFactory platform)
    {
        var scheduler = await SchedulerAsync(platform);
        await Eventually.WaitAsync(() => Task.FromResult(scheduler.Status == SchedulerStatus.Running), "the host's scheduler has started");
        await scheduler.Standby();
    }

    /// <summary>Lets the held jobs go; waits until the jobs <paramref name="keys"/> of <paramref name="group"/> have run (successfully or not).</summary>
    /// <returns>The failures of those runs, if any.</returns>
    public static async Task<IReadOnlyList<string>> ReleaseAsync(PlatformFactory platform, string group, params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var scheduler = await SchedulerAsync(platform);
        var listener = new RunListener(keys.Select(k => new JobKey(k, group)).ToList());
        scheduler.ListenerManager.AddJobListener(listener, GroupMatcher<JobKey>.GroupEquals(group));
        try
        {
            await scheduler.Start();
            await listener.AllDone.WaitAsync(TimeSpan.FromSeconds(30));
            return listener.Failures;
        }
        finally
        {
            scheduler.ListenerManager.RemoveJobListener(listener.Name);
        }
    }

    /// <summary>Runs every job of <paramref name="group"/> once more and waits for them.</summary>
    /// <returns>The failures of those runs, if any.</returns>
    public static async Task<IReadOnlyList<string>> RunAgainAsync(PlatformFactory platform, string group)
    {
        var scheduler = await SchedulerAsync(platform);
        var jobs = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(group));
        if (jobs.Count == 0)
        {
            throw new InvalidOperationException($"No job of '{group}' to run again.");
        }

        var listener = new RunListener(jobs);
        scheduler.ListenerManager.AddJobListener(listener, GroupMatcher<JobKey>.GroupEquals(group));
        try
        {
            foreach (var job in jobs)
            {
                await scheduler.TriggerJob(job);
            }

            await listener.AllDone.WaitAsync(TimeSpan.FromSeconds(30));
            return listener.Failures;
        }
        finally
        {
            scheduler.ListenerManager.RemoveJobListener(listener.Name);
        }
    }

    private static async Task<IScheduler> SchedulerAsync(PlatformFactory platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return await platform.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
    }

    /// <summary>Completes when every watched job has run once.</summary>
    private sealed class RunListener : IJobListener
    {
        private readonly HashSet<JobKey> _pending;
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public RunListener(IReadOnlyCollection<JobKey> watched)
        {
            _pending = [.. watched];
            if (_pending.Count == 0)
            {
                _done.TrySetResult();
            }
        }

        public string Name { get; } = "test-runs-" + Guid.NewGuid().ToString("N");

        public Task AllDone => _done.Task;

        public List<string> Failures { get; } = [];

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobProgressChanged(IJobExecutionContext context, Quartz.Extensibility.FireInstanceProgress progress, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            lock (_pending)
            {
                if (jobException is not null)
                {
                    Failures.Add($"{context.JobDetail.Key}: {jobException}");
                }

                if (_pending.Remove(context.JobDetail.Key) && _pending.Count == 0)
                {
                    _done.TrySetResult();
                }
            }

            return ValueTask.CompletedTask;
        }
    }
}
