using IndustryWeek.Shared.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Labelling.Features.EditionDashboard;

/// <summary>
/// One table of the edition's dashboard as a CSV file. A page rather than an API endpoint: it is a link of the
/// dashboard, behind the same cookie sign-in (redirected to /connexion, the French 403 and 404 pages).
/// </summary>
[Authorize(Policy = PlatformPolicies.AdministratorPages)]
internal sealed class EditionDashboardCsvPageModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string table, CancellationToken cancellationToken)
    {
        var dashboard = await mediator.Send(new GetEditionDashboardQuery(id), cancellationToken);
        var found = dashboard?.Tables.FirstOrDefault(t => string.Equals(t.Slug, table, StringComparison.Ordinal));
        return dashboard is null || found is null
            ? NotFound()
            : File(DashboardCsv.Write(found), "text/csv; charset=utf-8", $"tableau-de-bord-{dashboard.Year}-{found.Slug}.csv");
    }
}
