using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace IndustryWeek.Testing;

/// <summary>
/// T-SQL checked offline, with Microsoft's own parser (no SQL Server runs on these machines): whether a
/// script parses, and the schema a script of DDL leaves once run in order on an empty database.
/// </summary>
public static class TransactSql
{
    /// <summary>The parser's errors for <paramref name="sql"/> and for every literal `EXEC(N'…')` inside it.</summary>
    public static IReadOnlyList<string> Errors(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var errors = new List<string>();
        var script = Parse(sql, errors);
        if (script is not null)
        {
            foreach (var inner in ExecutedLiterals(script))
            {
                errors.AddRange(Errors(inner).Select(e => $"in EXEC: {e}"));
            }
        }

        return errors;
    }

    /// <summary>
    /// The tables whose names start with <paramref name="tablePrefix"/> and an underscore, as the script's
    /// statements leave them, one line per table, column (type, nullability, identity), primary key, foreign
    /// key and index. Statements run inside `IF … BEGIN … END` and literal `EXEC(N'…')` count (an idempotent
    /// script on an empty database runs them all). Column defaults are not compared. A statement SQL Server
    /// would refuse on the schema at that point (an index or key on a `(max)` column, a column dropped while
    /// an index uses it) is reported as an « error » line.
    /// </summary>
    public static IReadOnlyList<string> Schema(string sql, string tablePrefix)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var errors = new List<string>();
        var script = Parse(sql, errors) ?? throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(sql));
        var schema = new SchemaFold($"{tablePrefix}_");
        schema.Run(script);
        return schema.Lines().Concat(errors.Select(e => $"error parse {e}")).Order(StringComparer.Ordinal).ToList();
    }

    private static TSqlScript? Parse(string sql, List<string> errors)
    {
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var parseErrors);
        errors.AddRange(parseErrors.Select(e => $"line {e.Line}: {e.Message}"));
        return fragment as TSqlScript;
    }

    private static List<string> ExecutedLiterals(TSqlFragment fragment)
    {
        var finder = new ExecFinder();
        fragment.Accept(finder);
        return finder.Literals;
    }

    private static string Text(TSqlFragment fragment)
    {
        new Sql160ScriptGenerator().GenerateScript(fragment, out var text);
        return text.ToLowerInvariant();
    }

    private static string Name(SchemaObjectName name) => name.BaseIdentifier.Value;

    private sealed class ExecFinder : TSqlFragmentVisitor
    {
        public List<string> Literals { get; } = [];

        public override void ExplicitVisit(ExecuteStatement node)
        {
            if (node.ExecuteSpecification.ExecutableEntity is ExecutableStringList list && list.Strings.Count == 1 && list.Strings[0] is StringLiteral literal)
            {
                Literals.Add(literal.Value);
            }

            base.ExplicitVisit(node);
        }
    }

    private sealed record Column(string Type, bool Nullable, bool Identity);

    private sealed record Index(string Table, bool Unique, IReadOnlyList<string> Columns, string Filter);

    private sealed class Table
    {
        public Dictionary<string, Column> Columns { get; } = new(StringComparer.Ordinal);

        /// <summary>Primary and foreign keys by name: their description.</summary>
        public Dictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, IReadOnlyList<string>> KeyColumns { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Runs the DDL statements in document order on an imaginary empty database.</summary>
    private sealed class SchemaFold(string prefix) : TSqlFragmentVisitor
    {
        private readonly Dictionary<string, Table> _tables = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Index> _indexes = new(StringComparer.Ordinal);
        private readonly List<string> _errors = [];

        public void Run(TSqlFragment fragment) => fragment.Accept(this);

        public IEnumerable<string> Lines()
        {
            // The module's tables, not its migrations history.
            foreach (var (name, table) in _tables.Where(t => t.Key.StartsWith(prefix, StringComparison.Ordinal) && t.Key != $"{prefix}migrations"))
            {
                yield return $"table {name}";
                foreach (var (column, c) in table.Columns)
                {
                    yield return $"column {name}.{column} {c.Type}{(c.Nullable ? " null" : " not null")}{(c.Identity ? " identity" : "")}";
                }

                foreach (var (key, description) in table.Keys)
                {
                    yield return $"key {name}.{key} {description}";
                }
            }

            foreach (var (name, index) in _indexes.Where(i => i.Value.Table.StartsWith(prefix, StringComparison.Ordinal)))
            {
                yield return $"index {index.Table}.{name}{(index.Unique ? " unique" : "")} ({string.Join(", ", index.Columns)}){index.Filter}";
            }

            foreach (var error in _errors)
            {
                yield return $"error {error}";
            }
        }

        public override void ExplicitVisit(CreateTableStatement node)
        {
            var name = Name(node.SchemaObjectName);
            var table = new Table();
            _tables[name] = table;
            foreach (var column in node.Definition.ColumnDefinitions)
            {
                AddColumn(name, table, column);
            }

            foreach (var constraint in node.Definition.TableConstraints)
            {
                AddConstraint(name, table, constraint);
            }
        }

        public override void ExplicitVisit(AlterTableAddTableElementStatement node)
        {
            var name = Name(node.SchemaObjectName);
            if (!_tables.TryGetValue(name, out var table))
            {
                _errors.Add($"ALTER TABLE {name} ADD: no such table");
                return;
            }

            foreach (var column in node.Definition.ColumnDefinitions)
            {
                AddColumn(name, table, column);
            }

            foreach (var constraint in node.Definition.TableConstraints)
            {
                AddConstraint(name, table, constraint);
            }
        }

        public override void ExplicitVisit(AlterTableDropTableElementStatement node)
        {
            var name = Name(node.SchemaObjectName);
            if (!_tables.TryGetValue(name, out var table))
            {
                _errors.Add($"ALTER TABLE {name} DROP: no such table");
                return;
            }

            foreach (var element in node.AlterTableDropTableElements)
            {
                var elementName = element.Name.Value;
                if (element.TableElementType == TableElementType.Column)
                {
                    var users = _indexes.Where(i => i.Value.Table == name && i.Value.Columns.Contains(elementName)).Select(i => i.Key)
                        .Concat(table.KeyColumns.Where(k => k.Value.Contains(elementName)).Select(k => k.Key)).ToList();
                    if (users.Count > 0)
                    {
                        _errors.Add($"ALTER TABLE {name} DROP COLUMN {elementName}: still used by {string.Join(", ", users)}");
                    }

                    if (!table.Columns.Remove(elementName))
                    {
                        _errors.Add($"ALTER TABLE {name} DROP COLUMN {elementName}: no such column");
                    }
                }
                else if (!table.Keys.Remove(elementName) || !table.KeyColumns.Remove(elementName))
                {
                    _errors.Add($"ALTER TABLE {name} DROP CONSTRAINT {elementName}: no such key");
                }
            }
        }

        public override void ExplicitVisit(AlterTableAlterColumnStatement node)
        {
            var name = Name(node.SchemaObjectName);
            var columnName = node.ColumnIdentifier.Value;
            if (!_tables.TryGetValue(name, out var table) || !table.Columns.TryGetValue(columnName, out var column))
            {
                _errors.Add($"ALTER TABLE {name} ALTER COLUMN {columnName}: no such column");
                return;
            }

            var nullable = node.AlterTableAlterColumnOption switch
            {
                AlterTableAlterColumnOption.Null => true,
                AlterTableAlterColumnOption.NotNull => false,
                _ => true, // SQL Server: a column altered without NOT NULL becomes nullable
            };
            table.Columns[columnName] = column with { Type = node.DataType is null ? column.Type : Text(node.DataType), Nullable = nullable };
        }

        public override void ExplicitVisit(DropTableStatement node)
        {
            foreach (var name in node.Objects.Select(Name))
            {
                if (!_tables.Remove(name) && !node.IsIfExists)
                {
                    _errors.Add($"DROP TABLE {name}: no such table");
                }

                foreach (var index in _indexes.Where(i => i.Value.Table == name).Select(i => i.Key).ToList())
                {
                    _indexes.Remove(index);
                }
            }
        }

        public override void ExplicitVisit(CreateIndexStatement node)
        {
            var table = Name(node.OnName);
            var columns = node.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value).ToList();
            CheckKeyColumns($"CREATE INDEX {node.Name.Value}", table, columns);
            var filter = node.FilterPredicate is null ? "" : $" where {Text(node.FilterPredicate)}";
            _indexes[node.Name.Value] = new Index(table, node.Unique, columns, filter);
        }

        public override void ExplicitVisit(DropIndexStatement node)
        {
            foreach (var clause in node.DropIndexClauses.OfType<DropIndexClause>())
            {
                if (!_indexes.Remove(clause.Index.Value))
                {
                    _errors.Add($"DROP INDEX {clause.Index.Value}: no such index");
                }
            }
        }

        public override void ExplicitVisit(ExecuteStatement node)
        {
            // EXEC(N'literal') runs its statements; sp_rename renames (EF's RenameColumn, RenameIndex, RenameTable).
            switch (node.ExecuteSpecification.ExecutableEntity)
            {
                case ExecutableStringList { Strings: [StringLiteral literal] }:
                    var errors = new List<string>();
                    Parse(literal.Value, errors)?.Accept(this);
                    _errors.AddRange(errors.Select(e => $"in EXEC: {e}"));
                    break;
                case ExecutableProcedureReference procedure when procedure.ProcedureReference?.ProcedureReference?.Name.BaseIdentifier.Value == "sp_rename":
                    _errors.Add("sp_rename: renames are not followed by this check; compare by hand");
                    break;
            }
        }

        private void AddColumn(string tableName, Table table, ColumnDefinition column)
        {
            var nullable = column.Constraints.OfType<NullableConstraintDefinition>().Select(n => (bool?)n.Nullable).FirstOrDefault() ?? true;
            var name = column.ColumnIdentifier.Value;
            if (!table.Columns.TryAdd(name, new Column(Text(column.DataType), nullable, column.IdentityOptions is not null)))
            {
                _errors.Add($"{tableName}.{name}: added twice");
            }
        }

        private void AddConstraint(string tableName, Table table, ConstraintDefinition constraint)
        {
            var name = constraint.ConstraintIdentifier?.Value ?? "(unnamed)";
            switch (constraint)
            {
                case UniqueConstraintDefinition unique:
                    var columns = unique.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value).ToList();
                    CheckKeyColumns($"CONSTRAINT {name}", tableName, columns);
                    table.Keys[name] = $"{(unique.IsPrimaryKey ? "primary key" : "unique")} ({string.Join(", ", columns)})";
                    table.KeyColumns[name] = columns;
                    break;
                case ForeignKeyConstraintDefinition foreign:
                    table.Keys[name] = $"foreign key ({string.Join(", ", foreign.Columns.Select(c => c.Value))}) references "
                        + $"{Name(foreign.ReferenceTableName)} ({string.Join(", ", foreign.ReferencedTableColumns.Select(c => c.Value))}) on delete {foreign.DeleteAction}";
                    table.KeyColumns[name] = foreign.Columns.Select(c => c.Value).ToList();
                    break;
                default:
                    _errors.Add($"{tableName}: constraint {name} of a kind this check does not follow ({constraint.GetType().Name})");
                    break;
            }
        }

        /// <summary>SQL Server keys hold at most 900 bytes (1,700 for a non-clustered index): never a `(max)` column.</summary>
        private void CheckKeyColumns(string statement, string tableName, IEnumerable<string> columns)
        {
            if (!_tables.TryGetValue(tableName, out var table))
            {
                _errors.Add($"{statement} on {tableName}: no such table");
                return;
            }

            foreach (var column in columns)
            {
                if (!table.Columns.TryGetValue(column, out var c))
                {
                    _errors.Add($"{statement} on {tableName}: no column {column}");
                }
                else if (c.Type.Contains("(max)", StringComparison.Ordinal))
                {
                    _errors.Add($"{statement} on {tableName}: {column} is {c.Type}, which SQL Server cannot index");
                }
            }
        }
    }
}
