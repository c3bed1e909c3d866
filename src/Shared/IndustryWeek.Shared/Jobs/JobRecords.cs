namespace IndustryWeek.Shared.Jobs;

/// <summary>Where a job stands, as operators see it (Hangfire's states, kept in the app's own table).</summary>
public enum JobState
{
    /// <summary>Waiting for its first run (or for a run an operator asked for).</summary>
    Scheduled,

    Processing,

    /// <summary>Failed; Hangfire runs it again after a back-off.</summary>
    Retrying,

    Succeeded,

    /// <summary>Every attempt failed; waits for an operator.</summary>
    Failed,

    /// <summary>Removed by an operator before it could run (again).</summary>
    Deleted,
}

public enum JobAttemptResult
{
    Running,
    Succeeded,
    Failed,

    /// <summary>The host died during the run; the job was run again (recovery).</summary>
    Interrupted,
}

/// <summary>
/// One job as operators follow it, and the keyed table that makes scheduling idempotent: written when a
/// module schedules it (one row per type and key), updated by each run. Hangfire has no unique job ids:
/// the Hangfire job attached here (<see cref="HangfireJobId"/>) is the one that does the work; any other
/// Hangfire job for the same key finds itself not attached and ends without doing anything.
/// </summary>
internal sealed class JobRecord
{
    public long Id { get; private set; }

    /// <summary>The job's registered name ("communication-kit.deliver").</summary>
    public string Type { get; private set; } = "";

    /// <summary>The deterministic key it was scheduled with (the recurring job's id for a recurring job).</summary>
    public string Key { get; private set; } = "";

    public bool Recurring { get; private set; }

    public JobState State { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>The full text of the last failure (type, message, stack trace, inner exceptions).</summary>
    public string? LastError { get; private set; }

    /// <summary>What the job is about, as operators search it (event id, label number).</summary>
    public string? About { get; private set; }

    /// <summary>The job's input as stored (JSON), cut to <see cref="MaxPayloadLength"/>.</summary>
    public string Payload { get; private set; } = "";

    public string? CorrelationId { get; private set; }

    /// <summary>The notification being handled when the job was scheduled ("LabelGranted").</summary>
    public string? Cause { get; private set; }

    /// <summary>That notification's outbox message.</summary>
    public Guid? CauseMessageId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public DateTime? FinishedAtUtc { get; private set; }

    /// <summary>The Hangfire job that does this work; null until one is attached (or for a recurring job).</summary>
    public string? HangfireJobId { get; private set; }

    /// <summary>Why an operator paused this recurring job; null when it runs.</summary>
    public string? PauseReason { get; private set; }

    public string? PausedBy { get; private set; }

    public DateTime? PausedAtUtc { get; private set; }

    public bool Paused => PauseReason is not null;

    public const int MaxPayloadLength = 4000;

    public static JobRecord Create(string type, string key, bool recurring, string payload, string? about, string? correlationId, string? cause, Guid? causeMessageId, DateTime nowUtc) => new()
    {
        Type = type,
        Key = key,
        Recurring = recurring,
        State = JobState.Scheduled,
        Payload = payload.Length > MaxPayloadLength ? payload[..MaxPayloadLength] : payload,
        About = about,
        CorrelationId = correlationId,
        Cause = cause,
        CauseMessageId = causeMessageId,
        CreatedAtUtc = nowUtc,
        UpdatedAtUtc = nowUtc,
    };

    public void Started(DateTime nowUtc)
    {
        Attempts++;
        State = JobState.Processing;
        UpdatedAtUtc = nowUtc;
    }

    public void Succeeded(DateTime nowUtc)
    {
        State = Recurring ? JobState.Scheduled : JobState.Succeeded;
        LastError = null;
        FinishedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public void Failed(string error, bool willRetry, DateTime nowUtc)
    {
        LastError = error;
        State = willRetry ? JobState.Retrying : Recurring ? JobState.Scheduled : JobState.Failed;
        FinishedAtUtc = willRetry ? null : nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public void Requeued(DateTime nowUtc)
    {
        State = JobState.Scheduled;
        FinishedAtUtc = null;
        UpdatedAtUtc = nowUtc;
    }

    public void Pause(string reason, string requestedBy, DateTime nowUtc)
    {
        PauseReason = reason;
        PausedBy = requestedBy;
        PausedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public void Resume(DateTime nowUtc)
    {
        PauseReason = null;
        PausedBy = null;
        PausedAtUtc = null;
        UpdatedAtUtc = nowUtc;
    }

    public void Deleted(DateTime nowUtc)
    {
        State = JobState.Deleted;
        FinishedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }
}

/// <summary>One run of a job: which host ran it, when, for how long, and how it ended.</summary>
internal sealed class JobAttempt
{
    public long Id { get; private set; }

    public long JobId { get; private set; }

    public int Number { get; private set; }

    /// <summary>The host process that ran it (machine and process id).</summary>
    public string Node { get; private set; } = "";

    /// <summary>The Hangfire job id of the run.</summary>
    public string FireInstanceId { get; private set; } = "";

    public DateTime StartedAtUtc { get; private set; }

    public DateTime? FinishedAtUtc { get; private set; }

    public JobAttemptResult Result { get; private set; }

    public string? Error { get; private set; }

    public bool WillRetry { get; private set; }

    /// <summary>The operator who asked for this run; null for runs the scheduler started.</summary>
    public string? RequestedBy { get; private set; }

    public static JobAttempt Start(long jobId, int number, string node, string fireInstanceId, string? requestedBy, DateTime nowUtc) => new()
    {
        JobId = jobId,
        Number = number,
        Node = node,
        FireInstanceId = fireInstanceId,
        StartedAtUtc = nowUtc,
        Result = JobAttemptResult.Running,
        RequestedBy = requestedBy,
    };

    public void Succeeded(DateTime nowUtc)
    {
        Result = JobAttemptResult.Succeeded;
        FinishedAtUtc = nowUtc;
    }

    public void Failed(string error, bool willRetry, DateTime nowUtc)
    {
        Result = JobAttemptResult.Failed;
        Error = error;
        WillRetry = willRetry;
        FinishedAtUtc = nowUtc;
    }

    public void Interrupted() => Result = JobAttemptResult.Interrupted;
}
