using IndustryWeek.Shared.Persistence;
using IndustryWeek.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Host.Tests.Persistence;

/// <summary>
/// SQL Server, checked offline (no SQL Server runs on these machines, nor in CI): each module's hand-written
/// migrations give an idempotent T-SQL script that Microsoft's parser reads without error, and the schema that
/// script leaves on an empty database is the one the module's model creates (<c>GenerateCreateScript()</c>).
/// </summary>
public sealed class SqlServerMigrationTests
{
    /// <summary>Never reached: the scripts are generated without a connection.</summary>
    private const string Unreachable = "Server=127.0.0.1,1;Database=industryweek;User Id=app;Password=app;Encrypt=False;Connect Timeout=1";

    [Fact]
    public async Task Migrations_WhenScriptedForSqlServer_AreIdempotentTransactSqlDescribingTheModelOfEveryModule()
    {
        List<ModuleDatabase> modules;
        await using (var host = TestDatabase.CreateSqlite())
        await using (var platform = new PlatformFactory(host))
        {
            modules = platform.Services.GetServices<ModuleDatabase>().ToList();
        }

        Assert.Equal(7, modules.Count);
        var differences = new List<string>();
        foreach (var module in modules)
        {
            await using var context = CreateContext(module);
            var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
            Assert.Contains($"IF OBJECT_ID(N'[{module.MigrationsHistoryTable}]') IS NULL", script, StringComparison.Ordinal);
            Assert.Contains($"WHERE [MigrationId] = N'", script, StringComparison.Ordinal);
            differences.AddRange(TransactSql.Errors(script).Select(e => $"{module.Module} script: {e}"));

            var fromMigrations = TransactSql.Schema(script, module.TablePrefix);
            var fromModel = TransactSql.Schema(context.Database.GenerateCreateScript(), module.TablePrefix);
            Assert.NotEmpty(fromModel);
            differences.AddRange(fromMigrations.Except(fromModel).Select(l => $"{module.Module} migrations only: {l}"));
            differences.AddRange(fromModel.Except(fromMigrations).Select(l => $"{module.Module} model only:      {l}"));
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    private static DbContext CreateContext(ModuleDatabase module)
    {
        var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(module.ContextType))!;
        new DatabaseSettings(DatabaseProvider.SqlServer, Unreachable).Configure(options, module.MigrationsHistoryTable);
        return (DbContext)Activator.CreateInstance(module.ContextType, options.Options)!;
    }
}
