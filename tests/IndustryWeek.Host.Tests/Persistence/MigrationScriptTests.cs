using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Persistence;

/// <summary>
/// `migrations-script`: the SQL a database administrator reviews and runs instead of the host's own migration
/// at start-up. The PostgreSQL script runs for real (twice, as a script run again by mistake would); SQL Server's
/// is parsed offline (none runs here).
/// </summary>
public sealed class MigrationScriptTests
{
    private static readonly string[] Prefixes = ["editions", "registration", "labelling", "kit", "map", "operations", "platform"];

    [PostgresFact]
    public async Task MigrationsScript_ForPostgreSqlRunTwiceOnAnEmptyDatabase_BuildsTheSchemaOfTheMigrations()
    {
        var sql = await ScriptAsync("PostgreSql");
        await using var scripted = await TestDatabase.CreatePostgresAsync();
        await scripted.ExecuteAsync(sql);
        await scripted.ExecuteAsync(sql);

        await using var migrated = await TestDatabase.CreatePostgresAsync();
        await using (var platform = new PlatformFactory(migrated))
        {
            _ = platform.Services; // the host migrates every module at start-up
        }

        var differences = new List<string>();
        foreach (var prefix in Prefixes)
        {
            var fromScript = await SchemaSnapshot.ReadAsync(scripted, prefix);
            var fromMigrations = await SchemaSnapshot.ReadAsync(migrated, prefix);
            Assert.NotEmpty(fromMigrations);
            differences.AddRange(fromScript.Except(fromMigrations).Select(l => $"script only:     {l}"));
            differences.AddRange(fromMigrations.Except(fromScript).Select(l => $"migrations only: {l}"));
            var history = $"SELECT \"MigrationId\" FROM {prefix}_migrations ORDER BY 1";
            Assert.Equal(await migrated.ValuesAsync(history, r => r.GetString(0)), await scripted.ValuesAsync(history, r => r.GetString(0)));
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public async Task MigrationsScript_ForSqlServer_IsTransactSqlForEveryModuleAndTheJobStorage()
    {
        var sql = await ScriptAsync("SqlServer");

        Assert.Empty(TransactSql.Errors(sql));
        foreach (var prefix in Prefixes)
        {
            Assert.Contains($"IF OBJECT_ID(N'[{prefix}_migrations]') IS NULL", sql, StringComparison.Ordinal);
        }

        Assert.Contains("CREATE TABLE [hangfire].[Job]", sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--provider", "Oracle")]
    [InlineData("--provider")]
    [InlineData("--output", "script.sql")]
    public async Task MigrationsScript_WhenArgumentsAreWrong_ExitsWithOneFrenchLine(params string[] arguments)
    {
        var directory = Directory.CreateTempSubdirectory("industryweek-script-").FullName;
        try
        {
            await using var host = HostProcess.Start(directory, [], arguments: ["migrations-script", .. arguments]);

            Assert.Equal(1, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            var line = Assert.Single(host.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.StartsWith("migrations-script : ", line, StringComparison.Ordinal);
            Assert.Contains("--provider", line, StringComparison.Ordinal);
            Assert.Empty(host.Output.Trim());
            Assert.False(File.Exists(Path.Combine(directory, "script.sql")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The script as `--output` writes it, from the built host, with no database configured.</summary>
    private static async Task<string> ScriptAsync(string provider)
    {
        var directory = Directory.CreateTempSubdirectory("industryweek-script-").FullName;
        try
        {
            var output = Path.Combine(directory, "migrations.sql");
            await using var host = HostProcess.Start(directory, [], arguments: ["migrations-script", "--provider", provider, "--output", output]);
            Assert.Equal(0, await host.WaitForExitAsync(TimeSpan.FromSeconds(120)));
            Assert.Empty(host.Errors.Trim());
            return await File.ReadAllTextAsync(output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
