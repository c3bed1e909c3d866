using System.Globalization;
using System.Text;
using Hangfire.SqlServer;
using IndustryWeek.Shared.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Shared.Persistence;

/// <summary>
/// `dotnet run --project src/Host -- migrations-script --provider &lt;Sqlite|PostgreSql|SqlServer&gt; [--output file.sql]`:
/// the SQL of every module's migrations, for databases changed only through reviewed scripts.
/// </summary>
public sealed record MigrationScriptOptions(DatabaseProvider Provider, string? Output)
{
    public const string Command = "migrations-script";

    private const string Usage = "usage : migrations-script --provider <Sqlite|PostgreSql|SqlServer> [--output fichier.sql]";

    /// <summary>The command's options, or null when the command line does not ask for it; wrong arguments stop with one French line.</summary>
    public static MigrationScriptOptions? FromArguments(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] != Command)
        {
            return null;
        }

        DatabaseProvider? provider = null;
        string? output = null;
        for (var i = 1; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--provider" when value is not null:
                    provider = Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                        ? parsed
                        : throw new StartupException($"migrations-script : --provider « {value} » est inconnu (valeurs possibles : Sqlite, PostgreSql, SqlServer).");
                    break;
                case "--output" when !string.IsNullOrWhiteSpace(value):
                    output = value;
                    break;
                default:
                    throw new StartupException($"migrations-script : argument « {args[i]} » inattendu ou sans valeur ; {Usage}.");
            }
        }

        return provider is null
            ? throw new StartupException($"migrations-script : --provider est obligatoire ; {Usage}.")
            : new MigrationScriptOptions(provider.Value, output);
    }

    /// <summary>
    /// The settings the host is built with for the script: the chosen provider and a connection string that is
    /// never opened (the scripts are generated without a connection; no SQLite file is created).
    /// </summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new(DatabaseSettings.ProviderKey, Provider.ToString()),
        new(DatabaseSettings.ConnectionStringKey, Provider switch
        {
            DatabaseProvider.PostgreSql => "Host=localhost;Database=industryweek",
            DatabaseProvider.SqlServer => "Server=localhost;Database=industryweek",
            _ => "Data Source=:memory:",
        }),
    ];
}

public static class MigrationScripts
{
    /// <summary>
    /// Every module's migrations as one script, idempotent on PostgreSQL and SQL Server (each migration runs only
    /// if its module's history table does not have it yet); SQLite's is not (EF cannot make it so): it is for an
    /// empty database. Then the job storage's, where Hangfire has it as plain SQL (SQL Server).
    /// </summary>
    public static string Generate(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = services.GetRequiredService<DatabaseSettings>();
        var idempotent = settings.Provider != DatabaseProvider.Sqlite;
        var script = new StringBuilder();
        script.AppendLine(idempotent
            ? $"-- Semaine de l'industrie : migrations de chaque module ({settings.Provider}), idempotentes : chacune ne s'applique que si l'historique de son module ne l'a pas encore."
            : $"-- Semaine de l'industrie : migrations de chaque module ({settings.Provider}), pour une base vide (SQLite n'a pas de script idempotent).");
        using var scope = services.CreateScope();
        foreach (var module in scope.ServiceProvider.GetServices<ModuleDatabase>())
        {
            var context = module.CreateContext(scope.ServiceProvider);
            script.AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"-- Module {module.Module} (historique : {module.MigrationsHistoryTable})")
                .AppendLine(context.GetService<IMigrator>().GenerateScript(
                    options: idempotent ? MigrationsSqlGenerationOptions.Idempotent : MigrationsSqlGenerationOptions.Default));
        }

        script.AppendLine();
        switch (settings.Provider)
        {
            case DatabaseProvider.SqlServer:
                // Hangfire's own script checks its schema's version: it runs again without harm.
                script.AppendLine(CultureInfo.InvariantCulture, $"-- Tâches de fond (Hangfire, schéma « {JobStorages.SqlServerSchema} »)")
                    .AppendLine(SqlServerObjectsInstaller.GetInstallScript(JobStorages.SqlServerSchema, enableHeavyMigrations: false))
                    .AppendLine("GO");
                break;
            case DatabaseProvider.PostgreSql:
                script.AppendLine("-- Tâches de fond : Hangfire crée et met à jour son schéma « hangfire » au démarrage de l'application (scripts par version, hors de ce fichier).");
                break;
            default:
                script.AppendLine("-- Tâches de fond : Hangfire les garde dans un fichier SQLite à part, créé au démarrage de l'application.");
                break;
        }

        return script.ToString();
    }
}
