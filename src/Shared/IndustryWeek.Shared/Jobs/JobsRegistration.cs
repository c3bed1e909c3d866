using IndustryWeek.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace IndustryWeek.Shared.Jobs;

/// <summary>`Jobs:*`: how failed jobs are retried (exponential back-off with jitter).</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    public int RetryAttempts { get; set; } = 10;

    public TimeSpan RetryFirstDelay { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(2);
}

internal static class JobsRegistration
{
    /// <summary>
    /// Quartz on the modules' own database: persistent store (schema provisioned by Quartz itself),
    /// clustered on PostgreSQL, exponential retries (15 s doubling to 2 h, 10 attempts, jitter) and
    /// an execution history kept in the database for the operators.
    /// </summary>
    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, DatabaseSettings database, IConfiguration configuration)
    {
        var retries = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        BackgroundJobRegistration.Registry(services);
        services.AddScoped<IBackgroundJobs, QuartzBackgroundJobs>();
        services.AddScoped<JobJournal>();
        services.AddScoped<IJobOperations, JobOperations>();
        services.AddQuartz(q =>
        {
            q.UseDefaultRetryPolicy(RetryPolicy.Exponential(retries.RetryAttempts, retries.RetryFirstDelay, 2.0, retries.RetryMaxDelay, 0.2));
            q.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                if (database.Provider == DatabaseProvider.PostgreSql)
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering(_ => { });
                }
                else
                {
                    store.UseSqlite(database.ConnectionString);
                }

                store.ProvisionSchema();
                store.UseExecutionHistory();
            });
            q.AddQuartzHealthChecks(o => o.Tags.Add("ready"));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
