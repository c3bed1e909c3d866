using IndustryWeek.Editions.Features.GetEditions;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Editions.Features.Home;

/// <summary>`/`: the edition open for registration (name, theme, dates, deadline), the call to register an event, and the map.</summary>
[AllowAnonymous]
internal sealed class HomePageModel(IMediator mediator) : PageModel
{
    /// <summary>The edition open for registration today, if any.</summary>
    public EditionDto? Open { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Open = await mediator.Send(new GetCurrentEditionQuery(), cancellationToken);
}
