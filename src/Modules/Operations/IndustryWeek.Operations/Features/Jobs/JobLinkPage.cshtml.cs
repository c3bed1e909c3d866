using IndustryWeek.Operations.Features.Dashboard;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IndustryWeek.Operations.Features.Jobs;

/// <summary>
/// /ops/taches/{id}: a job's lasting link (the journal's, the outbox's) leads to its page on the Hangfire
/// dashboard; /ops/taches?recherche= to the search on /ops.
/// </summary>
[Authorize(Policy = PlatformPolicies.OperationsPages)]
internal sealed class JobLinkPageModel(IJobOperations jobs) : OpsPageModel
{
    public async Task<IActionResult> OnGetAsync(long? id, string? recherche, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return Redirect("/ops" + Query(("recherche", recherche)));
        }

        var job = await jobs.GetAsync(id.Value, cancellationToken);
        if (job is null)
        {
            return NotFound();
        }

        var dto = job.Job.ToDto();
        var onDashboard = jobs.OnDashboard(dto.HangfireJobId is { } hangfireId ? [hangfireId] : []);
        return Redirect(DashboardPageModel.HangfirePage(dto, onDashboard) ?? "/ops" + Query(("recherche", job.Job.Key)));
    }
}
