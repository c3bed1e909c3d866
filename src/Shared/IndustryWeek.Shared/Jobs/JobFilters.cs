using System.Security.Cryptography;
using Hangfire;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using IndustryWeek.Shared.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Shared.Jobs;

/// <summary>
/// Every job created carries the correlation id of the work that caused it (the request, the outbox
/// message), as a job parameter the dashboard shows and the run restores; and, when traces are exported,
/// that work's span (traceparent), so that the job's span joins its trace (retries keep the parameters).
/// </summary>
internal sealed class CorrelationJobFilter : IClientFilter
{
    public void OnCreating(CreatingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Correlation.Id is { } id)
        {
            context.SetJobParameter(HangfireJobRunner.CorrelationParameter, id);
        }

        if (PlatformTelemetry.CurrentTraceParent is { } traceParent)
        {
            context.SetJobParameter(HangfireJobRunner.TraceParentParameter, traceParent);
        }
    }

    public void OnCreated(CreatedContext context)
    {
    }
}

/// <summary>
/// Operators' changes made on Hangfire (a requeue or a delete, from the dashboard or from /ops) are
/// mirrored on the keyed table, so that a requeued job that had succeeded runs again and a deleted one is
/// not brought back at start-up. Runs inside Hangfire's state change: synchronous by Hangfire's design.
/// </summary>
internal sealed class JobStateMirror(IServiceScopeFactory scopes) : IApplyStateFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = context.BackgroundJob.Job;
        if (job is null || job.Type != typeof(HangfireJobRunner) || job.Method.Name != nameof(HangfireJobRunner.RunAsync) || job.Args.Count < 3)
        {
            return;
        }

        var requeued = context.NewState.Name == EnqueuedState.StateName
            && (context.OldStateName == FailedState.StateName || context.OldStateName == SucceededState.StateName || context.OldStateName == DeletedState.StateName);
        var deleted = context.NewState.Name == DeletedState.StateName;
        if (!requeued && !deleted)
        {
            return;
        }

        var (type, key, id) = ((string)job.Args[1], (string)job.Args[2], context.BackgroundJob.Id);
        using var scope = scopes.CreateScope();
        var journal = scope.ServiceProvider.GetRequiredService<JobJournal>();
        _ = (requeued ? journal.RequeuedAsync(type, key, id, CancellationToken.None) : journal.DeletedAsync(type, key, id, CancellationToken.None))
            .GetAwaiter().GetResult();
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}

/// <summary>`Jobs:*` retries as Hangfire applies them: exponential from the first delay, doubled each time up to the cap, ±20 % jitter.</summary>
internal static class JobRetries
{
    public static AutomaticRetryAttribute Filter(JobsOptions options) => new()
    {
        Attempts = options.RetryAttempts,
        DelayInSecondsByAttemptFunc = attempt => DelayInSeconds(options, attempt),
        OnAttemptsExceeded = AttemptsExceededAction.Fail,
        LogEvents = true,
    };

    /// <param name="attempt">The retry about to be scheduled: 1 for the first retry.</param>
    public static int DelayInSeconds(JobsOptions options, long attempt)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var delay = Math.Min(options.RetryFirstDelay.TotalSeconds * Math.Pow(2, exponent), options.RetryMaxDelay.TotalSeconds);
        // Jitter: retries of jobs that failed together (an SMTP outage) do not all come back in the same second.
        var jitter = 1 + ((RandomNumberGenerator.GetInt32(0, 4001) - 2000) / 10000.0);
        return (int)Math.Max(1, Math.Round(delay * jitter));
    }
}

/// <summary>
/// How long a finished job (succeeded or deleted) stays on the dashboard: Hangfire's default, one day, loses a
/// Friday's jobs before Monday. Failed jobs stay until an operator acts. The keyed table keeps every job's story.
/// </summary>
internal sealed class JobRetention(TimeSpan retention) : IApplyStateFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.JobExpirationTimeout = retention;
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
