using IndustryWeek.Shared.Persistence;
using IndustryWeek.Shared.Platform;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Shared.Jobs;

/// <summary>Writes the jobs' story (<see cref="JobRecord"/>, <see cref="JobAttempt"/>) as they are scheduled and run.</summary>
internal sealed class JobJournal(PlatformDbContext db, TimeProvider time)
{
    /// <summary>Records a job about to be scheduled; a job already recorded under that key is kept as it is.</summary>
    public async Task RecordScheduledAsync(JobRecord job, CancellationToken cancellationToken)
    {
        if (await db.Jobs.AnyAsync(j => j.Type == job.Type && j.Key == job.Key, cancellationToken))
        {
            return;
        }

        db.Jobs.Add(job);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Scheduled at the same moment by another handler or host: one record is enough.
            db.Entry(job).State = EntityState.Detached;
        }
    }

    /// <summary>Whether this one-off job's last run succeeded (and no operator asked for another since).</summary>
    public Task<bool> HasSucceededAsync(string type, string key, CancellationToken cancellationToken) =>
        db.Jobs.AnyAsync(j => j.Type == type && j.Key == key && !j.Recurring && j.State == JobState.Succeeded, cancellationToken);

    /// <summary>Opens an attempt; an attempt still open from a host that died is closed as interrupted.</summary>
    public async Task<JobAttempt> StartAttemptAsync(Func<JobRecord> describe, string node, string fireInstanceId, string? requestedBy, CancellationToken cancellationToken)
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

        if (job.State == JobState.Processing)
        {
            // A run started and never ended: its host died (or stopped) during it.
            var unfinished = await db.JobAttempts.Where(a => a.JobId == job.Id && a.Result == JobAttemptResult.Running).ToListAsync(cancellationToken);
            foreach (var attempt in unfinished)
            {
                attempt.Interrupted();
            }
        }

        job.Started(now);
        var started = JobAttempt.Start(job.Id, job.Attempts, node, fireInstanceId, requestedBy, now);
        db.JobAttempts.Add(started);
        await db.SaveChangesAsync(cancellationToken);
        return started;
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
}
