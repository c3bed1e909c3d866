using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Labelling.Features.EditionDashboard;

/// <summary>The administrators' view of one edition: its tables drawn as bar charts, each with its CSV file.</summary>
[Authorize(Policy = PlatformPolicies.AdministratorPages)]
internal sealed class EditionDashboardPageModel(IMediator mediator) : PageModel
{
    public EditionDashboardDto Dashboard { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetEditionDashboardQuery(id), cancellationToken) is not { } dashboard)
        {
            return NotFound();
        }

        Dashboard = dashboard;
        return Page();
    }

    public BarChart Chart(string slug)
    {
        var table = Dashboard.Table(slug);
        return BarChart.Create($"tableau-{table.Slug}", table.Title, table.Label, table.Columns,
            [.. table.Rows.Select(r => new BarChartCategory(r.Label, r.Name, r.Values))],
            $"/admin/editions/{Dashboard.EditionId}/tableau-de-bord/{table.Slug}.csv");
    }
}
