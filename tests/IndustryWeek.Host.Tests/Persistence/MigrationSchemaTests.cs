using IndustryWeek.Shared.Persistence;
using IndustryWeek.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Host.Tests.Persistence;

/// <summary>
/// Each module's hand-written migrations build exactly the schema its EF model describes: migrate one
/// empty database, EnsureCreated another from the same model, compare what the databases report.
/// </summary>
public sealed class MigrationSchemaTests
{
    public static TheoryData<string> Providers() => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrations_WhenAppliedToEmptyDatabase_MatchTheModelOfEveryModule(string provider)
    {
        IReadOnlyList<ModuleDatabase> modules;
        await using (var host = TestDatabase.CreateSqlite())
        await using (var platform = new PlatformFactory(host))
        {
            modules = platform.Services.GetServices<ModuleDatabase>().ToList();
        }

        Assert.Equal(["CommunicationKit", "Editions", "Labelling", "Map", "Operations", "Platform", "Registration"], modules.Select(m => m.Module).Order());
        var differences = new List<string>();
        foreach (var module in modules)
        {
            await using var migrated = await TestDatabase.CreateAsync(provider);
            await using var created = await TestDatabase.CreateAsync(provider);
            await using (var context = CreateContext(module, migrated))
            {
                await context.Database.MigrateAsync();
            }

            await using (var context = CreateContext(module, created))
            {
                await context.Database.EnsureCreatedAsync();
            }

            var fromMigrations = await SchemaSnapshot.ReadAsync(migrated, module.TablePrefix);
            var fromModel = await SchemaSnapshot.ReadAsync(created, module.TablePrefix);
            Assert.NotEmpty(fromModel);
            differences.AddRange(fromMigrations.Except(fromModel).Select(l => $"{module.Module} migrations only: {l}"));
            differences.AddRange(fromModel.Except(fromMigrations).Select(l => $"{module.Module} model only:      {l}"));
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    private static DbContext CreateContext(ModuleDatabase module, TestDatabase database)
    {
        var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(module.ContextType))!;
        var provider = database.IsPostgres ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        new DatabaseSettings(provider, database.ConnectionString).Configure(options, module.MigrationsHistoryTable);
        return (DbContext)Activator.CreateInstance(module.ContextType, options.Options)!;
    }
}
