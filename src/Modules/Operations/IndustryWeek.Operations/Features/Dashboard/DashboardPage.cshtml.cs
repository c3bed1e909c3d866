using MediatR;
using Microsoft.AspNetCore.Authorization;
using IndustryWeek.Shared.Security;

namespace IndustryWeek.Operations.Features.Dashboard;

/// <summary>/ops: the counters, the last day's and week's runs, the recurring jobs and the scheduler's nodes.</summary>
[Authorize(Policy = PlatformPolicies.OperationsPages)]
internal sealed class DashboardPageModel(IMediator mediator) : OpsPageModel
{
    public DashboardView View { get; private set; } = null!;

    public ActivityChart LastDay { get; private set; } = null!;

    public ActivityChart LastWeek { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        View = await mediator.Send(new GetDashboardQuery(), cancellationToken);
        LastDay = ActivityChart.ByHour(View.LastDay);
        LastWeek = ActivityChart.ByDay(View.LastWeek);
    }
}
