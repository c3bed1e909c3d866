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
internal sealed class DashboardPageModel(IMediator mediator, IOutboxOperations outbox) : OpsPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Recherche { get; set; }

    public OutboxCounters Outbox { get; private set; } = null!;

    /// <summary>The jobs found; null when nothing was searched.</summary>
    public JobsPageDto? Found { get; private set; }

    public Pagination Pagination => new(PageNumber, Found?.Total ?? 0, SearchJobsQuery.PageSize, Link);

    public string Link(int page) => "/ops" + Query(("recherche", Recherche), ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null));

    /// <summary>The job's page on the Hangfire dashboard; null for a job Hangfire never had (a Quartz-era one).</summary>
    public static string? HangfirePage(JobDto job) =>
        job.Recurring ? $"{JobsDashboard.Path}/recurring" : job.HangfireJobId is { } id ? $"{JobsDashboard.Path}/jobs/details/{Uri.EscapeDataString(id)}" : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Outbox = await outbox.CountAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(Recherche))
        {
            return;
        }

        try
        {
            Found = await mediator.Send(new SearchJobsQuery(null, Recherche.Trim(), PageNumber), cancellationToken);
        }
        catch (ValidationException e)
        {
            ModelState.AddValidationErrors(e, _ => "recherche");
        }
    }
}
