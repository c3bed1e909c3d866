using Hangfire;
using Hangfire.Common;
using IndustryWeek.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IndustryWeek.Shared.Jobs;

/// <summary>`Jobs:*`: how failed jobs are retried (exponential back-off with jitter) and how the job storage is polled.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    public int RetryAttempts { get; set; } = 10;

    public TimeSpan RetryFirstDelay { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Hangfire workers of this host.</summary>
    public int WorkerCount { get; set; } = 8;

    /// <summary>How often an idle worker looks for a job (PostgreSQL's long polling wakes it sooner).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>PostgreSQL: after how long a job fetched by a host that died is visible again (kept alive while running).</summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After how long a lock left by a host that died expires.</summary>
    public TimeSpan DistributedLockTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a succeeded or deleted job stays on the Hangfire dashboard.</summary>
    public TimeSpan FinishedJobsKeptFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often delayed work (retries after their back-off) is moved to the queue.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);
}

internal static class JobsRegistration
{
    /// <summary>
    /// Hangfire with its storage chosen by the provider (<see cref="JobStorages"/>), this host's own storage and
    /// filters (not Hangfire's static ones: several hosts may live in one process, as in the tests), exponential
    /// retries, the dashboard's French titles, and the start-up recovery that runs before the server fetches.
    /// </summary>
    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, DatabaseSettings database, IConfiguration configuration)
    {
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        services.AddSingleton(options);
        BackgroundJobRegistration.Registry(services);
        services.AddScoped<IBackgroundJobs, HangfireBackgroundJobs>();
        services.AddScoped<JobJournal>();
        services.AddScoped<HangfireJobRunner>();
        services.AddScoped<IJobOperations, JobOperations>();

        // Registered before AddHangfire, which only adds these when missing (it would take the static JobStorage.Current
        // and the static global filters, shared by every host of the process).
        services.AddSingleton(sp =>
        {
            sp.GetRequiredService<IGlobalConfiguration>(); // runs AddHangfire's configuration (serializer, compatibility level) first
            return JobStorages.Create(database, options);
        });
        services.AddSingleton<JobStateMirror>();
        services.AddSingleton<IJobFilterProvider>(sp =>
        {
            var filters = new JobFilterCollection
            {
                JobRetries.Filter(options),
                new StatisticsHistoryAttribute(),
                new CorrelationJobFilter(),
                new JobRetention(options.FinishedJobsKeptFor),
                sp.GetRequiredService<JobStateMirror>(),
            };
            return new JobFilterProviderCollection(new JobFilterAttributeFilterProvider(), filters);
        });
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // A factory, not an instance: the container disposes what it created, so a stopped host lets go of the lock.
            services.AddSingleton(_ => new SqliteProcessLock(JobStorages.SqliteFile(database) + ".lock"));
        }

        // Before the server: a dead process's fetches are released and unattached work enqueued before any worker fetches.
        services.AddHostedService<JobsStartup>();
        // One instance (AddHangfireServer registers a transient one): what the host started is what stops.
        services.AddSingleton(sp => new BackgroundJobServerHostedService(
            sp.GetRequiredService<JobStorage>(),
            new BackgroundJobServerOptions
            {
                WorkerCount = options.WorkerCount,
                SchedulePollingInterval = options.SchedulePollingInterval,
                HeartbeatInterval = TimeSpan.FromSeconds(10),
                ServerCheckInterval = TimeSpan.FromSeconds(30),
                ServerTimeout = TimeSpan.FromMinutes(1),
                ShutdownTimeout = TimeSpan.FromSeconds(10),
                Activator = sp.GetRequiredService<JobActivator>(),
                FilterProvider = sp.GetRequiredService<IJobFilterProvider>(),
                TimeZoneResolver = sp.GetService<ITimeZoneResolver>(),
            },
            sp.GetServices<Hangfire.Server.IBackgroundProcess>(),
            sp.GetService<IHostApplicationLifetime>()));
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundJobServerHostedService>());
        services.AddHealthChecks().AddCheck<JobsHealthCheck>("jobs", tags: ["ready"]);
        return services;
    }
}
