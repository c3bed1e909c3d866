using System.Globalization;
using FluentValidation;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IndustryWeek.Operations.Features.Jobs;

/// <summary>/ops/taches: the jobs by state, searched, newest activity first; operators retry or delete a selection.</summary>
[Authorize(Policy = PlatformPolicies.OperationsPages)]
internal sealed class JobsPageModel(IMediator mediator) : OpsPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Etat { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Recherche { get; set; }

    /// <summary>The ticked jobs (POST).</summary>
    [BindProperty]
    public List<long> Selected { get; set; } = [];

    /// <summary>What the selection's button asks: Retry or Delete (POST).</summary>
    [BindProperty(Name = "operation")]
    public string? BulkAction { get; set; }

    public JobsPageDto Jobs { get; private set; } = new([], 0);

    public JobState? State => Enum.TryParse<JobState>(Etat, ignoreCase: true, out var state) && !int.TryParse(Etat, out _) ? state : null;

    /// <summary>Jobs an operator may act on, so ticked: retried when failed, deleted when not yet done.</summary>
    public static bool Selectable(JobDto job) => !job.Recurring && job.State is JobState.Failed or JobState.Scheduled or JobState.Retrying;

    public Pagination Pagination => new(PageNumber, Jobs.Total, SearchJobsQuery.PageSize, Link);

    public string Link(int page) => "/ops/taches" + Query(("etat", Etat), ("recherche", Recherche), ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null));

    /// <summary>Where the selection's form posts: this list, as it is.</summary>
    public string BulkTarget => "/ops/taches" + Query(("handler", "Bulk"), ("etat", Etat), ("recherche", Recherche), ("page", PageNumber > 1 ? PageNumber.ToString(CultureInfo.InvariantCulture) : null));

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostBulkAsync(CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        var action = BulkAction switch
        {
            "Retry" => BulkJobAction.Retry,
            "Delete" => BulkJobAction.Delete,
            _ => (BulkJobAction?)null,
        };
        if (action is null || Selected.Count == 0)
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, action is null ? "Choisissez de relancer ou de supprimer la sélection." : "Choisissez au moins une tâche.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        try
        {
            var outcome = await mediator.Send(new BulkJobsCommand { Actor = Actor.From(User), Action = action.Value, Ids = Selected }, cancellationToken);
            var verb = action == BulkJobAction.Retry ? ("tâche relancée", "tâches relancées") : ("tâche supprimée", "tâches supprimées");
            TempData["Done"] = OpsTexts.Count(outcome.Done.Count, verb.Item1, verb.Item2) + ".";
            if (outcome.Refused.Count > 0)
            {
                TempData["Refused"] = string.Join('\n', outcome.Refused);
            }
        }
        catch (ValidationException e)
        {
            ModelState.Clear();
            ModelState.AddValidationErrors(e, _ => string.Empty);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect(Link(PageNumber));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Jobs = await mediator.Send(new SearchJobsQuery(string.IsNullOrEmpty(Etat) ? null : Etat, string.IsNullOrWhiteSpace(Recherche) ? null : Recherche.Trim(), PageNumber), cancellationToken);
        }
        catch (ValidationException e)
        {
            ModelState.AddValidationErrors(e, _ => string.Empty);
        }
    }
}
