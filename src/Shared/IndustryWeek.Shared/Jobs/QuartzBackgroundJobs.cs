using System.Text.Json;
using IndustryWeek.Shared.Persistence;
using Quartz;

namespace IndustryWeek.Shared.Jobs;

internal sealed class QuartzBackgroundJobs(ISchedulerFactory schedulers, JobRegistry registry) : IBackgroundJobs
{
    internal const string JobNameKey = "job";
    internal const string PayloadKey = "payload";

    public async Task ScheduleAsync<TJob, TPayload>(string key, TPayload payload, CancellationToken cancellationToken)
        where TJob : IBackgroundJob<TPayload>
    {
        var registration = registry.ByType(typeof(TJob));
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var jobKey = new JobKey(key, registration.Name);
        var job = JobBuilder.Create<QuartzJobRunner>()
            .WithIdentity(jobKey)
            .StoreDurably()
            .RequestRecovery()
            .UsingJobData(JobNameKey, registration.Name)
            .UsingJobData(PayloadKey, JsonSerializer.Serialize(payload, StoredJson.Options))
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

/// <summary>The one Quartz job type: finds the module's job by its stored name and runs it in a DI scope.</summary>
[DisallowConcurrentExecution]
internal sealed class QuartzJobRunner(IServiceProvider services, JobRegistry registry) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var name = data.GetString(QuartzBackgroundJobs.JobNameKey) ?? "";
        var registration = registry.ByName(name)
            ?? throw new JobExecutionException($"No background job is registered as '{name}'.") { UnscheduleAllTriggers = true };
        var jobContext = new BackgroundJobContext(context.JobDetail.Key.Name, context.RetryAttempt, context.Recovering)
        {
            IsLastAttempt = context.RetryPolicy is not { } policy || context.RetryAttempt >= policy.MaxAttempts,
        };
        await registration.Run(services, data.GetString(QuartzBackgroundJobs.PayloadKey) ?? "null", jobContext, cancellationToken);
    }
}
