using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IndustryWeek.Operations.Features.Jobs;

/// <summary>/ops/taches/{id}: a job's story (cause, input, every attempt with its full exception, operators' actions); operators retry or delete it.</summary>
[Authorize(Policy = PlatformPolicies.OperationsPages)]
internal sealed class JobPageModel(IMediator mediator) : OpsPageModel
{
    public JobDetailsDto Job { get; private set; } = null!;

    public bool CanRetry => CanAct && !Job.Job.Recurring && Job.Job.State == JobState.Failed;

    public bool CanDelete => CanAct && !Job.Job.Recurring && Job.Job.State is JobState.Scheduled or JobState.Retrying or JobState.Failed;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        return await ActAsync(id, await mediator.Send(new RetryJobCommand(Actor.From(User), id), cancellationToken), "Tâche relancée : elle s'exécute dans quelques instants.", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        return await ActAsync(id, await mediator.Send(new DeleteJobCommand(Actor.From(User), id), cancellationToken), "Tâche supprimée : elle ne s'exécutera plus.", cancellationToken);
    }

    private async Task<IActionResult> ActAsync(long id, Result<JobSummary> result, string done, CancellationToken cancellationToken)
    {
        if (result.IsSuccess)
        {
            TempData["Done"] = done;
            return Redirect($"/ops/taches/{id}");
        }

        if (result.Error!.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddError(result.Error);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetJobQuery(id), cancellationToken) is not { } job)
        {
            return false;
        }

        Job = job;
        return true;
    }
}
