using System.Data;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Platform;
using IndustryWeek.Shared.Time;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;

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
    bool Recurring,
    string? HangfireJobId = null);

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

/// <param name="NextRunAtUtc">When Hangfire runs it next (a retry after its back-off), read from Hangfire now.</param>
public sealed record JobDetails(
    JobSummary Job,
    string Payload,
    string? CorrelationId,
    string? Cause,
    Guid? CauseMessageId,
    DateTime? NextRunAtUtc,
    IReadOnlyList<JobAttemptView> Attempts);

public sealed record JobSearch(JobState? State, string? Text, Web.PageRequest Page);

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

/// <summary>What operators see of the jobs and do to them outside the Hangfire dashboard (/ops, /api/ops): Hangfire stays behind it.</summary>
public interface IJobOperations
{
    Task<JobPage> SearchAsync(JobSearch search, CancellationToken cancellationToken);

    Task<JobDetails?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="hangfireJobIds"/> the Hangfire dashboard still has (finished jobs expire from it).</summary>
    IReadOnlySet<string> OnDashboard(IEnumerable<string> hangfireJobIds);

    /// <summary>The job a Hangfire job is attached to (or was, for a duplicate that found another attached).</summary>
    Task<JobSummary?> FindByHangfireIdAsync(string hangfireJobId, CancellationToken cancellationToken);

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

internal sealed class JobOperations(
    PlatformDbContext db,
    JobStorage storage,
    IBackgroundJobClient client,
    IRecurringJobManagerV2 recurring,
    JobRegistry registry,
    JobJournal journal,
    TimeProvider time) : IJobOperations
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
            // An event id as operators copy it (5f0c…-…) is in the keys without its dashes.
            var compactId = Guid.TryParse(text, out var eventId) ? eventId.ToString("N") : text;
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(), not run in .NET
            jobs = jobs.Where(j =>
                j.Key.ToLower().Contains(text)
                || j.Key.ToLower().Contains(compactId)
                || j.Type.ToLower().Contains(text)
                || (j.About != null && j.About.ToLower().Contains(text))
                || j.CorrelationId == search.Text.Trim()
                || j.HangfireJobId == search.Text.Trim()
                || j.Payload.ToLower().Contains(text));
#pragma warning restore CA1304, CA1311, CA1862
        }

        // The count and the page from one snapshot: a job failing in between is in both or in neither.
        await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var total = await jobs.CountAsync(cancellationToken);
        var items = await jobs
            .OrderByDescending(j => j.UpdatedAtUtc).ThenByDescending(j => j.Id)
            .Skip(search.Page.Skip)
            .Take(search.Page.Size)
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
        return new JobDetails(
            ToSummary(job),
            job.Payload,
            job.CorrelationId,
            job.Cause,
            job.CauseMessageId,
            NextRunOf(job),
            attempts.Select(a => new JobAttemptView(a.Number, a.Node, a.StartedAtUtc, a.FinishedAtUtc, a.Result, a.Error, a.WillRetry, a.RequestedBy)).ToList());
    }

    public IReadOnlySet<string> OnDashboard(IEnumerable<string> hangfireJobIds)
    {
        using var connection = storage.GetConnection();
        return hangfireJobIds.Where(id => connection.GetJobData(id) is not null).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<JobSummary?> FindByHangfireIdAsync(string hangfireJobId, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.HangfireJobId == hangfireJobId, cancellationToken);
        if (job is null && storage.GetMonitoringApi().JobDetails(hangfireJobId)?.Job is { } hangfire
            && hangfire.Type == typeof(HangfireJobRunner) && hangfire.Args.Count > 2 && hangfire.Args[1] is string type && hangfire.Args[2] is string key)
        {
            job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Type == type && j.Key == key, cancellationToken);
        }

        return job is null ? null : ToSummary(job);
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
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
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

        if (job.HangfireJobId is { } hangfireId && HangfireStateOf(hangfireId) is not null)
        {
            using (var connection = storage.GetConnection())
            {
                connection.SetJobParameter(hangfireId, HangfireJobRunner.RequestedByParameter, SerializationHelperJson(requestedBy));
                connection.SetJobParameter(hangfireId, "RetryCount", "0"); // a fresh round of automatic retries
            }

            // Hangfire's requeue, as the dashboard does it; JobStateMirror sets the record back to Scheduled.
            if (!client.ChangeState(hangfireId, new EnqueuedState { Reason = $"Relancée par {requestedBy}" }, FailedState.StateName))
            {
                return Error.Conflict("job.not_failed", "Cette tâche n'est plus en échec dans Hangfire : elle ne peut pas être relancée.");
            }
        }
        else
        {
            // A Quartz-era failure, or a Hangfire job expired since: a new Hangfire job does the work.
            if (job.HangfireJobId is not null)
            {
                await journal.DetachAsync(job.Id, job.HangfireJobId, cancellationToken);
            }

            var registration = registry.ByName(job.Type);
            if (registration is null)
            {
                return Error.Conflict("job.gone", "Plus aucun module ne déclare cette tâche : elle ne peut pas être relancée.");
            }

            await db.Jobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Scheduled).SetProperty(j => j.FinishedAtUtc, (DateTime?)null), cancellationToken);
            await HangfireBackgroundJobs.EnqueueAsync(client, journal, job, job.Payload, registration, cancellationToken);
        }

        return ToSummary(await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id, cancellationToken));
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

        if (job.HangfireJobId is { } hangfireId && HangfireStateOf(hangfireId) is not null)
        {
            client.Delete(hangfireId);
        }

        job.Deleted(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return ToSummary(job);
    }

    public async Task<IReadOnlyList<RecurringJobView>> RecurringAsync(CancellationToken cancellationToken)
    {
        var views = new List<RecurringJobView>();
        foreach (var registration in registry.Recurring)
        {
            views.Add(await RecurringViewAsync(registration.Name, cancellationToken));
        }

        return views;
    }

    public async Task<Result<RecurringJobView>> TriggerRecurringAsync(string name, string requestedBy, CancellationToken cancellationToken)
    {
        if (!IsRecurring(name))
        {
            return RecurringNotFound();
        }

        await RecordRecurringAsync(name, cancellationToken);
        if (recurring.TriggerJob(name) is { } jobId)
        {
            using var connection = storage.GetConnection();
            connection.SetJobParameter(jobId, HangfireJobRunner.RequestedByParameter, SerializationHelperJson(requestedBy));
        }

        return await RecurringViewAsync(name, cancellationToken);
    }

    public async Task<Result<RecurringJobView>> PauseRecurringAsync(string name, string reason, string requestedBy, CancellationToken cancellationToken)
    {
        if (!IsRecurring(name))
        {
            return RecurringNotFound();
        }

        await RecordRecurringAsync(name, cancellationToken);
        var record = await db.Jobs.SingleAsync(j => j.Type == name && j.Key == name && j.Recurring, cancellationToken);
        record.Pause(reason, requestedBy, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return await RecurringViewAsync(name, cancellationToken);
    }

    public async Task<Result<RecurringJobView>> ResumeRecurringAsync(string name, CancellationToken cancellationToken)
    {
        if (!IsRecurring(name))
        {
            return RecurringNotFound();
        }

        await RecordRecurringAsync(name, cancellationToken);
        var record = await db.Jobs.SingleAsync(j => j.Type == name && j.Key == name && j.Recurring, cancellationToken);
        record.Resume(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return await RecurringViewAsync(name, cancellationToken);
    }

    public Task<IReadOnlyList<JobNode>> NodesAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var me = $":{Environment.ProcessId}:"; // Hangfire names its servers « machine:pid:guid »
        IReadOnlyList<JobNode> nodes = storage.GetMonitoringApi().Servers()
            .Select(s => new JobNode(
                s.Name,
                s.Heartbeat is { } beat ? DateTime.SpecifyKind(beat, DateTimeKind.Utc) : null,
                TimeSpan.FromSeconds(10),
                s.Heartbeat is { } last && now - last < TimeSpan.FromMinutes(1) ? "Alive" : "Lost",
                s.Name.Contains(me, StringComparison.Ordinal)))
            .OrderByDescending(n => n.IsCurrent).ThenBy(n => n.InstanceId, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(nodes);
    }

    private bool IsRecurring(string name) => registry.ByName(name) is { Cron: not null };

    /// <summary>
    /// A recurring job is recorded on its first run; an operator acting on it before that records it now,
    /// so that their action is attached to it (and its pause kept) from the start.
    /// </summary>
    private Task<JobRecord> RecordRecurringAsync(string name, CancellationToken cancellationToken) =>
        journal.RecordScheduledAsync(
            JobRecord.Create(name, name, recurring: true, "{}", about: null, correlationId: null, cause: null, causeMessageId: null, time.GetUtcNow().UtcDateTime),
            cancellationToken);

    private async Task<RecurringJobView> RecurringViewAsync(string name, CancellationToken cancellationToken)
    {
        RecurringJobDto? hangfire;
        using (var connection = storage.GetConnection())
        {
            hangfire = connection.GetRecurringJobs([name]).FirstOrDefault(r => !r.Removed);
        }

        var record = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Type == name && j.Key == name && j.Recurring, cancellationToken);
        var recent = record is null
            ? []
            : await db.JobAttempts.AsNoTracking()
                .Where(a => a.JobId == record.Id && a.Result != JobAttemptResult.Running)
                .OrderByDescending(a => a.Id)
                .Take(100)
                .Select(a => new { a.StartedAtUtc, a.Result })
                .ToListAsync(cancellationToken);
        return new RecurringJobView(
            name,
            hangfire?.Cron ?? registry.ByName(name)?.Cron ?? "",
            hangfire?.TimeZoneId ?? ParisTime.Zone.Id,
            hangfire?.NextExecution is { } next ? DateTime.SpecifyKind(next, DateTimeKind.Utc) : null,
            recent.FirstOrDefault()?.StartedAtUtc,
            recent.FirstOrDefault()?.Result,
            recent.TakeWhile(a => a.Result != JobAttemptResult.Succeeded).Count(a => a.Result == JobAttemptResult.Failed),
            record is { Paused: true } ? new RecurringJobPause(record.PauseReason!, record.PausedBy ?? "", record.PausedAtUtc ?? record.UpdatedAtUtc) : null,
            record?.Id);
    }

    /// <summary>The Hangfire state of a job, or null when Hangfire no longer has it.</summary>
    private string? HangfireStateOf(string hangfireJobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(hangfireJobId)?.Name;
    }

    /// <summary>When a job runs next: after its retry's back-off (Hangfire's Scheduled state), or now when it is in the queue.</summary>
    private DateTime? NextRunOf(JobRecord job)
    {
        if (job.Recurring)
        {
            using var recurringConnection = storage.GetConnection();
            return recurringConnection.GetRecurringJobs([job.Key]).FirstOrDefault(r => !r.Removed)?.NextExecution is { } next
                ? DateTime.SpecifyKind(next, DateTimeKind.Utc)
                : null;
        }

        if (job.HangfireJobId is null)
        {
            return null;
        }

        using var connection = storage.GetConnection();
        var state = connection.GetStateData(job.HangfireJobId);
        // In the queue, it has been due since it was enqueued: it runs as soon as a worker is free.
        var due = state?.Name == ScheduledState.StateName ? "EnqueueAt" : state?.Name == EnqueuedState.StateName ? "EnqueuedAt" : null;
        return due is not null && state!.Data.TryGetValue(due, out var at) ? Hangfire.Common.JobHelper.DeserializeNullableDateTime(at) : null;
    }

    /// <summary>Job parameters are stored as JSON, as Hangfire's own SetJobParameter writes them.</summary>
    private static string SerializationHelperJson(string value) =>
        Hangfire.Common.SerializationHelper.Serialize(value, Hangfire.Common.SerializationOption.User);

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

    private static Error JobNotFound() => Error.NotFound("job.not_found", "Cette tâche n'existe pas.");

    private static Error RecurringNotFound() => Error.NotFound("recurring.not_found", "Cette tâche récurrente n'existe pas.");

    private static JobSummary ToSummary(JobRecord job) =>
        new(job.Id, job.Type, job.Key, job.State, job.Attempts, job.LastError, job.CreatedAtUtc, job.FinishedAtUtc, job.About, job.Recurring, job.HangfireJobId);
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
