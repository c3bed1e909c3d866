using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Shared;

/// <summary>
/// A module's part of `dotnet run --project src/Host -- seed-demo`: creates its demo data through the
/// application's own commands, and does nothing the second time.
/// </summary>
public interface IDemoSeeder
{
    /// <summary>Lower runs first (editions before organisations before events).</summary>
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}

public static class DemoData
{
    public static async Task SeedDemoAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(cancellationToken);
        }
    }
}
