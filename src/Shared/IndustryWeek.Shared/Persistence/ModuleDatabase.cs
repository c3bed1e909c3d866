using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Outbox;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Shared.Persistence;

/// <summary>What the host knows of a module's database: its context type, its table prefix, its outbox if it publishes.</summary>
public sealed class ModuleDatabase
{
    internal ModuleDatabase(string module, string tablePrefix, Type contextType, Func<IDomainEvent, IEnumerable<INotification>>? toNotifications)
    {
        Module = module;
        TablePrefix = tablePrefix;
        ContextType = contextType;
        ToNotifications = toNotifications;
    }

    public string Module { get; }

    /// <summary>Every table of the module starts with this prefix and an underscore.</summary>
    public string TablePrefix { get; }

    public Type ContextType { get; }

    public bool HasOutbox => ToNotifications is not null;

    public string OutboxTable => $"{TablePrefix}_outbox";

    public string MigrationsHistoryTable => $"{TablePrefix}_migrations";

    internal Func<IDomainEvent, IEnumerable<INotification>>? ToNotifications { get; }

    public DbContext CreateContext(IServiceProvider scopedServices) => (DbContext)scopedServices.GetRequiredService(ContextType);
}
