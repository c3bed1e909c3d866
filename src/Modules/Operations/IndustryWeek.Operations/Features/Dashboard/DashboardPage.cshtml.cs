using System.Globalization;
using FluentValidation;
using IndustryWeek.Operations.Features.Jobs;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Outbox;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IndustryWeek.Operations.Features.Dashboard;

/// <summary>
/// /ops: what the Hangfire dashboard does not show (the modules' outbox, the journal, the kit deliveries), and
/// one search box (event, label number, correlation id) leading to the matching Hangfire job pages.
/// </summary>
[Authorize(Policy = PlatformPolicies.OperationsPages)]
internal sealed class DashboardPageModel(IMediator mediator, IOutboxOperations outbox, IJobOperations jobs) : OpsPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Recherche { get; set; }

    public OutboxCounters Outbox { get; private set; } = null!;

    /// <summary>The jobs found; null when nothing was searched.</summary>
    public JobsPageDto? Found { get; private set; }

    public Pagination Pagination => new(PageNumber, Found?.Total ?? 0, PageRequest.DefaultSize, Link);

    public string Link(int page) => "/ops" + Query(("recherche", Recherche), ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null));

    /// <summary>The found jobs the Hangfire dashboard still shows.</summary>
    public IReadOnlySet<string> OnDashboard { get; private set; } = new HashSet<string>();

    /// <summary>
    /// The job's page on the Hangfire dashboard; null for a job it does not show: never had (a Quartz-era one) or
    /// no longer has (finished jobs expire from it; their story stays in GET /api/ops/jobs/{id}).
    /// </summary>
    public static string? HangfirePage(JobDto job, IReadOnlySet<string> onDashboard)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(onDashboard);
        return job.Recurring ? $"{JobsDashboard.Path}/recurring"
            : job.HangfireJobId is { } id && onDashboard.Contains(id) ? $"{JobsDashboard.Path}/jobs/details/{Uri.EscapeDataString(id)}"
            : null;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Outbox = await outbox.CountAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(Recherche))
        {
            return;
        }

        try
        {
            Found = await mediator.Send(new SearchJobsQuery(null, Recherche.Trim(), PageRequest.From(PageNumber)), cancellationToken);
            OnDashboard = jobs.OnDashboard(Found.Items.Select(j => j.HangfireJobId).OfType<string>());
        }
        catch (ValidationException e)
        {
            ModelState.AddValidationErrors(e, _ => "recherche");
        }
    }
}
