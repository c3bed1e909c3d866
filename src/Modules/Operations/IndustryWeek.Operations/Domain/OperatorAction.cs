namespace IndustryWeek.Operations.Domain;

internal enum OperatorActionKind
{
    RetryJob,
    DeleteJob,
    TriggerRecurringJob,
    PauseRecurringJob,
    ResumeRecurringJob,
    RetryOutboxMessage,

    /// <summary>A job waiting for its retry's back-off moved to the queue at once (Hangfire dashboard).</summary>
    EnqueueJob,

    /// <summary>A recurring job removed from Hangfire (the dashboard's « Supprimer »; declared again at the next start).</summary>
    RemoveRecurringJob,
}

/// <summary>One thing an operator did to the jobs or the outbox: who, when, to what, why. Never changed once written.</summary>
internal sealed class OperatorAction
{
    private OperatorAction()
    {
    }

    public long Id { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string ActorId { get; private set; } = "";

    public string ActorEmail { get; private set; } = "";

    public OperatorActionKind Kind { get; private set; }

    /// <summary>What it was done to, in words ("communication-kit.deliver 5f0c…-label-v1", "Labelling message 12").</summary>
    public string Target { get; private set; } = "";

    /// <summary>The job acted on, to list its actions on its page.</summary>
    public long? JobId { get; private set; }

    public string? Reason { get; private set; }

    public static OperatorAction Record(DateTime nowUtc, string actorId, string actorEmail, OperatorActionKind kind, string target, long? jobId, string? reason) => new()
    {
        AtUtc = nowUtc,
        ActorId = actorId,
        ActorEmail = actorEmail,
        Kind = kind,
        Target = target,
        JobId = jobId,
        Reason = reason,
    };
}
