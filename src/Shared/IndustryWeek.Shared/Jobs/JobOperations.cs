using System.Data;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Persistence;
using IndustryWeek.Shared.Platform;
using IndustryWeek.Shared.Time;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace IndustryWeek.Shared.Jobs;

public sealed record JobSummary(
    long Id,
    string Type,
    string Key,
    JobState State,
    int Attempts,
    string? LastError,
    DateTime CreatedAtUtc,
    DateTime? FinishedAtUtc,
    string? About,
    bool Recurring);

public sealed record JobAttemptView(
    int Number,
    string Node,
    DateTime StartedAtUtc,
    DateTime? FinishedAtUtc,
    JobAttemptResult Result,
    string? Error,
    bool WillRetry,
    string? RequestedBy)
{
    public TimeSpan? Duration => FinishedAtUtc - StartedAtUtc;
}

/// <param name="NextRunAtUtc">When the scheduler runs it next (a retry, a scheduled run), read from Quartz now.</param>
public sealed record JobDetails(
    JobSummary Job,
    string Payload,
    string? CorrelationId,
    string? Cause,
    Guid? CauseMessageId,
    DateTime? NextRunAtUtc,
    IReadOnlyList<JobAttemptView> Attempts);

public sealed record JobSearch(JobState? State, string? Text, int Page, int PageSize);

public sealed record JobPage(IReadOnlyList<JobSummary> Items, int Total);

public sealed record JobCounters(int Scheduled, int Processing, int Retrying, int Succeeded, int Failed, int Deleted);

/// <summary>Runs that ended in a period (an hour, a Paris day).</summary>
public sealed record JobActivity(DateTime StartUtc, int Succeeded, int Failed);

public sealed record RecurringJobPause(string Reason, string RequestedBy, DateTime PausedAtUtc);

public sealed record RecurringJobView(
    string Name,
    string Cron,
    string TimeZone,
    DateTime? NextRunAtUtc,
    DateTime? LastRunAtUtc,
    JobAttemptResult? LastResult,
    int ConsecutiveFailures,
    RecurringJobPause? Pause,
    long? JobId);

public sealed record JobNode(string InstanceId, DateTime? LastCheckInUtc, TimeSpan? CheckInInterval, string State, bool IsCurrent);

/// <summary>What operators see of the jobs and do to them (the dashboard's port: Quartz stays behind it).</summary>
public interface IJobOperations
{
    Task<JobPage> SearchAsync(JobSearch search, CancellationToken cancellationToken);

    Task<JobDetails?> GetAsync(long id, CancellationToken cancellationToken);

    Task<JobCounters> CountAsync(CancellationToken cancellationToken);

    /// <summary>Runs ended since <paramref name="fromUtc"/>, by hour (<paramref name="byDay"/> false) or by Paris day.</summary>
    Task<IReadOnlyList<JobActivity>> ActivityAsync(DateTime fromUtc, DateTime toUtc, bool byDay, CancellationToken cancellationToken);

    /// <summary>Runs a failed job again now, with a fresh round of automatic retries.</summary>
    Task<Result<JobSummary>> RetryAsync(long id, string requestedBy, CancellationToken cancellationToken);

    /// <summary>Removes a job that has not succeeded (scheduled, retrying or failed) from the scheduler.</summary>
    Task<Result<JobSummary>> DeleteAsync(long id, CancellationToken cancellationToken);

    Task<IReadOnlyList<RecurringJobView>> RecurringAsync(CancellationToken cancellationToken);

    Task<Result<RecurringJobView>> TriggerRecurringAsync(string name, string requestedBy, CancellationToken cancellationToken);

    Task<Result<RecurringJobView>> PauseRecurringAsync(string name, string reason, string requestedBy, CancellationToken cancellationToken);

    Task<Result<RecurringJobView>> ResumeRecurringAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<JobNode>> NodesAsync(CancellationToken cancellationToken);
}

internal sealed class JobOperations(PlatformDbContext db, ISchedulerFactory schedulers, JobJournal journal, TimeProvider time) : IJobOperations
{
    public async Task<JobPage> SearchAsync(JobSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var jobs = db.Jobs.AsNoTracking();
        if (search.State is { } state)
        {
            jobs = jobs.Where(j => j.State == state);
        }

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            // Lower-cased on both sides: label numbers are typed « sdi-2026-… » as often as « SDI-2026-… ».
            var text = search.Text.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(), not run in .NET
            jobs = jobs.Where(j =>
                j.Key.ToLower().Contains(text)
                || j.Type.ToLower().Contains(text)
                || (j.About != null && j.About.ToLower().Contains(text))
                || j.CorrelationId == search.Text.Trim()
                || j.Payload.ToLower().Contains(text));
#pragma warning restore CA1304, CA1311, CA1862
        }

        // The count and the page from one snapshot: a job failing in between is in both or in neither.
        await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var total = await jobs.CountAsync(cancellationToken);
        var items = await jobs
            .OrderByDescending(j => j.UpdatedAtUtc).ThenByDescending(j => j.Id)
            .Skip((Math.Max(1, search.Page) - 1) * search.PageSize)
            .Take(search.PageSize)
            .ToListAsync(cancellationToken);
        return new JobPage(items.Select(ToSummary).ToList(), total);
    }

    public async Task<JobDetails?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null)
        {
            return null;
        }

        var attempts = await db.JobAttempts.AsNoTracking()
            .Where(a => a.JobId == id)
            .OrderByDescending(a => a.Number).ThenByDescending(a => a.Id)
            .Take(200)
            .ToListAsync(cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var triggers = await scheduler.GetTriggersOfJob(JobKeyOf(job), cancellationToken);
        var next = triggers.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min();
        return new JobDetails(
            ToSummary(job),
            job.Payload,
            job.CorrelationId,
            job.Cause,
            job.CauseMessageId,
            next?.UtcDateTime,
            attempts.Select(a => new JobAttemptView(a.Number, a.Node, StoredInstant.AsUtc(a.StartedAtUtc), StoredInstant.AsUtc(a.FinishedAtUtc), a.Result, a.Error, a.WillRetry, a.RequestedBy)).ToList());
    }

    public async Task<JobCounters> CountAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Jobs.AsNoTracking()
            .GroupBy(j => j.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.State, c => c.Count, cancellationToken);
        int Of(JobState state) => counts.GetValueOrDefault(state);
        return new JobCounters(Of(JobState.Scheduled), Of(JobState.Processing), Of(JobState.Retrying), Of(JobState.Succeeded), Of(JobState.Failed), Of(JobState.Deleted));
    }

    public async Task<IReadOnlyList<JobActivity>> ActivityAsync(DateTime fromUtc, DateTime toUtc, bool byDay, CancellationToken cancellationToken)
    {
        var ended = await db.JobAttempts.AsNoTracking()
            .Where(a => a.StartedAtUtc >= fromUtc && a.StartedAtUtc < toUtc && (a.Result == JobAttemptResult.Succeeded || a.Result == JobAttemptResult.Failed))
            .Select(a => new { a.StartedAtUtc, a.Result })
            .ToListAsync(cancellationToken);

        var buckets = new List<DateTime>();
        for (var start = BucketOf(fromUtc, byDay); start < toUtc; start = NextBucket(start, byDay))
        {
            buckets.Add(start);
        }

        var byBucket = ended.GroupBy(a => BucketOf(a.StartedAtUtc, byDay)).ToDictionary(g => g.Key, g => g.ToList());
        return buckets.Select(b => byBucket.TryGetValue(b, out var runs)
                ? new JobActivity(b, runs.Count(r => r.Result == JobAttemptResult.Succeeded), runs.Count(r => r.Result == JobAttemptResult.Failed))
                : new JobActivity(b, 0, 0))
            .ToList();
    }

    public async Task<Result<JobSummary>> RetryAsync(long id, string requestedBy, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null)
        {
            return JobNotFound();
        }

        if (job.State != JobState.Failed || job.Recurring)
        {
            return Error.Conflict("job.not_failed", job.Recurring
                ? "Une tâche récurrente ne se relance pas ainsi : utilisez « Exécuter maintenant »."
                : $"Seule une tâche en échec peut être relancée (celle-ci est « {JobWording.State(job.State)} »).");
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var jobKey = JobKeyOf(job);
        if (!await scheduler.Exists(jobKey, cancellationToken))
        {
            return Error.Conflict("job.gone", "Cette tâche n'est plus dans l'ordonnanceur : elle ne peut pas être relancée.");
        }

        // Recorded first, so the run (which may start at once) finds the job scheduled, not failed.
        job.Requeued(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var leftover in await scheduler.GetTriggersOfJob(jobKey, cancellationToken))
        {
            await scheduler.UnscheduleJob(leftover.Key, cancellationToken);
        }

        await scheduler.ScheduleJob(
            TriggerBuilder.Create()
                .WithIdentity(job.Key, job.Type)
                .ForJob(jobKey)
                .UsingJobData(QuartzBackgroundJobs.RequestedByKey, requestedBy)
                .StartNow()
                .Build(),
            new ScheduleJobOptions(),
            cancellationToken);
        return ToSummary(job);
    }

    public async Task<Result<JobSummary>> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null)
        {
            return JobNotFound();
        }

        if (job.Recurring || job.State is not (JobState.Scheduled or JobState.Retrying or JobState.Failed))
        {
            return Error.Conflict("job.not_deletable", job.Recurring
                ? "Une tâche récurrente ne se supprime pas : mettez-la en pause."
                : $"Seule une tâche planifiée, en nouvelle tentative ou en échec peut être supprimée (celle-ci est « {JobWording.State(job.State)} »).");
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(JobKeyOf(job), cancellationToken);
        job.Deleted(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return ToSummary(job);
    }

    public async Task<IReadOnlyList<RecurringJobView>> RecurringAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var keys = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(BackgroundJobRegistration.RecurringGroup), cancellationToken);
        var views = new List<RecurringJobView>();
        foreach (var key in keys.OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            views.Add(await RecurringViewAsync(scheduler, key, cancellationToken));
        }

        return views;
    }

    public async Task<Result<RecurringJobView>> TriggerRecurringAsync(string name, string requestedBy, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = new JobKey(name, BackgroundJobRegistration.RecurringGroup);
        if (!await scheduler.Exists(key, cancellationToken))
        {
            return RecurringNotFound();
        }

        await RecordRecurringAsync(name, cancellationToken);
        await scheduler.TriggerJob(key, new JobDataMap { [QuartzBackgroundJobs.RequestedByKey] = requestedBy }, cancellationToken);
        return await RecurringViewAsync(scheduler, key, cancellationToken);
    }

    public async Task<Result<RecurringJobView>> PauseRecurringAsync(string name, string reason, string requestedBy, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = new JobKey(name, BackgroundJobRegistration.RecurringGroup);
        if (!await scheduler.Exists(key, cancellationToken))
        {
            return RecurringNotFound();
        }

        await RecordRecurringAsync(name, cancellationToken);
        await scheduler.PauseJobWith(key, new PauseDetails { Reason = reason, RequestedBy = requestedBy }, cancellationToken);
        return await RecurringViewAsync(scheduler, key, cancellationToken);
    }

    public async Task<Result<RecurringJobView>> ResumeRecurringAsync(string name, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = new JobKey(name, BackgroundJobRegistration.RecurringGroup);
        if (!await scheduler.Exists(key, cancellationToken))
        {
            return RecurringNotFound();
        }

        await RecordRecurringAsync(name, cancellationToken);
        await scheduler.ResumeJob(key, cancellationToken);
        return await RecurringViewAsync(scheduler, key, cancellationToken);
    }

    public async Task<IReadOnlyList<JobNode>> NodesAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var metadata = await scheduler.GetMetadata(cancellationToken);
        if (metadata.JobStoreClustered)
        {
            var nodes = await scheduler.QueryClusterNodes(cancellationToken);
            return nodes
                .OrderByDescending(n => n.IsCurrentNode).ThenBy(n => n.InstanceId, StringComparer.Ordinal)
                .Select(n => new JobNode(n.InstanceId, n.LastCheckInUtc?.UtcDateTime, n.CheckInInterval, n.State.ToString(), n.IsCurrentNode))
                .ToList();
        }

        // SQLite: one host, no cluster check-ins; it is alive since it answers.
        return [new JobNode(QuartzJobRunner.NodeName(scheduler), time.GetUtcNow().UtcDateTime, null, metadata.Status == SchedulerStatus.Running ? "Alive" : metadata.Status.ToString(), true)];
    }

    /// <summary>
    /// A recurring job is recorded on its first run; an operator acting on it before that records it now,
    /// so that their action is attached to it (and listed on its page) from the start.
    /// </summary>
    private Task RecordRecurringAsync(string name, CancellationToken cancellationToken) =>
        journal.RecordScheduledAsync(
            JobRecord.Create(name, name, recurring: true, "{}", about: null, correlationId: null, cause: null, causeMessageId: null, time.GetUtcNow().UtcDateTime),
            cancellationToken);

    private async Task<RecurringJobView> RecurringViewAsync(IScheduler scheduler, JobKey key, CancellationToken cancellationToken)
    {
        var trigger = (await scheduler.GetTriggersOfJob(key, cancellationToken)).OfType<ICronTrigger>().FirstOrDefault();
        RecurringJobPause? pause = null;
        if (trigger is not null && await scheduler.GetTriggerState(trigger.Key, cancellationToken) == TriggerState.Paused)
        {
            var info = await scheduler.GetTriggerPause(trigger.Key, cancellationToken);
            pause = new RecurringJobPause(info?.Reason ?? "", info?.RequestedBy ?? "", (info?.PausedAtUtc ?? time.GetUtcNow()).UtcDateTime);
        }

        var record = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Type == key.Name && j.Key == key.Name && j.Recurring, cancellationToken);
        var recent = record is null
            ? []
            : await db.JobAttempts.AsNoTracking()
                .Where(a => a.JobId == record.Id && a.Result != JobAttemptResult.Running)
                .OrderByDescending(a => a.Id)
                .Take(100)
                .Select(a => new { a.StartedAtUtc, a.Result })
                .ToListAsync(cancellationToken);
        return new RecurringJobView(
            key.Name,
            trigger?.CronExpressionString ?? "",
            trigger?.TimeZone.Id ?? ParisTime.Zone.Id,
            trigger?.NextFireTimeUtc?.UtcDateTime,
            StoredInstant.AsUtc(recent.FirstOrDefault()?.StartedAtUtc),
            recent.FirstOrDefault()?.Result,
            recent.TakeWhile(a => a.Result != JobAttemptResult.Succeeded).Count(a => a.Result == JobAttemptResult.Failed),
            pause,
            record?.Id);
    }

    private static DateTime BucketOf(DateTime utc, bool byDay)
    {
        if (!byDay)
        {
            return new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);
        }

        var parisDay = ParisTime.FromUtc(utc).Date;
        return ParisTime.ToInstant(parisDay).UtcDateTime;
    }

    private static DateTime NextBucket(DateTime start, bool byDay) =>
        byDay ? ParisTime.ToInstant(ParisTime.FromUtc(start).Date.AddDays(1)).UtcDateTime : start.AddHours(1);

    /// <summary>The job's Quartz key: a recurring job is kept in the recurring group under its name (its record's type and key).</summary>
    private static JobKey JobKeyOf(JobRecord job) =>
        job.Recurring ? new(job.Key, BackgroundJobRegistration.RecurringGroup) : new(job.Key, job.Type);

    private static Error JobNotFound() => Error.NotFound("job.not_found", "Cette tâche n'existe pas.");

    private static Error RecurringNotFound() => Error.NotFound("recurring.not_found", "Cette tâche récurrente n'existe pas.");

    private static JobSummary ToSummary(JobRecord job) =>
        new(job.Id, job.Type, job.Key, job.State, job.Attempts, job.LastError, StoredInstant.AsUtc(job.CreatedAtUtc), StoredInstant.AsUtc(job.FinishedAtUtc), job.About, job.Recurring);
}

/// <summary>The French words for job states, shared by the messages above and the operators' pages.</summary>
public static class JobWording
{
    public static string State(JobState state) => state switch
    {
        JobState.Scheduled => "planifiée",
        JobState.Processing => "en cours",
        JobState.Retrying => "nouvelle tentative prévue",
        JobState.Succeeded => "réussie",
        JobState.Failed => "en échec",
        JobState.Deleted => "supprimée",
        _ => state.ToString(),
    };

    public static string Result(JobAttemptResult result) => result switch
    {
        JobAttemptResult.Running => "en cours",
        JobAttemptResult.Succeeded => "réussie",
        JobAttemptResult.Failed => "échec",
        JobAttemptResult.Interrupted => "interrompue (hôte arrêté)",
        _ => result.ToString(),
    };
}
