using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Outbox;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Shared.Persistence;

public static class ModuleDatabaseRegistration
{
    /// <summary>
    /// Registers a module's DbContext on the shared database. A module that publishes notifications
    /// passes <paramref name="toNotifications"/>: its aggregates' domain events are then written to
    /// its outbox table in the same transaction as the state change.
    /// </summary>
    public static IServiceCollection AddModuleDatabase<TContext>(
        this IServiceCollection services,
        string module,
        string tablePrefix,
        Func<IDomainEvent, IEnumerable<INotification>>? toNotifications = null)
        where TContext : DbContext
    {
        var database = new ModuleDatabase(module, tablePrefix, typeof(TContext), toNotifications);
        services.AddSingleton(database);
        services.AddDbContext<TContext>((sp, options) =>
        {
            sp.GetRequiredService<DatabaseSettings>().Configure(options, database.MigrationsHistoryTable);
            if (database.HasOutbox)
            {
                options.AddInterceptors(new OutboxInterceptor(database, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<OutboxSignal>()));
            }
        });
        services.AddHealthChecks().AddDbContextCheck<TContext>($"database-{tablePrefix}", tags: ["ready"]);
        return services;
    }
}
