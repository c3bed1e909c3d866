using System.Data;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Shared.Outbox;

public enum OutboxState
{
    /// <summary>Not yet published: waiting for the dispatcher, or for its next attempt after a failure.</summary>
    Pending,

    /// <summary>Every attempt failed; waits for an operator.</summary>
    Failed,
}

public sealed record OutboxMessageView(
    string Module,
    long Id,
    Guid MessageId,
    string Type,
    DateTime OccurredAtUtc,
    int Attempts,
    DateTime NextAttemptAtUtc,
    DateTime? FailedAtUtc,
    string? LastError,
    string? CorrelationId,
    string Payload);

public sealed record OutboxPage(IReadOnlyList<OutboxMessageView> Items, int Total);

public sealed record OutboxCounters(int Pending, int Failed);

/// <summary>What operators see of the modules' outboxes and do to them.</summary>
public interface IOutboxOperations
{
    /// <summary>Messages of every module in <paramref name="state"/>, oldest first.</summary>
    Task<OutboxPage> ListAsync(OutboxState state, Web.PageRequest page, CancellationToken cancellationToken);

    Task<OutboxCounters> CountAsync(CancellationToken cancellationToken);

    /// <summary>The message of that id, whatever its module and state (the cause shown on a job).</summary>
    Task<OutboxMessageView?> FindAsync(Guid messageId, CancellationToken cancellationToken);

    /// <summary>Gives a failed message a new round of attempts, starting now.</summary>
    Task<Result<OutboxMessageView>> RetryAsync(string module, long id, CancellationToken cancellationToken);
}

internal sealed class OutboxOperations(IServiceProvider services, IEnumerable<ModuleDatabase> databases, OutboxSignal signal, TimeProvider time) : IOutboxOperations
{
    private IEnumerable<ModuleDatabase> Outboxes => databases.Where(d => d.HasOutbox);

    public async Task<OutboxPage> ListAsync(OutboxState state, Web.PageRequest page, CancellationToken cancellationToken)
    {
        // Each module's first rows up to this page's end, merged and ordered; the page is the last of them.
        var wanted = page.Skip + page.Size;
        var total = 0;
        var found = new List<OutboxMessageView>();
        foreach (var database in Outboxes)
        {
            // The count and the page from one snapshot: a message failing in between is in both or in neither.
            var context = database.CreateContext(services);
            await using var snapshot = await context.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            var messages = InState(context.Set<OutboxMessage>().AsNoTracking(), state);
            total += await messages.CountAsync(cancellationToken);
            found.AddRange((await messages.OrderBy(m => m.Id).Take(wanted).ToListAsync(cancellationToken)).Select(m => ToView(database, m)));
        }

        var items = found.OrderBy(m => m.OccurredAtUtc).ThenBy(m => m.Module, StringComparer.Ordinal).ThenBy(m => m.Id)
            .Skip(page.Skip).Take(page.Size).ToList();
        return new OutboxPage(items, total);
    }

    public async Task<OutboxCounters> CountAsync(CancellationToken cancellationToken)
    {
        int pending = 0, failed = 0;
        foreach (var database in Outboxes)
        {
            var context = database.CreateContext(services);
            await using var snapshot = await context.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            var messages = context.Set<OutboxMessage>().AsNoTracking();
            pending += await InState(messages, OutboxState.Pending).CountAsync(cancellationToken);
            failed += await InState(messages, OutboxState.Failed).CountAsync(cancellationToken);
        }

        return new OutboxCounters(pending, failed);
    }

    public async Task<OutboxMessageView?> FindAsync(Guid messageId, CancellationToken cancellationToken)
    {
        foreach (var database in Outboxes)
        {
            var message = await database.CreateContext(services).Set<OutboxMessage>().AsNoTracking()
                .SingleOrDefaultAsync(m => m.MessageId == messageId, cancellationToken);
            if (message is not null)
            {
                return ToView(database, message);
            }
        }

        return null;
    }

    public async Task<Result<OutboxMessageView>> RetryAsync(string module, long id, CancellationToken cancellationToken)
    {
        var database = Outboxes.FirstOrDefault(d => string.Equals(d.Module, module, StringComparison.OrdinalIgnoreCase));
        var context = database?.CreateContext(services);
        var message = context is null ? null : await context.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return Error.NotFound("outbox.not_found", "Ce message n'existe pas.");
        }

        if (message.FailedAtUtc is null)
        {
            return Error.Conflict("outbox.not_failed", message.ProcessedAtUtc is null
                ? "Ce message attend déjà sa prochaine tentative."
                : "Ce message a déjà été traité.");
        }

        message.RetryFromNow(time.GetUtcNow().UtcDateTime);
        await context!.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return ToView(database!, message);
    }

    private static IQueryable<OutboxMessage> InState(IQueryable<OutboxMessage> messages, OutboxState state) => state == OutboxState.Failed
        ? messages.Where(m => m.FailedAtUtc != null)
        : messages.Where(m => m.ProcessedAtUtc == null && m.FailedAtUtc == null);

    private static OutboxMessageView ToView(ModuleDatabase database, OutboxMessage m) =>
        new(database.Module, m.Id, m.MessageId, m.ShortType, m.OccurredAtUtc, m.Attempts, m.NextAttemptAtUtc, m.FailedAtUtc, m.LastError, m.CorrelationId, m.Payload);
}
