using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using IndustryWeek.Shared.Persistence;
using Microsoft.Data.Sqlite;

namespace IndustryWeek.Shared.Jobs;

/// <summary>
/// The one place where the job storage follows `Database:Provider`. Settings measured on this project's machines (RECIPES.md, docs/performance.md):
/// Hangfire's defaults poll every 15 s and leave a dead process's jobs invisible for 30 min.
/// </summary>
internal static class JobStorages
{
    /// <summary>Hangfire's own schema on SQL Server (its script is in `migrations-script`).</summary>
    public const string SqlServerSchema = "hangfire";

    public static JobStorage Create(DatabaseSettings database, JobsOptions options) => database.Provider switch
    {
        // Several hosts on one database: long polling (LISTEN/NOTIFY, sent by the enqueuing process) picks a job
        // up at once; running jobs keep their fetch alive (sliding invisibility), so a dead host's jobs are
        // visible again after InvisibilityTimeout, and its lock rows expire after DistributedLockTimeout.
        DatabaseProvider.PostgreSql => new PostgreSqlStorage(
            new NpgsqlConnectionFactory(database.ConnectionString, new PostgreSqlStorageOptions()),
            new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                QueuePollInterval = options.QueuePollInterval,
                EnableLongPolling = true,
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = options.InvisibilityTimeout,
                DistributedLockTimeout = options.DistributedLockTimeout,
                PrepareSchemaIfNecessary = true,
            }),

        // Several hosts on one database, as on PostgreSQL: running jobs keep their fetch alive (sliding invisibility), so
        // a dead host's jobs are visible again after InvisibilityTimeout; its locks (sp_getapplock, held by its
        // session) go with its connections. Hangfire's recommended settings for 1.8 otherwise.
        DatabaseProvider.SqlServer => new SqlServerStorage(
            database.ConnectionString,
            new SqlServerStorageOptions
            {
                SchemaName = SqlServerSchema,
                QueuePollInterval = options.QueuePollInterval,
                SlidingInvisibilityTimeout = options.InvisibilityTimeout,
                CommandBatchMaxTimeout = TimeSpan.FromMinutes(5),
                UseRecommendedIsolationLevel = true,
                DisableGlobalLocks = true,
                PrepareSchemaIfNecessary = true,
            }),

        // One process only (its fetch locks in memory): queue entries still fetched at start-up belong to a dead
        // process and are released at once (JobsStartup), so a long InvisibilityTimeout only guards a running job.
        _ => new SQLiteStorage(
            SqliteFile(database),
            new SQLiteStorageOptions
            {
                QueuePollInterval = options.QueuePollInterval,
                InvisibilityTimeout = TimeSpan.FromMinutes(30),
                DistributedLockLifetime = options.DistributedLockTimeout,
            }),
    };

    /// <summary>Hangfire's SQLite file, next to the database: « data/industryweek.db » → « data/industryweek.jobs.db ».</summary>
    public static string SqliteFile(DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var source = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:")
        {
            // An in-memory database (a unit test) still needs a durable file for Hangfire: one of its own.
            return Path.Combine(Path.GetTempPath(), $"industryweek-jobs-{Guid.NewGuid():N}.db");
        }

        return Path.Combine(Path.GetDirectoryName(source) ?? "", Path.GetFileNameWithoutExtension(source) + ".jobs.db");
    }
}
