namespace IndustryWeek.Shared.Jobs;

/// <summary>A module's background job; its payload is stored as JSON with the job, so it survives restarts.</summary>
public interface IBackgroundJob<in TPayload>
{
    /// <summary>Must be idempotent: a job may run again after a crash or a retry.</summary>
    Task RunAsync(TPayload payload, BackgroundJobContext context, CancellationToken cancellationToken);
}

/// <param name="Key">The deterministic key the job was scheduled with.</param>
/// <param name="RetryAttempt">0 on the first run, n on the n-th retry.</param>
/// <param name="Recovering">True when re-run because the process died during a previous run.</param>
public sealed record BackgroundJobContext(string Key, int RetryAttempt, bool Recovering)
{
    /// <summary>True when a failure of this run will not be retried (the retries are exhausted).</summary>
    public bool IsLastAttempt { get; init; }
}

/// <summary>The port modules schedule durable jobs through; keeps Hangfire types out of their code.</summary>
public interface IBackgroundJobs
{
    /// <summary>
    /// Schedules <typeparamref name="TJob"/> to run now, durably. Scheduling the same key again keeps the
    /// job already scheduled (or already run): a notification handled twice schedules one job.
    /// </summary>
    Task ScheduleAsync<TJob, TPayload>(string key, TPayload payload, CancellationToken cancellationToken)
        where TJob : IBackgroundJob<TPayload>;

    /// <summary>
    /// As <see cref="ScheduleAsync{TJob, TPayload}(string, TPayload, CancellationToken)"/>, saying what the job
    /// is <paramref name="about"/> in the words operators read and search (« Visite de l'usine (SDI-2026-000123) »):
    /// the dashboard titles the job « {the job's title} – {about} ».
    /// </summary>
    Task ScheduleAsync<TJob, TPayload>(string key, TPayload payload, string? about, CancellationToken cancellationToken)
        where TJob : IBackgroundJob<TPayload>;
}

/// <summary>A job run on a schedule (a cron expression in Europe/Paris time), e.g. closing registrations at midnight.</summary>
public interface IRecurringJob
{
    Task RunAsync(BackgroundJobContext context, CancellationToken cancellationToken);
}
