using System.Diagnostics;

namespace IndustryWeek.Shared.Observability;

/// <summary>
/// The platform's own spans and metrics, with the .NET base library's types only: the work creates them where it
/// happens (the outbox dispatcher, the background jobs, a module's job), the host decides whether anything listens
/// (OpenTelemetry, only when <c>OpenTelemetry:Endpoint</c> is set). Without a listener a span is not even created.
/// </summary>
public static class PlatformTelemetry
{
    /// <summary>The name of the platform's <see cref="ActivitySource"/> and of its meter.</summary>
    public const string Name = "IndustryWeek";

    /// <summary>Attribute of every span of the platform's: the correlation id operators search /ops with.</summary>
    public const string CorrelationAttribute = "industryweek.correlation_id";

    public const string OutboxBacklogMetric = "industryweek.outbox.backlog";

    public const string JobsMetric = "industryweek.jobs";

    public const string KitDeliveriesSentMetric = "industryweek.kit.deliveries.sent";

    public const string KitDeliveriesFailedMetric = "industryweek.kit.deliveries.failed";

    /// <summary>A W3C traceparent ("00-{trace id}-{span id}-{flags}") is 55 characters.</summary>
    public const int TraceParentMaxLength = 55;

    public static readonly ActivitySource Source = new(Name);

    /// <summary>
    /// The span in progress as a W3C traceparent, written with what the work leaves for later (an outbox message, a
    /// job) so that the later work's span joins the same trace; null when no span is recorded or nothing listens (a
    /// caller's traceparent header alone is not kept when traces are off).
    /// </summary>
    public static string? CurrentTraceParent =>
        Source.HasListeners() && Activity.Current is { IdFormat: ActivityIdFormat.W3C, Recorded: true, Id: { Length: <= TraceParentMaxLength } id } ? id : null;

    /// <summary>
    /// Starts a span of the platform's as a child of <paramref name="traceParent"/> (the span of the work that caused
    /// it) when there is one, carrying the current correlation id; null when nothing listens.
    /// </summary>
    public static Activity? StartSpan(string name, ActivityKind kind, string? traceParent)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var parent = ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : default;
        var activity = Source.StartActivity(name, kind, parent);
        activity?.SetTag(CorrelationAttribute, Correlation.Id);
        return activity;
    }

    /// <summary>Marks the span failed with the exception's type and message (its stack stays in the logs).</summary>
    public static void Failed(this Activity? activity, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        activity?.SetStatus(ActivityStatusCode.Error, error.Message);
        activity?.SetTag("error.type", error.GetType().FullName);
    }
}
