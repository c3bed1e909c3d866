using IndustryWeek.Shared.Persistence;
using IndustryWeek.Shared.Platform;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Shared.Jobs;

/// <summary>How a Hangfire job stands against the keyed table when it starts.</summary>
internal enum JobClaim
{
    /// <summary>This Hangfire job is the one attached to the record: it does the work.</summary>
    Ours,

    /// <summary>Another Hangfire job is attached to the same key (scheduled twice): this one does nothing.</summary>
    Duplicate,

    /// <summary>The record says the work is done: a run that succeeded before its host died is not run again.</summary>
    AlreadyDone,

    /// <summary>An operator deleted the job while Hangfire was handing it to a worker.</summary>
    Deleted,
}

/// <summary>
/// Writes the jobs' story (<see cref="JobRecord"/>, <see cref="JobAttempt"/>) as they are scheduled and run,
/// and keeps the keyed table the source of truth: one record per type and key, one Hangfire job attached to it.
/// </summary>
internal sealed class JobJournal(PlatformDbContext db, TimeProvider time)
{
    /// <summary>Records a job about to be scheduled; a job already recorded under that key is kept as it is and returned.</summary>
    public async Task<JobRecord> RecordScheduledAsync(JobRecord job, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(job.Type, job.Key, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        db.Jobs.Add(job);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return job;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Scheduled at the same moment by another handler or host: one record is enough.
            db.Entry(job).State = EntityState.Detached;
            return await FindAsync(job.Type, job.Key, cancellationToken)
                ?? throw new InvalidOperationException($"Job {job.Type} {job.Key} vanished after a unique violation.");
        }
    }

    public Task<JobRecord?> FindAsync(string type, string key, CancellationToken cancellationToken) =>
        db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Type == type && j.Key == key, cancellationToken);

    /// <summary>
    /// Attaches the Hangfire job <paramref name="hangfireJobId"/> to the record unless another one is attached
    /// already: the first attached wins (on any host), so a key gets one job that does the work.
    /// </summary>
    /// <returns>Whether <paramref name="hangfireJobId"/> is (now) the attached job.</returns>
    public async Task<bool> AttachAsync(long recordId, string hangfireJobId, CancellationToken cancellationToken)
    {
        var changed = await db.Jobs
            .Where(j => j.Id == recordId && (j.HangfireJobId == null || j.HangfireJobId == hangfireJobId))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.HangfireJobId, hangfireJobId), cancellationToken);
        return changed == 1;
    }

    /// <summary>
    /// Called when a Hangfire job starts: adopts the record if no job is attached yet (the host died between
    /// creating the job and attaching it), and says whether this job is the one to do the work.
    /// </summary>
    public async Task<JobClaim> ClaimAsync(string type, string key, string hangfireJobId, CancellationToken cancellationToken)
    {
        var record = await FindAsync(type, key, cancellationToken);
        if (record is null)
        {
            return JobClaim.Ours; // scheduled before records existed: the run records it
        }

        // Attached already (the usual case) or another job is: no write. Not attached: adopt it, first one wins.
        if (record.HangfireJobId is { } attached ? attached != hangfireJobId : !await AttachAsync(record.Id, hangfireJobId, cancellationToken))
        {
            return JobClaim.Duplicate;
        }

        // Once done is done: the host died after the run succeeded (and said so here) but before Hangfire
        // recorded its end. An operator's requeue sets the record back to Scheduled first (JobStateMirror).
        return record.State switch
        {
            JobState.Succeeded => JobClaim.AlreadyDone,
            JobState.Deleted => JobClaim.Deleted,
            _ => JobClaim.Ours,
        };
    }

    /// <summary>Opens an attempt; an attempt still open from a host that died is closed as interrupted.</summary>
    /// <returns>The attempt, and whether a previous run was interrupted (the job is recovering).</returns>
    public async Task<(JobAttempt Attempt, bool Recovering)> StartAttemptAsync(Func<JobRecord> describe, string node, string hangfireJobId, string? requestedBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var template = describe();
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Type == template.Type && j.Key == template.Key, cancellationToken);
        if (job is null)
        {
            job = template;
            db.Jobs.Add(job);
            await db.SaveChangesAsync(cancellationToken);
        }

        var recovering = false;
        if (job.State == JobState.Processing)
        {
            // A run started and never ended: its host died (or stopped) during it.
            var unfinished = await db.JobAttempts.Where(a => a.JobId == job.Id && a.Result == JobAttemptResult.Running).ToListAsync(cancellationToken);
            foreach (var attempt in unfinished)
            {
                attempt.Interrupted();
            }

            recovering = unfinished.Count > 0;
        }

        job.Started(now);
        var started = JobAttempt.Start(job.Id, job.Attempts, node, hangfireJobId, requestedBy, now);
        db.JobAttempts.Add(started);
        await db.SaveChangesAsync(cancellationToken);
        return (started, recovering);
    }

    public async Task SucceededAsync(JobAttempt attempt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // Tracked since the attempt started (same scope): found without a query.
        var job = await db.Jobs.FindAsync([attempt.JobId], cancellationToken) ?? throw new InvalidOperationException($"Job {attempt.JobId} vanished.");
        attempt.Succeeded(now);
        if (job.State != JobState.Deleted)
        {
            job.Succeeded(now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task FailedAsync(JobAttempt attempt, Exception error, bool willRetry, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var job = await db.Jobs.FindAsync([attempt.JobId], cancellationToken) ?? throw new InvalidOperationException($"Job {attempt.JobId} vanished.");
        var text = error.ToString();
        attempt.Failed(text, willRetry, now);
        if (job.State != JobState.Deleted)
        {
            job.Failed(text, willRetry, now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An operator requeued the attached Hangfire job (from the dashboard or /api/ops): the record waits for its run.</summary>
    public Task<int> RequeuedAsync(string type, string key, string hangfireJobId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Jobs
            .Where(j => j.Type == type && j.Key == key && j.HangfireJobId == hangfireJobId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Scheduled).SetProperty(j => j.FinishedAtUtc, (DateTime?)null).SetProperty(j => j.UpdatedAtUtc, now), cancellationToken);
    }

    /// <summary>An operator deleted the attached Hangfire job: the record says so, and it is not run again at start-up.</summary>
    public Task<int> DeletedAsync(string type, string key, string hangfireJobId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Jobs
            .Where(j => j.Type == type && j.Key == key && j.HangfireJobId == hangfireJobId && j.State != JobState.Succeeded)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Deleted).SetProperty(j => j.FinishedAtUtc, now).SetProperty(j => j.UpdatedAtUtc, now), cancellationToken);
    }

    /// <summary>One-off jobs whose work is not done, as the start-up recovery looks them up.</summary>
    public Task<List<JobRecord>> UnfinishedAsync(CancellationToken cancellationToken) =>
        db.Jobs.AsNoTracking()
            .Where(j => !j.Recurring && (j.State == JobState.Scheduled || j.State == JobState.Retrying || j.State == JobState.Processing))
            .OrderBy(j => j.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Detaches a Hangfire job that no longer exists, so that a new one can be attached.</summary>
    public Task<int> DetachAsync(long recordId, string hangfireJobId, CancellationToken cancellationToken) =>
        db.Jobs
            .Where(j => j.Id == recordId && j.HangfireJobId == hangfireJobId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.HangfireJobId, (string?)null), cancellationToken);
}
