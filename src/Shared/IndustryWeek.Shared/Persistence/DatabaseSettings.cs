using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace IndustryWeek.Shared.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

/// <summary>The one database every module shares (Hangfire too on PostgreSQL and SQL Server), as configured (`Database:Provider`, `ConnectionStrings:Default`).</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:Default";
    public const string DefaultSqliteFile = "data/industryweek.db";

    public static DatabaseSettings FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providerText = configuration[ProviderKey];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            provider = DatabaseProvider.Sqlite;
        }
        else if (!Enum.TryParse(providerText, ignoreCase: true, out provider) || !Enum.IsDefined(provider))
        {
            throw new StartupException(
                $"Configuration invalide : {ProviderKey} = « {providerText} » est inconnu (valeurs possibles : Sqlite, PostgreSql, SqlServer).");
        }

        var connectionString = configuration[ConnectionStringKey];
        if (provider == DatabaseProvider.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new StartupException(
                    $"Configuration manquante : {ConnectionStringKey} est obligatoire quand {ProviderKey} = PostgreSql.");
            }

            try
            {
                _ = new NpgsqlConnectionStringBuilder(connectionString);
            }
            catch (ArgumentException e)
            {
                throw new StartupException($"Configuration invalide : {ConnectionStringKey} n'est pas une chaîne de connexion PostgreSQL ({e.Message}).", e);
            }

            return new DatabaseSettings(provider, connectionString);
        }

        if (provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new StartupException(
                    $"Configuration manquante : {ConnectionStringKey} est obligatoire quand {ProviderKey} = SqlServer.");
            }

            try
            {
                _ = new SqlConnectionStringBuilder(connectionString);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
            {
                throw new StartupException($"Configuration invalide : {ConnectionStringKey} n'est pas une chaîne de connexion SQL Server ({e.Message}).", e);
            }

            return new DatabaseSettings(provider, connectionString);
        }

        SqliteConnectionStringBuilder sqlite;
        try
        {
            sqlite = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={DefaultSqliteFile}" : connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"Configuration invalide : {ConnectionStringKey} n'est pas une chaîne de connexion SQLite ({e.Message}).", e);
        }

        // A relative file is relative to the content root, and its folder is created on first start.
        if (!string.IsNullOrEmpty(sqlite.DataSource) && sqlite.DataSource != ":memory:" && sqlite.Mode != SqliteOpenMode.Memory)
        {
            sqlite.DataSource = Path.GetFullPath(sqlite.DataSource, contentRoot);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new StartupException(
                    $"Configuration invalide : {ConnectionStringKey} désigne un fichier SQLite impossible à créer ({sqlite.DataSource}) : {e.Message}", e);
            }
        }

        sqlite.Pooling = true;
        return new DatabaseSettings(provider, sqlite.ToString());
    }

    /// <summary>Configures a module's context on the shared database with its own migrations history table; its instants are read as UTC (<see cref="UtcInstants"/>).</summary>
    public void Configure(DbContextOptionsBuilder options, string migrationsHistoryTable)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (Provider)
        {
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable(migrationsHistoryTable));
                break;
            case DatabaseProvider.SqlServer:
                // No retrying execution strategy: the grants and the outbox open their own transactions, which it refuses.
                options.UseSqlServer(ConnectionString, o => o.MigrationsHistoryTable(migrationsHistoryTable));
                options.ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsSqlGenerator, ModelAwareSqlServerMigrationsSqlGenerator>();
                break;
            default:
                options.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable(migrationsHistoryTable));
                options.AddInterceptors(SqliteBusyTimeout.Instance);
                break;
        }

        options.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCustomizer, UtcInstants>();
    }
}
