using IndustryWeek.Shared.Outbox;
using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace IndustryWeek.Shared.Tests.Outbox;

/// <summary>
/// The outbox claim of a server database, where several hosts dispatch at once: each takes pending rows the
/// others have not locked. SQL Server is checked offline (none runs here): the query EF would send parses as
/// T-SQL, with SQL Server's row-lock hints where PostgreSQL has FOR UPDATE SKIP LOCKED.
/// </summary>
public sealed class OutboxClaimTests
{
    private static readonly DateTime Now = new(2026, 11, 16, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ClaimQuery_OnSqlServer_TakesTheFirstPendingRowsSkippingThoseLockedByAnotherHost()
    {
        using var context = new OutboxContext(DatabaseProvider.SqlServer, "Server=127.0.0.1,1;Database=industryweek;User Id=app;Password=app;Connect Timeout=1");

        var sql = OutboxDispatcher.ClaimQuery(context, "test_outbox", Now, 20).ToQueryString();

        // The statement as sent: ToQueryString's DECLARE lines only show the parameters, sent apart by SqlClient.
        var statement = string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith("DECLARE ", StringComparison.Ordinal)));
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(statement), out var errors);
        Assert.Empty(errors.Select(e => e.Message));
        Assert.Contains("""SELECT TOP (@p1) * FROM "test_outbox" WITH (UPDLOCK, READPAST, ROWLOCK)""", sql, StringComparison.Ordinal);
        Assert.Contains("""ORDER BY "Id" """.TrimEnd(), sql, StringComparison.Ordinal);
        Assert.DoesNotContain("SKIP LOCKED", sql, StringComparison.Ordinal);
        Assert.Contains("p1 int = 20;", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void ClaimQuery_OnPostgreSql_LocksTheRowsItTakesAndSkipsLockedOnes()
    {
        using var context = new OutboxContext(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Port=1;Database=industryweek;Username=app;Password=app");

        var sql = OutboxDispatcher.ClaimQuery(context, "test_outbox", Now, 20).ToQueryString();

        Assert.Contains("""ORDER BY "Id" LIMIT @p1""", sql, StringComparison.Ordinal);
        Assert.Contains("FOR UPDATE SKIP LOCKED", sql, StringComparison.Ordinal);
    }

    private sealed class OutboxContext : DbContext
    {
        public OutboxContext(DatabaseProvider provider, string connectionString)
            : base(Options(provider, connectionString))
        {
        }

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutbox("test");

        private static DbContextOptions<OutboxContext> Options(DatabaseProvider provider, string connectionString)
        {
            var options = new DbContextOptionsBuilder<OutboxContext>();
            new DatabaseSettings(provider, connectionString).Configure(options, "test_migrations");
            return options.Options;
        }
    }
}
