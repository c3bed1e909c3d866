using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Shared.Persistence;

/// <summary>Hand-written migrations' raw SQL where the providers differ (EF's own `IsSqlServer()` tells which runs).</summary>
public static class MigrationSql
{
    /// <summary>
    /// A statement in its SQL Server form, run through EXEC: SQL Server compiles a whole batch before running
    /// it, and an idempotent script puts all of a module's migrations in one batch, so a statement naming a
    /// column added (or dropped) earlier in the batch would not compile on a database that already has the table.
    /// </summary>
    public static void SqlServerStatement(this MigrationBuilder migrationBuilder, string sql)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        ArgumentNullException.ThrowIfNull(sql);
        migrationBuilder.Sql($"EXEC(N'{sql.Replace("'", "''", StringComparison.Ordinal)}');");
    }

    /// <summary>
    /// The filter of a unique index on a nullable column: on SQL Server, where a unique index holds one NULL
    /// only, « [column] IS NOT NULL » (as EF's model has it); none elsewhere, where NULLs never collide.
    /// </summary>
    public static string? UniqueWhereNotNull(this MigrationBuilder migrationBuilder, string column) =>
        migrationBuilder.IsSqlServer() ? $"[{column}] IS NOT NULL" : null;
}
