using System.Data.Common;

namespace IndustryWeek.Testing;

/// <summary>
/// The tables, columns (type, nullability, length), primary keys and indexes of one module's tables, as
/// the database itself reports them: what a hand-written migration must agree with the EF model on.
/// </summary>
public static class SchemaSnapshot
{
    public static async Task<IReadOnlyList<string>> ReadAsync(TestDatabase database, string tablePrefix)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        var lines = database.IsPostgres
            ? await ReadPostgresAsync(connection, tablePrefix)
            : await ReadSqliteAsync(connection, tablePrefix);
        return lines.Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<string>> ReadSqliteAsync(DbConnection connection, string prefix)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection, $"SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '{prefix}\\_%' ESCAPE '\\' AND name <> '{prefix}_migrations'");
        foreach (var table in tables.Select(r => r[0]))
        {
            lines.Add($"table {table}");
            foreach (var c in await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')"))
            {
                lines.Add($"column {table}.{c[0]} {c[1]} notnull={c[2]} pk={c[3]}");
            }

            foreach (var i in await QueryAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')"))
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno");
                var name = i[2] == "pk" ? "(primary key)" : i[0];
                lines.Add($"index {table}.{name} unique={i[1]} ({string.Join(",", columns.Select(r => r[0]))})");
            }

            foreach (var f in await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')"))
            {
                lines.Add($"foreign key {table}.{f[1]} -> {f[0]}.{f[2]} on delete {f[3]}");
            }
        }

        return lines;
    }

    private static async Task<List<string>> ReadPostgresAsync(DbConnection connection, string prefix)
    {
        var lines = new List<string>();
        foreach (var c in await QueryAsync(connection, $"""
            SELECT table_name, column_name, data_type, is_nullable, coalesce(character_maximum_length::text, ''), coalesce(column_default, ''), is_identity
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name LIKE '{prefix}\_%' AND table_name <> '{prefix}_migrations'
            """))
        {
            lines.Add($"column {c[0]}.{c[1]} {c[2]}({c[4]}) nullable={c[3]} default={c[5]} identity={c[6]}");
        }

        foreach (var i in await QueryAsync(connection, $"SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename LIKE '{prefix}\\_%' AND tablename <> '{prefix}_migrations'"))
        {
            lines.Add($"index {i[0]}.{i[1]} {i[2]}");
        }

        foreach (var f in await QueryAsync(connection, $"""
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
            FROM pg_constraint WHERE contype IN ('f', 'p') AND conrelid::regclass::text LIKE '{prefix}\_%' AND conrelid::regclass::text <> '{prefix}_migrations'
            """))
        {
            lines.Add($"constraint {f[0]}.{f[1]} {f[2]}");
        }

        return lines;
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            }

            rows.Add(row);
        }

        return rows;
    }
}
