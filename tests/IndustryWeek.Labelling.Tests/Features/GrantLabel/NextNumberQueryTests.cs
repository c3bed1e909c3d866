using IndustryWeek.Labelling.Features.GrantLabel;
using IndustryWeek.Labelling.Persistence;
using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace IndustryWeek.Labelling.Tests.Features.GrantLabel;

/// <summary>
/// The label number's one atomic statement in each provider's SQL. SQL Server is checked offline (none runs
/// here): the statement EF would send parses as T-SQL and takes the number with OUTPUT, not RETURNING.
/// </summary>
public sealed class NextNumberQueryTests
{
    private static readonly Guid EditionId = Guid.Parse("6f1c2a3b-0000-0000-0000-000000000001");

    [Fact]
    public void NextNumberQuery_OnSqlServer_IsOneUpdateGivingTheNewNumberWithOutput()
    {
        using var db = Context(DatabaseProvider.SqlServer, "Server=127.0.0.1,1;Database=industryweek;User Id=app;Password=app;Connect Timeout=1");

        var sql = GrantLabelCommandHandler.NextNumberQuery(db, EditionId).ToQueryString();

        // The statement as sent: ToQueryString's DECLARE lines only show the parameters, sent apart by SqlClient.
        var statement = string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith("DECLARE ", StringComparison.Ordinal)));
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(statement), out var errors);
        Assert.Empty(errors.Select(e => e.Message));
        Assert.Contains("""UPDATE labelling_label_sequences SET "LastNumber" = "LastNumber" + 1 OUTPUT INSERTED."LastNumber" AS "Value" WHERE "EditionId" = @p0""", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("RETURNING", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void NextNumberQuery_OnSqlite_ReturnsTheNewNumber()
    {
        using var db = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");

        var sql = GrantLabelCommandHandler.NextNumberQuery(db, EditionId).ToQueryString();

        Assert.Contains("""WHERE "EditionId" = @p0 RETURNING "LastNumber" AS "Value" """, sql, StringComparison.Ordinal);
    }

    private static LabellingDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<LabellingDbContext>();
        new DatabaseSettings(provider, connectionString).Configure(options, "labelling_migrations");
        return new LabellingDbContext(options.Options);
    }
}
