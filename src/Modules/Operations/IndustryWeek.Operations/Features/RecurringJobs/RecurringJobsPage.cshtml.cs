using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IndustryWeek.Operations.Features.RecurringJobs;

/// <summary>/ops/recurrentes: each recurring job's schedule, last run and pause; operators run one now, pause it (with a reason) or resume it.</summary>
[Authorize(Policy = PlatformPolicies.OperationsPages)]
internal sealed class RecurringJobsPageModel(IJobOperations jobs, IMediator mediator) : OpsPageModel
{
    public IReadOnlyList<RecurringJobView> Jobs { get; private set; } = [];

    /// <summary>The reason typed for the job being paused, kept when the pause is refused.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The job whose pause was refused, to show its reason and error again.</summary>
    public string? Pausing { get; private set; }

    /// <summary>The id of a row's reason field, and the key of its error.</summary>
    public static string ReasonField(int index) => $"reason-{index}";

    public async Task OnGetAsync(CancellationToken cancellationToken) => Jobs = await jobs.RecurringAsync(cancellationToken);

    public async Task<IActionResult> OnPostTriggerAsync(string name, CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        return await DoneAsync(await mediator.Send(new TriggerRecurringJobCommand(Actor.From(User), name), cancellationToken), $"« {name} » s'exécute maintenant.", cancellationToken);
    }

    public async Task<IActionResult> OnPostPauseAsync(string name, CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        Jobs = await jobs.RecurringAsync(cancellationToken);
        var index = Jobs.Select(j => j.Name).ToList().IndexOf(name);
        var command = new PauseRecurringJobCommand { Actor = Actor.From(User), Name = name, Reason = Reason };
        if (await ModelState.SendFormAsync(() => mediator.Send(command, cancellationToken), _ => index < 0 ? string.Empty : ReasonField(index)) is not null)
        {
            TempData["Done"] = $"« {name} » est en pause : elle ne s'exécutera plus avant d'être reprise.";
            return Redirect("/ops/recurrentes");
        }

        Pausing = name;
        return Page();
    }

    public async Task<IActionResult> OnPostResumeAsync(string name, CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        return await DoneAsync(await mediator.Send(new ResumeRecurringJobCommand { Actor = Actor.From(User), Name = name }, cancellationToken), $"« {name} » a repris : elle s'exécute de nouveau selon sa planification.", cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(Result<RecurringJobView> result, string done, CancellationToken cancellationToken)
    {
        if (result.IsSuccess)
        {
            TempData["Done"] = done;
            return Redirect("/ops/recurrentes");
        }

        ModelState.AddError(result.Error!);
        Jobs = await jobs.RecurringAsync(cancellationToken);
        return Page();
    }
}
