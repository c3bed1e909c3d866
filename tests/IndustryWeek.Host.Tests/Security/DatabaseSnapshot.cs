using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Security;

/// <summary>
/// Every table of the platform's database with its row count and a hash of its contents: two snapshots equal
/// means no request in between wrote anything a user could ever see.
/// </summary>
internal sealed class DatabaseSnapshot
{
    /// <summary>
    /// Tables that change on their own, whatever the requests: left out of the comparison, each for its reason.
    /// Hangfire's storage (its servers' heartbeats, counters) is not among the tables read: its own schema on
    /// PostgreSQL, its own file on SQLite.
    /// </summary>
    private static readonly (string Prefix, string Why)[] Excluded =
    [
        // The data-protection key ring is written the first time a key is needed (the first cookie or antiforgery
        // token of the host), which may be during the batch; it holds no business data.
        ("platform_data_protection_keys", "the key ring, created lazily"),

        // The operators' records of job runs: recurring jobs (and the scene's kit and map jobs) record their
        // attempts whenever the scheduler runs them, not because of a request.
        ("platform_jobs", "job records, written by the scheduler"),
        ("platform_job_attempts", "job attempts, written by the scheduler"),
    ];

    private readonly IReadOnlyDictionary<string, string> _tables;

    private DatabaseSnapshot(IReadOnlyDictionary<string, string> tables) => _tables = tables;

    public int TableCount => _tables.Count;

    public static async Task<DatabaseSnapshot> TakeAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = database.IsPostgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names.Where(n => !Excluded.Any(x => n.StartsWith(x.Prefix, StringComparison.OrdinalIgnoreCase))).Order(StringComparer.Ordinal))
        {
            tables[name] = await DigestAsync(connection, name);
        }

        return new DatabaseSnapshot(tables);
    }

    /// <summary>The tables whose rows differ from <paramref name="before"/>'s, with their row counts then and now.</summary>
    public IReadOnlyList<string> ChangesSince(DatabaseSnapshot before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return [.. _tables.Keys.Union(before._tables.Keys)
            .Where(t => _tables.GetValueOrDefault(t) != before._tables.GetValueOrDefault(t))
            .Select(t => $"{t} ({Count(before._tables.GetValueOrDefault(t))} → {Count(_tables.GetValueOrDefault(t))} rows)")];

        static string Count(string? digest) => digest?.Split(':')[0] ?? "none";
    }

    private static async Task<string> DigestAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<byte[]>();
        using var row = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                row.AppendData(value as byte[] ?? Encoding.UTF8.GetBytes(value is null ? "\u2205" : Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
                row.AppendData("\u001F"u8);
            }

            rows.Add(row.GetHashAndReset());
        }

        // The order of rows without ORDER BY is not the data: the table's digest is that of its sorted row digests.
        rows.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var digest in rows)
        {
            all.AppendData(digest);
        }

        return $"{rows.Count}:{Convert.ToHexString(all.GetHashAndReset())}";
    }
}
