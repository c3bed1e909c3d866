using Hangfire;
using Hangfire.States;
using Hangfire.Storage.SQLite;
using IndustryWeek.Shared.Persistence;
using IndustryWeek.Shared.Time;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IndustryWeek.Shared.Jobs;

/// <summary>
/// What runs once at start-up, before this host's Hangfire server fetches anything:
/// on SQLite (one process), jobs a process that died had fetched are released at once;
/// work the keyed table says is not done but that has no Hangfire job (a Quartz-era database, a host that died
/// between recording and enqueuing) is enqueued, once; the recurring jobs are declared in Paris time.
/// </summary>
internal sealed partial class JobsStartup(
    IServiceScopeFactory scopes,
    JobStorage storage,
    DatabaseSettings database,
    JobRegistry registry,
    IBackgroundJobClient client,
    IRecurringJobManager recurring,
    ILogger<JobsStartup> logger,
    SqliteProcessLock? processLock = null) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage is SQLiteStorage && processLock is not null)
        {
            if (processLock.TryTake())
            {
                ReleaseDeadProcessFetches();
            }
            else
            {
                LogSecondProcess(logger, JobStorages.SqliteFile(database));
            }
        }

        await EnqueueUnattachedAsync(cancellationToken);
        foreach (var job in registry.Recurring)
        {
            recurring.AddOrUpdate(
                job.Name,
                HangfireJobRunner.CallRecurring(job.Title, job.Name),
                job.Cron!,
                new RecurringJobOptions { TimeZone = ParisTime.Zone, MisfireHandling = MisfireHandlingMode.Relaxed });
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// No other process is alive, so every fetched queue entry and every lock row belongs to a process that died:
    /// its fetches are released (the job is run again, from Enqueued or from Processing, which Hangfire's worker
    /// accepts) and its locks dropped. Requeuing only the jobs still Processing is not enough: a job fetched but
    /// not yet moved to Processing when the process died would stay invisible for the whole InvisibilityTimeout.
    /// Hangfire.Storage.SQLite also writes a job's creation and each state change as separate statements, not one
    /// transaction: a process killed in between leaves a job Enqueued / Processing with no queue entry, or Scheduled
    /// outside the schedule, which nothing would ever run: those are enqueued again. (One left with no state at all
    /// is replaced by <see cref="EnqueueUnattachedAsync"/>.)
    /// </summary>
    private void ReleaseDeadProcessFetches()
    {
        using var connection = new SqliteConnection($"Data Source={JobStorages.SqliteFile(database)};Pooling=False");
        connection.Open();
        int released;
        var halfWritten = new List<string>();
        using (var transaction = connection.BeginTransaction())
        {
            using var release = connection.CreateCommand();
            // sqlite-net stores DateTime as ticks: 0 is DateTime.MinValue, Hangfire.Storage.SQLite's « not fetched ».
            release.CommandText = "UPDATE JobQueue SET FetchedAt = 0 WHERE FetchedAt <> 0";
            released = release.ExecuteNonQuery();
            using var unlock = connection.CreateCommand();
            unlock.CommandText = "DELETE FROM DistributedLock";
            unlock.ExecuteNonQuery();
            using var stranded = connection.CreateCommand();
            stranded.CommandText = """
                SELECT Id FROM Job
                WHERE (StateName IN ('Enqueued', 'Processing') AND Id NOT IN (SELECT JobId FROM JobQueue))
                   OR (StateName = 'Scheduled' AND CAST(Id AS TEXT) NOT IN (SELECT Value FROM "Set" WHERE Key = 'schedule'))
                """;
            using (var reader = stranded.ExecuteReader())
            {
                while (reader.Read())
                {
                    halfWritten.Add(reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            transaction.Commit();
        }

        // Through the host's client (its filters mirror the state on the keyed table); a job of no record is a
        // duplicate its run recognises.
        var requeued = halfWritten.Count(id => client.ChangeState(id, new EnqueuedState { Reason = "Écriture interrompue par l'arrêt brutal de l'hôte : relancée au démarrage" }));
        if (released > 0 || requeued > 0)
        {
            LogReleased(logger, released, requeued);
        }
    }

    private async Task EnqueueUnattachedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var journal = scope.ServiceProvider.GetRequiredService<JobJournal>();
        using var connection = storage.GetConnection();
        var enqueued = 0;
        foreach (var record in await journal.UnfinishedAsync(cancellationToken))
        {
            // A job with no state was never finished being created (its process died in between): replaced.
            if (record.HangfireJobId is { } id && connection.GetJobData(id) is { State: { Length: > 0 } })
            {
                continue;
            }

            if (registry.ByName(record.Type) is not { } registration)
            {
                LogUnknownJob(logger, record.Type, record.Key);
                continue;
            }

            if (record.HangfireJobId is not null)
            {
                // Its Hangfire job is gone (a storage reset, the Quartz-era id) or half-created: a new one may be attached.
                await journal.DetachAsync(record.Id, record.HangfireJobId, cancellationToken);
            }

            // The record's payload is all there is (Quartz's own copy left with its tables); the platform's payloads are ids, far below its limit.
            if (await HangfireBackgroundJobs.EnqueueAsync(client, journal, record, record.Payload, registration, cancellationToken) is not null)
            {
                enqueued++;
            }
        }

        if (enqueued > 0)
        {
            LogEnqueued(logger, enqueued);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Un autre processus utilise déjà le stockage SQLite des tâches ({File}) : il n'est fait que pour un seul processus (un seul hôte, ou PostgreSQL pour plusieurs). Les tâches en cours ne sont pas relancées.")]
    private static partial void LogSecondProcess(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Released} job(s) fetched by a process that died were released to be run again, {Requeued} half-written one(s) enqueued again")]
    private static partial void LogReleased(ILogger logger, int released, int requeued);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} job(s) recorded but not on Hangfire were enqueued")]
    private static partial void LogEnqueued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Type} {Key} is not done but no module declares {Type} any more: left as it is")]
    private static partial void LogUnknownJob(ILogger logger, string type, string key);
}

/// <summary>Ready when the job storage answers (the database of PostgreSQL, the SQLite file).</summary>
internal sealed class JobsHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            return Task.FromResult(HealthCheckResult.Healthy($"{servers.Count} serveur(s) Hangfire"));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Stockage des tâches injoignable.", e));
        }
    }
}
