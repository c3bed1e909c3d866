using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IndustryWeek.Shared.Persistence;

public static class DatabaseErrors
{
    /// <summary>
    /// SQL Server's numbers for a server out of reach: no server or instance found (-1, 2, 53, 26), the
    /// connection refused, reset or broken (233, 10053, 10054, 10060, 10061), the database not open (4060),
    /// Azure SQL's « unavailable, try again » (40197, 40501, 40613). Not -2 (a time-out).
    /// </summary>
    private static readonly HashSet<int> SqlServerUnreachable = [-1, 2, 26, 53, 233, 4060, 10053, 10054, 10060, 10061, 40197, 40501, 40613];

    /// <summary>Whether a save failed on a unique index (SQLite constraint error, PostgreSQL 23505, SQL Server 2601 and 2627).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException switch
        {
            PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
            SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
            SqlException sqlServer => sqlServer.Number is 2601 or 2627,
            _ => false,
        };
    }

    /// <summary>
    /// Whether <paramref name="exception"/> (or one it wraps: EF Core, Hangfire's client) says the database
    /// server was out of reach: the connection could not be made or broke, or the server was stopping or
    /// starting (PostgreSQL classes 08 and 57P, too many connections; SQL Server's network and « cannot open
    /// database » errors). Not a time-out or an error of the
    /// statement itself, which could come back each time with the same work.
    /// </summary>
    public static bool IsDatabaseUnreachable(this Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres when postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections:
                    return true;
                case NpgsqlException { InnerException: SocketException or IOException }:
                    return true;
                case SqlException sqlServer when SqlServerUnreachable.Contains(sqlServer.Number):
                    return true;
            }
        }

        return false;
    }
}
