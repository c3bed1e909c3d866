using System.IO.Compression;
using System.Text.RegularExpressions;
using Hangfire;
using IndustryWeek.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IndustryWeek.Host.Tests.Upgrade;

/// <summary>
/// A platform that ran the Quartz version and is restarted on this one loses nothing: the work Quartz had scheduled
/// and not done (kits waiting for their retry, a pin caught mid-run) and the messages not yet dispatched are done at
/// the first start, once; Quartz's tables are gone. On databases the Quartz version really left (Fixtures/README.md).
/// </summary>
public sealed partial class UpgradeFromQuartzTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FirstStart_OnADatabaseTheQuartzVersionLeftWithWorkPending_DoesThatWorkOnceAndDropsQuartz(string provider)
    {
        await using var database = await RestoreAsync(provider);
        var labels = await database.ScalarAsync("""SELECT COUNT(*) FROM labelling_applications WHERE "Status" = 'Granted'""");
        var leftByQuartz = await database.ScalarAsync("""SELECT COUNT(*) FROM platform_jobs WHERE "State" IN ('Scheduled', 'Retrying', 'Processing')""");
        Assert.True(leftByQuartz >= 9, $"the fixture holds Quartz's unfinished jobs ({leftByQuartz})");
        Assert.True(await QuartzTablesAsync(database) > 0);
        var doneByQuartz = await database.ScalarAsync("""SELECT COUNT(*) FROM platform_jobs WHERE NOT "Recurring" AND "State" = 'Succeeded'""");

        IReadOnlyList<string> attached;
        await using (var platform = new PlatformFactory(database))
        {
            _ = platform.Services; // the first start: migrations, then the jobs' start-up
            await Eventually.WaitAsync(
                async () => await database.ScalarAsync("SELECT COUNT(*) FROM map_pins") == labels
                    && await database.ScalarAsync("""SELECT COUNT(*) FROM kit_deliveries WHERE "Status" = 'Sent'""") == labels
                    && await database.ScalarAsync("""SELECT COUNT(*) FROM platform_jobs WHERE "State" IN ('Scheduled', 'Retrying', 'Processing')""") == 0,
                $"the {labels} labels have their pin and their kit sent, and no job is left to do",
                TimeSpan.FromSeconds(60));

            // One kit mail per label, no label twice: each waiting kit was enqueued once on Hangfire.
            var kitMails = platform.Mails().Select(MailFile.Read).Select(m => KitSubject().Match(m.Subject)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(labels, kitMails.Count);
            Assert.Equal(kitMails.Count, kitMails.Distinct().Count());
            Assert.Equal(0, await QuartzTablesAsync(database));
            Assert.Equal(0, await database.ScalarAsync("""SELECT COUNT(*) FROM platform_jobs WHERE NOT "Recurring" AND "State" <> 'Succeeded'"""));
            // What Quartz had done stays as it was; everything else is now a Hangfire job's.
            attached = await HangfireIdsAsync(database);
            Assert.Equal(doneByQuartz, await database.ScalarAsync("""SELECT COUNT(*) FROM platform_jobs WHERE NOT "Recurring" AND "HangfireJobId" IS NULL"""));
            Assert.Equal(0, await database.ScalarAsync("""SELECT COUNT(*) FROM platform_job_attempts WHERE "Result" = 'Running'"""));
        }

        // A second start finds nothing to bring over: no job enqueued, no mail sent again.
        await using (var again = new PlatformFactory(database))
        {
            var mailsBefore = again.Mails().Count;
            var statistics = again.Services.GetRequiredService<JobStorage>().GetMonitoringApi().GetStatistics();

            Assert.Equal((0, 0, 0), (statistics.Enqueued, statistics.Scheduled, statistics.Processing));
            Assert.Equal(attached, await HangfireIdsAsync(database));
            Assert.Equal(mailsBefore, again.Mails().Count);
        }
    }

    /// <summary>A new test database holding what the Quartz version left, as that version wrote it.</summary>
    private static async Task<TestDatabase> RestoreAsync(string provider)
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Upgrade", "Fixtures");
        if (provider != "PostgreSql")
        {
            var sqlite = TestDatabase.CreateSqlite();
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(sqlite.ConnectionString).DataSource;
            await using var source = new GZipStream(File.OpenRead(Path.Combine(fixtures, "quartz-era.db.gz")), CompressionMode.Decompress);
            await using var target = File.Create(file);
            await source.CopyToAsync(target);
            return sqlite;
        }

        var postgres = await TestDatabase.CreatePostgresAsync();
        using var reader = new StreamReader(new GZipStream(File.OpenRead(Path.Combine(fixtures, "quartz-era.sql.gz")), CompressionMode.Decompress));
        // pg_dump's plain script, less psql's own commands (\restrict): the rest is SQL, run as one batch.
        var script = string.Join('\n', (await reader.ReadToEndAsync()).Split('\n').Where(line => !line.StartsWith('\\')));
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(script, connection);
        await command.ExecuteNonQueryAsync();
        return postgres;
    }

    private static Task<long> QuartzTablesAsync(TestDatabase database) =>
        database.ScalarAsync(database.IsPostgres
            ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'qrtz%'"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND lower(name) LIKE 'qrtz%'");

    private static Task<IReadOnlyList<string>> HangfireIdsAsync(TestDatabase database) =>
        database.ValuesAsync("""SELECT "HangfireJobId" FROM platform_jobs WHERE "HangfireJobId" IS NOT NULL ORDER BY "Id" """, r => r.GetString(0));

    [GeneratedRegex(@"est labellisé \((SDI-\d{4}-\d{6})\) : votre kit de communication")]
    private static partial Regex KitSubject();
}
