using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit;

namespace IndustryWeek.Testing;

/// <summary>
/// An empty database of its own for one test, on SQLite (a temporary file) or on the PostgreSQL server
/// named by INDUSTRYWEEK_TEST_POSTGRES (a new database, dropped afterwards).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "INDUSTRYWEEK_TEST_POSTGRES";

    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(string provider, string connectionString, string directory, string? postgresAdmin = null, string? postgresName = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Directory = directory;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    /// <summary>"Sqlite" or "PostgreSql", as `Database:Provider` spells it.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>A temporary folder of the test's own (mail pickup, files).</summary>
    public string Directory { get; }

    public bool IsPostgres => Provider == "PostgreSql";

    /// <summary>The providers every pipeline test runs on: PostgreSQL whenever it is configured, and always in CI.</summary>
    public static TheoryData<string> Providers()
    {
        var data = new TheoryData<string> { "Sqlite" };
        if (PostgresConfigured || IsCi)
        {
            data.Add("PostgreSql");
        }

        return data;
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool PostgresConfigured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public static Task<TestDatabase> CreateAsync(string provider) =>
        provider == "PostgreSql" ? CreatePostgresAsync() : Task.FromResult(CreateSqlite());

    public static TestDatabase CreateSqlite()
    {
        var directory = NewDirectory();
        var file = Path.Combine(directory, "industryweek.db");
        return new TestDatabase("Sqlite", new SqliteConnectionStringBuilder { DataSource = file }.ToString(), directory);
    }

    /// <param name="server">An administrator's connection string to another server (a test's private one); by default the server named by INDUSTRYWEEK_TEST_POSTGRES.</param>
    public static async Task<TestDatabase> CreatePostgresAsync(string? server = null)
    {
        var admin = server ?? Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"PostgreSQL is required here (CI=true) but {PostgresVariable} is not set: start PostgreSQL as .ci/run does.");
        }

        var name = "iw_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        return new TestDatabase("PostgreSql", connectionString, NewDirectory(), admin, name);
    }

    public DbConnection CreateConnection() =>
        IsPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The first column of every row the query returns, read by <paramref name="read"/>.</summary>
    public async Task<IReadOnlyList<T>> ValuesAsync<T>(string sql, Func<DbDataReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var values = new List<T>();
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(read(reader));
        }

        return values;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a file still open by a finishing process: the temp folder is cleaned by the OS
        }
    }

    private static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "industryweek-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }
}
