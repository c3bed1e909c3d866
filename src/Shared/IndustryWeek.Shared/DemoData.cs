using System.Globalization;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Shared;

/// <summary>How much demo data to create: `seed-demo --events 5000` for the benchmarks.</summary>
public sealed record DemoOptions(int Events = DemoOptions.DefaultEvents)
{
    public const int DefaultEvents = 60;

    /// <summary>Reads `--events N` from the command line (N from 0 to 100 000).</summary>
    public static DemoOptions FromArguments(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var at = args.ToList().IndexOf("--events");
        if (at < 0)
        {
            return new DemoOptions();
        }

        return at + 1 < args.Count && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var events) && events <= 100_000
            ? new DemoOptions(events)
            : throw new StartupException("seed-demo: --events attend un nombre d'événements entre 0 et 100 000 (par exemple --events 5000).");
    }
}

/// <summary>
/// A module's part of `dotnet run --project src/Host -- seed-demo`: creates its demo data through the
/// application's own commands, and does nothing the second time.
/// </summary>
public interface IDemoSeeder
{
    /// <summary>Lower runs first (editions before organisations before events).</summary>
    int Order { get; }

    Task SeedAsync(DemoOptions options, CancellationToken cancellationToken);
}

public static class DemoData
{
    public static async Task SeedDemoAsync(this IServiceProvider services, DemoOptions? options = null, CancellationToken cancellationToken = default)
    {
        // On the embedded SQLite default a running host dispatches the same messages as the seeding (one process
        // only): refused at once rather than thousands of conflicts. PostgreSQL takes several processes.
        if (services.GetService<SqliteProcessLock>() is { } processLock && !processLock.TryTake())
        {
            throw new StartupException($"seed-demo : la plateforme tourne déjà sur cette base SQLite (verrou {processLock.File}). Arrêtez-la (Ctrl+C, ou systemctl stop industryweek), lancez seed-demo, puis redémarrez-la.");
        }

        await using var scope = services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutboxDispatcher>();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(options ?? new DemoOptions(), cancellationToken);

            // What a module published reaches the others (Registration learns the editions) before the next seeder.
            while (await outbox.DispatchPendingAsync(cancellationToken) > 0)
            {
            }
        }
    }
}
