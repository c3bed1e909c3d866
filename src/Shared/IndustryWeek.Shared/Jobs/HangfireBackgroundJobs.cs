using System.Diagnostics;
using System.Text.Json;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using IndustryWeek.Shared.Observability;
using IndustryWeek.Shared.Persistence;
using Microsoft.Extensions.Logging;

namespace IndustryWeek.Shared.Jobs;

/// <summary>
/// The port on Hangfire: the keyed table first (one record per type and key), then one Hangfire job
/// attached to it. Scheduling a key again finds its job attached and creates nothing.
/// </summary>
internal sealed class HangfireBackgroundJobs(IBackgroundJobClient client, JobRegistry registry, JobJournal journal, TimeProvider time) : IBackgroundJobs
{
    public Task ScheduleAsync<TJob, TPayload>(string key, TPayload payload, CancellationToken cancellationToken)
        where TJob : IBackgroundJob<TPayload> =>
        ScheduleAsync<TJob, TPayload>(key, payload, about: null, cancellationToken);

    public async Task ScheduleAsync<TJob, TPayload>(string key, TPayload payload, string? about, CancellationToken cancellationToken)
        where TJob : IBackgroundJob<TPayload>
    {
        var registration = registry.ByType(typeof(TJob));
        var json = JsonSerializer.Serialize(payload, StoredJson.Options);

        // Recorded first: if creating the Hangfire job then fails, the notification is handled again and
        // finds the record without a job; a run never finds its record missing.
        var record = await journal.RecordScheduledAsync(
            JobRecord.Create(registration.Name, key, recurring: false, json, about, Correlation.Id, Correlation.Cause, Correlation.CauseMessageId, time.GetUtcNow().UtcDateTime),
            cancellationToken);
        if (record.HangfireJobId is null)
        {
            await EnqueueAsync(client, journal, record, json, registration, cancellationToken);
        }
    }

    /// <summary>
    /// Creates the Hangfire job of a record that has none and attaches it; a job that lost the race to attach is deleted.
    /// The job carries its whole <paramref name="payload"/> (the record keeps it cut to what operators read).
    /// </summary>
    internal static async Task<string?> EnqueueAsync(IBackgroundJobClient client, JobJournal journal, JobRecord record, string payload, JobRegistration registration, CancellationToken cancellationToken)
    {
        var id = client.Create(HangfireJobRunner.Call(registration.DisplayName(record.About), record.Type, record.Key, payload), new EnqueuedState());
        if (await journal.AttachAsync(record.Id, id, cancellationToken))
        {
            return id;
        }

        // Another handler or host attached its own job first: this one would only find itself a duplicate.
        client.Delete(id);
        return null;
    }
}

/// <summary>
/// The one Hangfire job type: finds the module's job by its stored name and runs it in the job's DI scope,
/// under the correlation id it was scheduled with, recording the attempt (node, times, full exception) in
/// the keyed table. Only the Hangfire job attached to the record does the work.
/// </summary>
internal sealed partial class HangfireJobRunner(IServiceProvider services, JobRegistry registry, JobJournal journal, JobsOptions options, ILogger<HangfireJobRunner> logger)
{
    /// <summary>The job parameter carrying the correlation id of the request that caused the job (shown on its dashboard page).</summary>
    public const string CorrelationParameter = "CorrelationId";

    /// <summary>The job parameter carrying the span (W3C traceparent) of the work that caused the job, when traces are exported.</summary>
    public const string TraceParentParameter = "TraceParent";

    /// <summary>The job parameter naming the operator who asked for a run (a retry from /ops).</summary>
    public const string RequestedByParameter = "RequestedBy";

    public static Job Call(string displayName, string type, string key, string payload) =>
        Job.FromExpression<HangfireJobRunner>(r => r.RunAsync(displayName, type, key, payload, null, CancellationToken.None));

    public static Job CallRecurring(string displayName, string name) =>
        Job.FromExpression<HangfireJobRunner>(r => r.RunRecurringAsync(displayName, name, null, CancellationToken.None));

    /// <summary>A one-off job (Hangfire calls it; <paramref name="displayName"/> is only there to title it on the dashboard).</summary>
    [JobDisplayName("{0}")]
    public async Task RunAsync(string displayName, string type, string key, string payload, Hangfire.Server.PerformContext? perform, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(perform);
        var jobId = perform.BackgroundJob.Id;
        using var correlation = Correlation.Begin(perform.GetJobParameter<string>(CorrelationParameter));
        using var logScope = Correlation.BeginLogScope(logger);
        using var span = StartSpan(perform, type, key);

        switch (await journal.ClaimAsync(type, key, jobId, cancellationToken))
        {
            case JobClaim.Duplicate:
                LogDuplicate(logger, type, key, jobId);
                return;
            case JobClaim.AlreadyDone:
                LogRecoverySkipped(logger, type, key);
                return;
            case JobClaim.Deleted:
                LogDeletedSkipped(logger, type, key);
                return;
        }

        await RunAttemptAsync(
            perform,
            span,
            () => JobRecord.Create(type, key, recurring: false, payload, about: null, Correlation.Id, cause: null, causeMessageId: null, DateTime.UtcNow),
            type,
            key,
            payload,
            cancellationToken);
    }

    /// <summary>A recurring job's run; skipped while an operator has paused it (the dashboard cannot pause).</summary>
    [JobDisplayName("{0}")]
    public async Task RunRecurringAsync(string displayName, string name, Hangfire.Server.PerformContext? perform, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(perform);
        using var correlation = Correlation.Begin(perform.GetJobParameter<string>(CorrelationParameter));
        using var logScope = Correlation.BeginLogScope(logger);
        using var span = StartSpan(perform, name, name);
        if (await journal.FindAsync(name, name, cancellationToken) is { Paused: true } paused)
        {
            LogPaused(logger, name, paused.PauseReason!);
            perform.SetJobParameter("SkippedBecause", $"En pause : {paused.PauseReason}");
            return;
        }

        await RunAttemptAsync(
            perform,
            span,
            () => JobRecord.Create(name, name, recurring: true, "{}", about: null, correlationId: null, cause: null, causeMessageId: null, DateTime.UtcNow),
            name,
            name,
            "{}",
            cancellationToken);
    }

    private async Task RunAttemptAsync(Hangfire.Server.PerformContext perform, Activity? span, Func<JobRecord> describe, string type, string key, string payload, CancellationToken cancellationToken)
    {
        var retryCount = perform.GetJobParameter<int>("RetryCount");
        var requestedBy = retryCount == 0 ? perform.GetJobParameter<string>(RequestedByParameter) : null;
        var (attempt, recovering) = await journal.StartAttemptAsync(describe, perform.ServerId ?? NodeName, perform.BackgroundJob.Id, requestedBy, cancellationToken);
        var willRetry = retryCount < options.RetryAttempts;
        try
        {
            var registration = registry.ByName(type) ?? throw new InvalidOperationException($"No background job is registered as '{type}'.");
            var context = new BackgroundJobContext(key, retryCount, recovering) { IsLastAttempt = !willRetry };
            await registration.Run(services, payload, context, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping: the attempt stays open and is closed as interrupted when the job runs again.
            throw;
        }
        catch (Exception e)
        {
            span.Failed(e);
            LogJobFailed(logger, e, type, key, attempt.Number, willRetry);
            try
            {
                await journal.FailedAsync(attempt, e, willRetry, CancellationToken.None);
            }
            catch (Exception recordError)
            {
                // The database itself may be down: Hangfire must still see the job's own failure.
                LogRecordFailed(logger, recordError, type, key);
            }

            throw;
        }

        await journal.SucceededAsync(attempt, CancellationToken.None);
    }

    /// <summary>The run's span, a child of the span that scheduled the job (the outbox dispatch of the request's notification).</summary>
    private static Activity? StartSpan(Hangfire.Server.PerformContext perform, string type, string key)
    {
        if (!PlatformTelemetry.Source.HasListeners())
        {
            return null; // traces off: not even the job parameters are read from storage
        }

        var span = PlatformTelemetry.StartSpan($"job {type}", ActivityKind.Consumer, perform.GetJobParameter<string>(TraceParentParameter));
        span?.SetTag("industryweek.job.type", type);
        span?.SetTag("industryweek.job.key", key);
        span?.SetTag("industryweek.job.hangfire_id", perform.BackgroundJob.Id);
        span?.SetTag("industryweek.job.retry", perform.GetJobParameter<int>("RetryCount"));
        return span;
    }

    /// <summary>The host process, when Hangfire does not say which of its servers runs the job.</summary>
    internal static string NodeName => $"{Environment.MachineName}-{Environment.ProcessId}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Type} {Key} had already succeeded when its host died: not run again")]
    private static partial void LogRecoverySkipped(ILogger logger, string type, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Type} {Key} was deleted by an operator: not run")]
    private static partial void LogDeletedSkipped(ILogger logger, string type, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hangfire job {JobId} for {Type} {Key} is a duplicate of the attached one: nothing done")]
    private static partial void LogDuplicate(ILogger logger, string type, string key, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring job {Name} is paused ({Reason}): not run")]
    private static partial void LogPaused(ILogger logger, string name, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the failure of job {Type} {Key}")]
    private static partial void LogRecordFailed(ILogger logger, Exception error, string type, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Type} {Key} failed on attempt {Attempt} (retried: {WillRetry})")]
    private static partial void LogJobFailed(ILogger logger, Exception error, string type, string key, int attempt, bool willRetry);
}
