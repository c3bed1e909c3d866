using IndustryWeek.Registration.Features.Events;
using IndustryWeek.Registration.Features.GetEvents;
using IndustryWeek.Registration.Features.MyOrganisation;
using IndustryWeek.Shared.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Registration.Features.OrganiserSpace;

/// <summary>The organiser space's home: the organisation's events, where each stands, what to do next.</summary>
[Authorize(Policy = PlatformPolicies.OrganiserPages)]
internal sealed class EventsDashboardPageModel(IMediator mediator) : PageModel
{
    public OrganisationDto? Organisation { get; private set; }

    public EventEditionDto? Edition { get; private set; }

    public IReadOnlyList<EventDto> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = Actor.From(User).UserId;
        Organisation = await mediator.Send(new GetMyOrganisationQuery(userId), cancellationToken);
        Edition = await mediator.Send(new GetEventEditionQuery(), cancellationToken);
        Events = await mediator.Send(new GetEventsQuery(userId), cancellationToken);
    }
}
