using System.Diagnostics;
using IndustryWeek.Shared.Messaging;
using IndustryWeek.Shared.Observability;
using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IndustryWeek.Shared.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Whether this host runs a dispatcher (every host does by default; several may share a PostgreSQL database).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often pending messages written by other hosts are looked for.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 50;

    public int MaxAttempts { get; set; } = 10;
}

/// <summary>
/// Publishes pending outbox messages through MediatR, oldest first, and marks them processed. A message
/// whose publication fails is retried later with back-off and does not hold back the messages after
/// it, so subscribers must not rely on a strict order across a failure (each carries its own version).
/// </summary>
public interface IOutboxDispatcher
{
    /// <summary>Dispatches every message due now, in every module's outbox; returns how many were handled.</summary>
    Task<int> DispatchPendingAsync(CancellationToken cancellationToken);
}

internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<ModuleDatabase> databases,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : IOutboxDispatcher, IDisposable
{
    // One pass at a time in a host (the background service, seed-demo, a test): SQLite has no row
    // claims, so two passes would publish the same message twice at once.
    private readonly SemaphoreSlim _onePass = new(1, 1);

    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        await _onePass.WaitAsync(cancellationToken);
        try
        {
            var total = 0;
            foreach (var database in databases.Where(d => d.HasOutbox))
            {
                int handled;
                do
                {
                    handled = await DispatchBatchAsync(database, cancellationToken);
                    total += handled;
                }
                while (handled == options.Value.BatchSize);
            }

            return total;
        }
        finally
        {
            _onePass.Release();
        }
    }

    public void Dispose() => _onePass.Dispose();

    /// <summary>
    /// The next pending messages, locked for the caller's transaction and skipped by the other hosts' claims:
    /// `FOR UPDATE SKIP LOCKED` on PostgreSQL, `WITH (UPDLOCK, READPAST, ROWLOCK)` on SQL Server.
    /// </summary>
    internal static IQueryable<OutboxMessage> ClaimQuery(DbContext context, string outboxTable, DateTime now, int batchSize)
    {
#pragma warning disable EF1002 // the table name comes from the module's constant prefix; values are parameters
        return context.Database.IsSqlServer()
            ? context.Set<OutboxMessage>().FromSqlRaw(
                $$"""
                SELECT TOP ({1}) * FROM "{{outboxTable}}" WITH (UPDLOCK, READPAST, ROWLOCK)
                WHERE "ProcessedAtUtc" IS NULL AND "FailedAtUtc" IS NULL AND "NextAttemptAtUtc" <= {0}
                ORDER BY "Id"
                """,
                now,
                batchSize)
            : context.Set<OutboxMessage>().FromSqlRaw(
                $$"""
                SELECT * FROM "{{outboxTable}}"
                WHERE "ProcessedAtUtc" IS NULL AND "FailedAtUtc" IS NULL AND "NextAttemptAtUtc" <= {0}
                ORDER BY "Id" LIMIT {1}
                FOR UPDATE SKIP LOCKED
                """,
                now,
                batchSize);
#pragma warning restore EF1002
    }

    private async Task<int> DispatchBatchAsync(ModuleDatabase database, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = database.CreateContext(scope.ServiceProvider);
        var publisher = scope.ServiceProvider.GetRequiredService<INotificationPublisher>();
        var now = time.GetUtcNow().UtcDateTime;
        var batchSize = options.Value.BatchSize;

        IDbContextTransaction? claim = null;
        List<OutboxMessage> batch;
        if (!context.Database.IsSqlite())
        {
            // Several hosts on one database: each row is claimed by one of them for the batch's
            // transaction; a host that dies releases its claim and the rows are dispatched again.
            claim = await context.Database.BeginTransactionAsync(cancellationToken);
            batch = await ClaimQuery(context, database.OutboxTable, now, batchSize).ToListAsync(cancellationToken);
        }
        else
        {
            // SQLite is the single-node default: no other dispatcher can compete.
            batch = await context.Set<OutboxMessage>()
                .Where(m => m.ProcessedAtUtc == null && m.FailedAtUtc == null && m.NextAttemptAtUtc <= now)
                .OrderBy(m => m.Id)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
        }

        await using (claim)
        {
            foreach (var message in batch)
            {
                // Handlers (and the jobs they schedule) carry on the work that wrote the message.
                using var correlation = Correlation.BeginHandling(message.CorrelationId, message.ShortType, message.MessageId);
                using var logScope = Correlation.BeginLogScope(logger);
                // In the trace of the work that wrote the message; the jobs its handlers schedule are its children.
                using var span = PlatformTelemetry.StartSpan($"outbox {message.ShortType}", ActivityKind.Consumer, message.TraceParent);
                span?.SetTag("messaging.system", "outbox");
                span?.SetTag("messaging.destination.name", database.OutboxTable);
                span?.SetTag("messaging.message.id", message.MessageId.ToString());
                span?.SetTag("industryweek.outbox.attempt", message.Attempts + 1);
                try
                {
                    var notification = OutboxSerialization.Deserialize(message.Type, message.Payload);
                    await publisher.PublishAsync(notification, cancellationToken);
                    message.MarkProcessed(time.GetUtcNow().UtcDateTime);
                }
                catch (Exception e) when ((e is not OperationCanceledException || !cancellationToken.IsCancellationRequested) && !e.IsDatabaseUnreachable())
                {
                    span.Failed(e);
                    // A database out of reach is not the message's fault: it is not counted as an attempt (whose
                    // delays grow to minutes), the pass stops and the service tries again shortly.
                    message.MarkAttemptFailed(e, time.GetUtcNow().UtcDateTime, options.Value.MaxAttempts);
                    LogPublishFailed(logger, e, database.OutboxTable, message.Id, message.Type, message.Attempts);
                }

                await context.SaveChangesAsync(cancellationToken);
            }

            if (claim is not null)
            {
                await claim.CommitAsync(cancellationToken);
            }
        }

        return batch.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Table} message {Id} ({Type}) failed on attempt {Attempts}")]
    private static partial void LogPublishFailed(ILogger logger, Exception error, string table, long id, string type, int attempts);
}

/// <summary>Runs the dispatcher: at once when this host commits a message, otherwise every polling interval.</summary>
internal sealed partial class OutboxDispatcherService(
    IOutboxDispatcher dispatcher,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcherService> logger) : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatcherEnabled)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DispatchPendingAsync(stoppingToken);
                failures = 0;
                await signal.WaitAsync(options.Value.PollingInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be restarting: back off and go on by itself.
                failures++;
                LogDispatcherFailed(logger, e, failures);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures))), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatcher failed ({Failures} in a row)")]
    private static partial void LogDispatcherFailed(ILogger logger, Exception error, int failures);
}
