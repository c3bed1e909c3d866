using IndustryWeek.Editions.Features.GetEditions;
using IndustryWeek.Shared.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Editions.Features.ManageEditions;

[Authorize(Policy = PlatformPolicies.AdministratorPages)]
internal sealed class EditionsListPageModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<EditionDto> Editions { get; private set; } = [];

    public EditionDto? Current => Editions.FirstOrDefault(e => e.IsOpenForRegistration);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Editions = await mediator.Send(new GetEditionsQuery(IncludeDrafts: true), cancellationToken);
}
