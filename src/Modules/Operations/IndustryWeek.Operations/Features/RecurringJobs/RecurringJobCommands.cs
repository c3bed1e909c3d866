using System.Text.Json.Serialization;
using FluentValidation;
using IndustryWeek.Operations.Domain;
using IndustryWeek.Operations.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Security;
using MediatR;

namespace IndustryWeek.Operations.Features.RecurringJobs;

/// <summary>POST /api/ops/recurring/{name}/trigger: one run now, besides the schedule.</summary>
internal sealed record TriggerRecurringJobCommand(Actor Actor, string Name) : IRequest<Result<RecurringJobView>>;

/// <summary>POST /api/ops/recurring/{name}/pause `{reason}`: no scheduled run until resumed.</summary>
internal sealed record PauseRecurringJobCommand : IRequest<Result<RecurringJobView>>
{
    [JsonIgnore]
    public Actor Actor { get; init; } = null!;

    [JsonIgnore]
    public string Name { get; init; } = "";

    public string? Reason { get; init; }
}

/// <summary>POST /api/ops/recurring/{name}/resume `{reason?}`.</summary>
internal sealed record ResumeRecurringJobCommand : IRequest<Result<RecurringJobView>>
{
    [JsonIgnore]
    public Actor Actor { get; init; } = null!;

    [JsonIgnore]
    public string Name { get; init; } = "";

    public string? Reason { get; init; }
}

internal sealed class PauseRecurringJobValidator : AbstractValidator<PauseRecurringJobCommand>
{
    // Kept with the recurring job's record (PauseReason, 500 characters).
    public const int MaxReasonLength = 250;

    public PauseRecurringJobValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Indiquez pourquoi la tâche est mise en pause.")
            .MaximumLength(MaxReasonLength).WithMessage($"Le motif fait au plus {MaxReasonLength} caractères.");
}

internal sealed class ResumeRecurringJobValidator : AbstractValidator<ResumeRecurringJobCommand>
{
    public ResumeRecurringJobValidator() =>
        RuleFor(c => c.Reason).MaximumLength(PauseRecurringJobValidator.MaxReasonLength)
            .WithMessage($"Le motif fait au plus {PauseRecurringJobValidator.MaxReasonLength} caractères.");
}

internal sealed class RecurringJobCommandHandlers(IJobOperations jobs, OperatorActionLog log) :
    IRequestHandler<TriggerRecurringJobCommand, Result<RecurringJobView>>,
    IRequestHandler<PauseRecurringJobCommand, Result<RecurringJobView>>,
    IRequestHandler<ResumeRecurringJobCommand, Result<RecurringJobView>>
{
    public async Task<Result<RecurringJobView>> Handle(TriggerRecurringJobCommand request, CancellationToken cancellationToken) =>
        await AuditedAsync(request.Actor, OperatorActionKind.TriggerRecurringJob, null, await jobs.TriggerRecurringAsync(request.Name, By(request.Actor), cancellationToken), cancellationToken);

    public async Task<Result<RecurringJobView>> Handle(PauseRecurringJobCommand request, CancellationToken cancellationToken)
    {
        var current = (await jobs.RecurringAsync(cancellationToken)).FirstOrDefault(j => j.Name == request.Name);
        if (current?.Pause is not null)
        {
            return Error.Conflict("recurring.paused", "Cette tâche est déjà en pause.");
        }

        var reason = request.Reason!.Trim();
        return await AuditedAsync(request.Actor, OperatorActionKind.PauseRecurringJob, reason, await jobs.PauseRecurringAsync(request.Name, reason, By(request.Actor), cancellationToken), cancellationToken);
    }

    public async Task<Result<RecurringJobView>> Handle(ResumeRecurringJobCommand request, CancellationToken cancellationToken)
    {
        var current = (await jobs.RecurringAsync(cancellationToken)).FirstOrDefault(j => j.Name == request.Name);
        if (current is { Pause: null })
        {
            return Error.Conflict("recurring.not_paused", "Cette tâche n'est pas en pause.");
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        return await AuditedAsync(request.Actor, OperatorActionKind.ResumeRecurringJob, reason, await jobs.ResumeRecurringAsync(request.Name, cancellationToken), cancellationToken);
    }

    private static string By(Actor actor) => actor.Email ?? actor.UserId;

    private async Task<Result<RecurringJobView>> AuditedAsync(Actor actor, OperatorActionKind kind, string? reason, Result<RecurringJobView> result, CancellationToken cancellationToken)
    {
        if (result.IsSuccess)
        {
            await log.RecordAsync(actor, kind, result.Value.Name, result.Value.JobId, reason, cancellationToken);
        }

        return result;
    }
}
