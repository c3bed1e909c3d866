using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Shared.Persistence;

/// <summary>Hand-written migrations' helper for adding a required column to a table that may already have rows.</summary>
public static class MigrationColumns
{
    /// <summary>
    /// Adds a NOT NULL column, filling existing rows with <paramref name="backfill"/>, then drops the
    /// default so the schema is the model's (the migration schema test compares them on PostgreSQL).
    /// SQLite cannot alter a column: there the default stays, which the model's inserts never use.
    /// </summary>
    public static void AddRequiredColumn<T>(this MigrationBuilder migrationBuilder, string name, string table, T backfill, int? maxLength = null)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<T>(name, table, maxLength: maxLength, nullable: false, defaultValue: backfill);
        if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite")
        {
            migrationBuilder.AlterColumn<T>(name, table, maxLength: maxLength, nullable: false, oldMaxLength: maxLength, oldNullable: false, oldDefaultValue: backfill);
        }
    }
}
