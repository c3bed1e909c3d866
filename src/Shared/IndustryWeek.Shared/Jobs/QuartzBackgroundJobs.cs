using System.Text.Json;
using IndustryWeek.Shared.Observability;
using IndustryWeek.Shared.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace IndustryWeek.Shared.Jobs;

internal sealed class QuartzBackgroundJobs(ISchedulerFactory schedulers, JobRegistry registry, JobJournal journal, TimeProvider time) : IBackgroundJobs
{
    internal const string JobNameKey = "job";
    internal const string PayloadKey = "payload";
    internal const string AboutKey = "about";
    internal const string CorrelationKey = "correlation";
    internal const string CauseKey = "cause";
    internal const string CauseMessageKey = "cause-message";

    /// <summary>Trigger data naming the operator who asked for a run (retry, run now).</summary>
    internal const string RequestedByKey = "requested-by";

    public Task ScheduleAsync<TJob, TPayload>(string key, TPayload payload, CancellationToken cancellationToken)
        where TJob : IBackgroundJob<TPayload> =>
        ScheduleAsync<TJob, TPayload>(key, payload, about: null, cancellationToken);

    public async Task ScheduleAsync<TJob, TPayload>(string key, TPayload payload, string? about, CancellationToken cancellationToken)
        where TJob : IBackgroundJob<TPayload>
    {
        var registration = registry.ByType(typeof(TJob));
        var json = JsonSerializer.Serialize(payload, StoredJson.Options);

        // Recorded first: if scheduling then fails, the notification is handled again and schedules it;
        // a run never finds its record missing.
        await journal.RecordScheduledAsync(
            JobRecord.Create(registration.Name, key, recurring: false, json, about, Correlation.Id, Correlation.Cause, Correlation.CauseMessageId, time.GetUtcNow().UtcDateTime),
            cancellationToken);

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var jobKey = new JobKey(key, registration.Name);
        var job = JobBuilder.Create<QuartzJobRunner>()
            .WithIdentity(jobKey)
            .StoreDurably()
            .RequestRecovery()
            .UsingJobData(JobNameKey, registration.Name)
            .UsingJobData(PayloadKey, json)
            .UsingJobData(AboutKey, about ?? "")
            .UsingJobData(CorrelationKey, Correlation.Id ?? "")
            .UsingJobData(CauseKey, Correlation.Cause ?? "")
            .UsingJobData(CauseMessageKey, Correlation.CauseMessageId?.ToString() ?? "")
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key, registration.Name)
            .ForJob(jobKey)
            .StartNow()
            .Build();
        try
        {
            await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions(), cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Deterministic key: this work is already scheduled, running or done. Keep it.
        }
    }
}

/// <summary>
/// The one Quartz job type: finds the module's job by its stored name and runs it in a DI scope, under
/// the correlation id it was scheduled with, recording the attempt (node, times, full exception) for operators.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class QuartzJobRunner(IServiceProvider services, JobRegistry registry, JobJournal journal, ILogger<QuartzJobRunner> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var name = data.GetString(QuartzBackgroundJobs.JobNameKey) ?? "";
        var correlationId = NullIfEmpty(data.GetString(QuartzBackgroundJobs.CorrelationKey));
        using var correlation = Correlation.Begin(correlationId);
        using var logScope = Correlation.BeginLogScope(logger);

        var jobKey = context.JobDetail.Key;
        var recurring = jobKey.Group == BackgroundJobRegistration.RecurringGroup;
        if (context.Recovering && !recurring && await journal.HasSucceededAsync(jobKey.Group, jobKey.Name, cancellationToken))
        {
            // The host died after the run had succeeded (and said so) but before the scheduler recorded its
            // end: the recovery would only run it a second time. Once done is done.
            LogRecoverySkipped(logger, jobKey.Group, jobKey.Name);
            return;
        }

        var attempt = await journal.StartAttemptAsync(
            () => JobRecord.Create(
                recurring ? name : jobKey.Group,
                jobKey.Name,
                recurring,
                data.GetString(QuartzBackgroundJobs.PayloadKey) ?? "",
                NullIfEmpty(data.GetString(QuartzBackgroundJobs.AboutKey)),
                correlationId,
                NullIfEmpty(data.GetString(QuartzBackgroundJobs.CauseKey)),
                Guid.TryParse(data.GetString(QuartzBackgroundJobs.CauseMessageKey), out var message) ? message : null,
                context.FireTimeUtc.UtcDateTime),
            NodeName(context.Scheduler),
            context.FireInstanceId,
            // The operator asked for this run only: the retries and recoveries after it are the scheduler's.
            context.RetryAttempt == 0 && !context.Recovering ? NullIfEmpty(data.GetString(QuartzBackgroundJobs.RequestedByKey)) : null,
            cancellationToken);

        var willRetry = context.RetryPolicy is { } policy && context.RetryAttempt < policy.MaxAttempts;
        try
        {
            var registration = registry.ByName(name)
                ?? throw new JobExecutionException($"No background job is registered as '{name}'.") { UnscheduleAllTriggers = true };
            var jobContext = new BackgroundJobContext(jobKey.Name, context.RetryAttempt, context.Recovering) { IsLastAttempt = !willRetry };
            await registration.Run(services, data.GetString(QuartzBackgroundJobs.PayloadKey) ?? "null", jobContext, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping: the attempt stays open and is closed as interrupted when the job runs again.
            throw;
        }
        catch (Exception e)
        {
            var retried = willRetry && e is not JobExecutionException { UnscheduleAllTriggers: true };
            LogJobFailed(logger, e, jobKey.Group, jobKey.Name, attempt.Number, retried);
            try
            {
                await journal.FailedAsync(attempt, e, retried, CancellationToken.None);
            }
            catch (Exception recordError)
            {
                // The database itself may be down: Quartz must still see the job's own failure.
                LogRecordFailed(logger, recordError, jobKey.Group, jobKey.Name);
            }

            throw;
        }

        await journal.SucceededAsync(attempt, CancellationToken.None);
    }

    /// <summary>The host process, as operators see it among the cluster's nodes.</summary>
    internal static string NodeName(IScheduler scheduler) =>
        scheduler.SchedulerInstanceId is { Length: > 0 } id && id != "NON_CLUSTERED" ? id : $"{Environment.MachineName}-{Environment.ProcessId}";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Type} {Key} had already succeeded when its host died: not run again by the recovery")]
    private static partial void LogRecoverySkipped(ILogger logger, string type, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the failure of job {Type} {Key}")]
    private static partial void LogRecordFailed(ILogger logger, Exception error, string type, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Type} {Key} failed on attempt {Attempt} (retried: {WillRetry})")]
    private static partial void LogJobFailed(ILogger logger, Exception error, string type, string key, int attempt, bool willRetry);
}
