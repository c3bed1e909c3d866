using IndustryWeek.Operations.Features.Journal;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Outbox;

namespace IndustryWeek.Operations.Features.Jobs;

/// <summary>API.md Operations: a job in a list. <c>lastError</c> is the first line of the last failure.</summary>
internal sealed record JobDto(long Id, string Type, string Key, JobState State, int Attempts, string? LastError, DateTime CreatedAt, DateTime? FinishedAt, string? About, bool Recurring, string? HangfireJobId);

internal sealed record JobsPageDto(IReadOnlyList<JobDto> Items, int Total);

internal sealed record JobAttemptDto(int Number, string Node, DateTime StartedAt, DateTime? FinishedAt, long? DurationMs, JobAttemptResult Result, string? Error, bool WillRetry, string? RequestedBy);

/// <summary>The notification that scheduled the job, with its outbox message when it is still kept.</summary>
internal sealed record JobCauseDto(string Notification, Guid? MessageId, string? Module, DateTime? OccurredAt, string? Payload);

internal sealed record JobDetailsDto(
    JobDto Job,
    string Payload,
    string? LastError,
    string? CorrelationId,
    JobCauseDto? Cause,
    DateTime? NextRunAt,
    IReadOnlyList<JobAttemptDto> Attempts,
    IReadOnlyList<OperatorActionDto> Actions);

internal static class JobMapping
{
    public static JobDto ToDto(this JobSummary job) =>
        new(job.Id, job.Type, job.Key, job.State, job.Attempts, FirstLine(job.LastError), job.CreatedAtUtc, job.FinishedAtUtc, job.About, job.Recurring, job.HangfireJobId);

    public static JobAttemptDto ToDto(this JobAttemptView attempt) =>
        new(attempt.Number, attempt.Node, attempt.StartedAtUtc, attempt.FinishedAtUtc, (long?)attempt.Duration?.TotalMilliseconds, attempt.Result, attempt.Error, attempt.WillRetry, attempt.RequestedBy);

    public static JobDetailsDto ToDto(this JobDetails details, OutboxMessageView? causeMessage, IReadOnlyList<OperatorActionDto> actions) =>
        new(
            details.Job.ToDto(),
            details.Payload,
            details.Job.LastError,
            details.CorrelationId,
            details.Cause is null ? null : new JobCauseDto(details.Cause, details.CauseMessageId, causeMessage?.Module, causeMessage?.OccurredAtUtc, causeMessage?.Payload),
            details.NextRunAtUtc,
            details.Attempts.Select(a => a.ToDto()).ToList(),
            actions);

    /// <summary>The exception's first line: its type and message, without the stack trace.</summary>
    public static string? FirstLine(string? error) =>
        error is null ? null : error.Split('\n', 2)[0].TrimEnd('\r');
}
