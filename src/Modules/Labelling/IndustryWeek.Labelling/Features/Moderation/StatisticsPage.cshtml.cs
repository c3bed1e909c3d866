using IndustryWeek.Labelling.Features.Statistics;
using IndustryWeek.Shared.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Labelling.Features.Moderation;

/// <summary>The moderator's statistics (their regions; all for an administrator), and the CSV export.</summary>
[Authorize(Policy = PlatformPolicies.ModeratorPages)]
internal sealed class StatisticsPageModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public StatisticsDto Statistics { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Statistics = await mediator.Send(new GetStatisticsQuery(Actor.From(User), Year), cancellationToken);
}
