namespace IndustryWeek.Shared.Outbox;

/// <summary>A public notification waiting in a module's outbox, committed with the state change that raised it.</summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public long Id { get; private set; }

    public Guid MessageId { get; private set; }

    /// <summary>"Namespace.Type, Assembly" of the notification (always a type of a Contracts assembly).</summary>
    public string Type { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public DateTime OccurredAtUtc { get; private set; }

    public int Attempts { get; private set; }

    public DateTime NextAttemptAtUtc { get; private set; }

    public DateTime? ProcessedAtUtc { get; private set; }

    /// <summary>Set when every attempt failed; an operator can retry it.</summary>
    public DateTime? FailedAtUtc { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>The work (HTTP request, job) that raised it; its handlers and the jobs they schedule carry it on.</summary>
    public string? CorrelationId { get; private set; }

    /// <summary>The span of the work that raised it (W3C traceparent): its dispatch joins that trace. Null when traces are off.</summary>
    public string? TraceParent { get; private set; }

    /// <summary>The notification's type name without its namespace and assembly ("LabelGranted").</summary>
    public string ShortType => Type.Split(',')[0].Split('.')[^1];

    internal static OutboxMessage Create(string type, string payload, DateTime nowUtc, string? correlationId, string? traceParent) => new()
    {
        MessageId = Guid.NewGuid(),
        Type = type,
        Payload = payload,
        OccurredAtUtc = nowUtc,
        NextAttemptAtUtc = nowUtc,
        CorrelationId = correlationId,
        TraceParent = traceParent,
    };

    /// <summary>An operator gives a failed message another full round of attempts, starting now.</summary>
    internal void RetryFromNow(DateTime nowUtc)
    {
        Attempts = 0;
        FailedAtUtc = null;
        NextAttemptAtUtc = nowUtc;
    }

    internal void MarkProcessed(DateTime nowUtc)
    {
        Attempts++;
        ProcessedAtUtc = nowUtc;
        LastError = null;
    }

    internal void MarkAttemptFailed(Exception error, DateTime nowUtc, int maxAttempts)
    {
        Attempts++;
        LastError = error.ToString();
        if (Attempts >= maxAttempts)
        {
            FailedAtUtc = nowUtc;
            return;
        }

        // 2 s, 4 s, 8 s ... capped at 10 minutes.
        NextAttemptAtUtc = nowUtc + TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, Attempts)));
    }
}
