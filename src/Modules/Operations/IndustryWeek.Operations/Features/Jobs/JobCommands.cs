using System.Text.Json.Serialization;
using FluentValidation;
using IndustryWeek.Operations.Domain;
using IndustryWeek.Operations.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Security;
using MediatR;

namespace IndustryWeek.Operations.Features.Jobs;

/// <summary>Runs a failed job again now (POST /api/ops/jobs/{id}/retry).</summary>
internal sealed record RetryJobCommand(Actor Actor, long JobId) : IRequest<Result<JobSummary>>;

/// <summary>Removes a scheduled, retrying or failed job (DELETE /api/ops/jobs/{id}).</summary>
internal sealed record DeleteJobCommand(Actor Actor, long JobId) : IRequest<Result<JobSummary>>;

internal enum BulkJobAction
{
    Retry,
    Delete,
}

/// <summary>POST /api/ops/jobs/retry or /delete `{ids}`: the same action on several jobs, each audited.</summary>
internal sealed record BulkJobsCommand : IRequest<BulkJobsOutcome>
{
    [JsonIgnore]
    public Actor Actor { get; init; } = null!;

    [JsonIgnore]
    public BulkJobAction Action { get; init; }

    public IReadOnlyList<long>? Ids { get; init; }
}

/// <param name="Done">The jobs acted on.</param>
/// <param name="Refused">Those left as they were, each with why (« tâche 12 : … »).</param>
internal sealed record BulkJobsOutcome(IReadOnlyList<long> Done, IReadOnlyList<string> Refused);

internal sealed class BulkJobsValidator : AbstractValidator<BulkJobsCommand>
{
    public const int Most = 500;

    public BulkJobsValidator() =>
        RuleFor(c => c.Ids).NotEmpty().WithMessage("Choisissez au moins une tâche.")
            .Must(ids => ids is null || ids.Count <= Most).WithMessage($"Au plus {Most} tâches à la fois.")
            .Must(ids => ids is null || ids.All(id => id > 0)).WithMessage("Les numéros de tâche sont des entiers positifs.");
}

internal sealed class JobCommandHandlers(IJobOperations jobs, OperatorActionLog log) :
    IRequestHandler<RetryJobCommand, Result<JobSummary>>,
    IRequestHandler<DeleteJobCommand, Result<JobSummary>>,
    IRequestHandler<BulkJobsCommand, BulkJobsOutcome>
{
    public Task<Result<JobSummary>> Handle(RetryJobCommand request, CancellationToken cancellationToken) =>
        ActAsync(request.Actor, BulkJobAction.Retry, request.JobId, cancellationToken);

    public Task<Result<JobSummary>> Handle(DeleteJobCommand request, CancellationToken cancellationToken) =>
        ActAsync(request.Actor, BulkJobAction.Delete, request.JobId, cancellationToken);

    public async Task<BulkJobsOutcome> Handle(BulkJobsCommand request, CancellationToken cancellationToken)
    {
        var done = new List<long>();
        var refused = new List<string>();
        foreach (var id in request.Ids!.Distinct())
        {
            var result = await ActAsync(request.Actor, request.Action, id, cancellationToken);
            if (result.IsSuccess)
            {
                done.Add(id);
            }
            else
            {
                refused.Add($"tâche {id} : {result.Error!.Message}");
            }
        }

        return new BulkJobsOutcome(done, refused);
    }

    private async Task<Result<JobSummary>> ActAsync(Actor actor, BulkJobAction action, long id, CancellationToken cancellationToken)
    {
        var result = action == BulkJobAction.Retry
            ? await jobs.RetryAsync(id, actor.Email ?? actor.UserId, cancellationToken)
            : await jobs.DeleteAsync(id, cancellationToken);
        if (result.IsSuccess)
        {
            var job = result.Value;
            await log.RecordAsync(
                actor,
                action == BulkJobAction.Retry ? OperatorActionKind.RetryJob : OperatorActionKind.DeleteJob,
                $"{job.Type} {job.Key}",
                job.Id,
                reason: null,
                cancellationToken);
        }

        return result;
    }
}
