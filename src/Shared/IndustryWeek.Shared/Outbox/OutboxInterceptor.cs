using System.Data.Common;
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
/// Once they are committed, it wakes this host's dispatcher.
/// </summary>
internal sealed class OutboxInterceptor(ModuleDatabase database, TimeProvider time, OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
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
        SignalIfCommitted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SignalIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => SignalIfWritten();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SignalIfWritten();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _wroteMessages = false;

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _wroteMessages = false;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Saved in a transaction of the caller's (a grant takes its label number in one), the messages are not visible
    /// yet: woken now, the dispatcher would find nothing and sleep until its next poll (1 s). It is woken at the commit.
    /// </summary>
    private void SignalIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            SignalIfWritten();
        }
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
                    Correlation.Id,
                    PlatformTelemetry.CurrentTraceParent));
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
