using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IndustryWeek.Shared.Persistence;

/// <summary>
/// Lets SQLite itself wait for the write lock (<c>PRAGMA busy_timeout</c>) on every connection EF Core opens.
/// Without it, Microsoft.Data.Sqlite answers a busy database by sleeping 150 ms and trying again, so a
/// write that meets another one for a millisecond waits 150 ms (measured: 151 ms behind a 20 ms
/// transaction, 34 ms with the pragma); under load those sleeps were most of the embedded default's latency
/// (docs/performance.md, issue 19). The library's own retry stays behind it, up to the command time-out.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    private SqliteBusyTimeout()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
