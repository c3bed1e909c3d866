using System.Text.Json;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Observability;
using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IndustryWeek.Shared.Outbox;

/// <summary>
/// Before a module saves, turns its aggregates' domain events into its public notifications and adds
/// them to its outbox table: they commit in the same transaction as the state change, or not at all.
/// </summary>
internal sealed class OutboxInterceptor(ModuleDatabase database, TimeProvider time, OutboxSignal signal) : SaveChangesInterceptor
{
    private bool _wroteMessages;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        WriteOutbox(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        WriteOutbox(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SignalIfWritten();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SignalIfWritten();
        return ValueTask.FromResult(result);
    }

    private void WriteOutbox(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var aggregates = context.ChangeTracker.Entries<IHasDomainEvents>()
            .Select(e => e.Entity)
            .Where(a => a.DomainEvents.Count > 0)
            .ToList();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var aggregate in aggregates)
        {
            foreach (var notification in aggregate.DomainEvents.SelectMany(database.ToNotifications!))
            {
                var type = notification.GetType();
                context.Set<OutboxMessage>().Add(OutboxMessage.Create(
                    $"{type.FullName}, {type.Assembly.GetName().Name}",
                    JsonSerializer.Serialize(notification, type, StoredJson.Options),
                    now,
                    Correlation.Id));
                _wroteMessages = true;
            }

            aggregate.ClearDomainEvents();
        }
    }

    private void SignalIfWritten()
    {
        if (_wroteMessages)
        {
            _wroteMessages = false;
            signal.Notify();
        }
    }
}
