using System.Text.Json;
using IndustryWeek.Shared.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace IndustryWeek.Shared.Jobs;

/// <summary>The jobs modules declared, by stable name: the name, not a CLR type name, is what the job store keeps.</summary>
internal sealed class JobRegistry
{
    private readonly Dictionary<string, JobRegistration> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, JobRegistration> _byType = [];

    public void Add(JobRegistration registration)
    {
        if (!_byName.TryAdd(registration.Name, registration) || !_byType.TryAdd(registration.JobType, registration))
        {
            throw new InvalidOperationException($"Job '{registration.Name}' ({registration.JobType}) is registered twice.");
        }
    }

    public JobRegistration ByType(Type jobType) =>
        _byType.TryGetValue(jobType, out var registration)
            ? registration
            : throw new InvalidOperationException($"{jobType} is not a registered background job (AddBackgroundJob).");

    public JobRegistration? ByName(string name) => _byName.GetValueOrDefault(name);
}

internal sealed record JobRegistration(
    string Name,
    Type JobType,
    Func<IServiceProvider, string, BackgroundJobContext, CancellationToken, Task> Run);


public static class BackgroundJobRegistration
{
    /// <summary>Declares a module's job under a stable <paramref name="name"/> ("communication-kit.deliver").</summary>
    public static IServiceCollection AddBackgroundJob<TJob, TPayload>(this IServiceCollection services, string name)
        where TJob : class, IBackgroundJob<TPayload>
    {
        services.AddScoped<TJob>();
        Registry(services).Add(new JobRegistration(
            name,
            typeof(TJob),
            (sp, payload, context, ct) => sp.GetRequiredService<TJob>().RunAsync(
                JsonSerializer.Deserialize<TPayload>(payload, StoredJson.Options)
                    ?? throw new InvalidOperationException($"Empty payload for job '{name}'."),
                context,
                ct)));
        return services;
    }

    /// <summary>
    /// Declares a module's recurring job, fired by <paramref name="cronExpression"/> (Quartz syntax) in
    /// Europe/Paris time; a firing missed while no host ran happens once at the next start.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string name, string cronExpression)
        where TJob : class, IRecurringJob
    {
        services.AddScoped<TJob>();
        Registry(services).Add(new JobRegistration(
            name,
            typeof(TJob),
            (sp, _, context, ct) => sp.GetRequiredService<TJob>().RunAsync(context, ct)));
        services.AddQuartz(q => q.ScheduleJob<QuartzJobRunner>(
            trigger => trigger
                .WithIdentity(name, RecurringGroup)
                .WithCronSchedule(cronExpression, cron => cron.InTimeZone(Time.ParisTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
            job => job
                .WithIdentity(name, RecurringGroup)
                .StoreDurably()
                .UsingJobData(QuartzBackgroundJobs.JobNameKey, name)
                .UsingJobData(QuartzBackgroundJobs.PayloadKey, "{}")));
        return services;
    }

    public const string RecurringGroup = "recurring";

    internal static JobRegistry Registry(IServiceCollection services)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(JobRegistry))?.ImplementationInstance;
        if (existing is JobRegistry registry)
        {
            return registry;
        }

        registry = new JobRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
