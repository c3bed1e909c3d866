using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IndustryWeek.Shared.Persistence;

public static class DatabaseMigrator
{
    /// <summary>
    /// Applies every module's hand-written migrations at start-up. An unreachable database becomes a
    /// <see cref="StartupException"/> naming the setting, not a stack trace.
    /// </summary>
    public static async Task MigrateModuleDatabasesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = services.GetRequiredService<DatabaseSettings>();
        await using var scope = services.CreateAsyncScope();
        try
        {
            var databases = scope.ServiceProvider.GetServices<ModuleDatabase>().ToList();
            if (settings.Provider == DatabaseProvider.Sqlite && databases.Count > 0)
            {
                // WAL lets readers (map, dashboards) go on while the dispatcher and the jobs write; it is a property of the file.
                await databases[0].CreateContext(scope.ServiceProvider).Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            foreach (var database in databases)
            {
                await database.CreateContext(scope.ServiceProvider).Database.MigrateAsync(cancellationToken);
            }
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or DbException && settings.Provider == DatabaseProvider.PostgreSql)
        {
            var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
            throw new StartupException(
                $"Base de données injoignable : PostgreSQL {builder.Host}:{builder.Port}/{builder.Database} ({DatabaseSettings.ConnectionStringKey}) : {e.GetBaseException().Message}",
                e);
        }
        catch (SqlException e) when (settings.Provider == DatabaseProvider.SqlServer)
        {
            var builder = new SqlConnectionStringBuilder(settings.ConnectionString);
            throw new StartupException(
                // SqlClient's own message says what failed; its innermost exception may say only « Success ».
                $"Base de données injoignable : SQL Server {builder.DataSource}/{builder.InitialCatalog} ({DatabaseSettings.ConnectionStringKey}) : {e.Message.ReplaceLineEndings(" ")}",
                e);
        }
        catch (DbException e)
        {
            throw new StartupException(
                $"Base de données inutilisable ({DatabaseSettings.ConnectionStringKey}) : {e.GetBaseException().Message}",
                e);
        }
    }
}
