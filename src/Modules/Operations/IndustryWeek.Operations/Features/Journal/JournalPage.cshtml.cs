using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace IndustryWeek.Operations.Features.Journal;

/// <summary>/ops/journal: what operators did to the jobs and messages, newest first.</summary>
[Authorize(Policy = PlatformPolicies.OperationsPages)]
internal sealed class JournalPageModel(IMediator mediator) : OpsPageModel
{
    public ActionsPageDto Actions { get; private set; } = new([], 0);

    public Pagination Pagination => new(PageNumber, Actions.Total, PageRequest.DefaultSize, p => p > 1 ? $"/ops/journal?page={p}" : "/ops/journal");

    public async Task OnGetAsync(CancellationToken cancellationToken) => Actions = await mediator.Send(new GetActionsQuery(PageRequest.From(PageNumber)), cancellationToken);
}
