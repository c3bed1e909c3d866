using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Security;
using Microsoft.AspNetCore.Authorization;

namespace IndustryWeek.Operations.Features.Nodes;

/// <summary>/ops/noeuds: the hosts that run jobs and their last sign of life.</summary>
[Authorize(Policy = PlatformPolicies.OperationsPages)]
internal sealed class NodesPageModel(IJobOperations jobs) : OpsPageModel
{
    public IReadOnlyList<JobNode> Nodes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Nodes = await jobs.NodesAsync(cancellationToken);
}
