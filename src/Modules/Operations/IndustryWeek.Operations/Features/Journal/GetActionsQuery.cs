using IndustryWeek.Operations.Domain;
using IndustryWeek.Operations.Persistence;
using IndustryWeek.Shared.Web;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Operations.Features.Journal;

internal sealed record OperatorActionDto(long Id, DateTime At, string Actor, OperatorActionKind Kind, string Target, long? JobId, string? Reason);

internal sealed record ActionsPageDto(IReadOnlyList<OperatorActionDto> Items, int Total);

/// <summary>GET /api/ops/actions?page=: the audit trail, newest first (of one job when <see cref="JobId"/> is given).</summary>
internal sealed record GetActionsQuery(PageRequest Page, long? JobId = null) : IRequest<ActionsPageDto>;

internal sealed class GetActionsQueryHandler(OperationsDbContext db) : IRequestHandler<GetActionsQuery, ActionsPageDto>
{
    public async Task<ActionsPageDto> Handle(GetActionsQuery request, CancellationToken cancellationToken)
    {
        var actions = db.Actions.AsNoTracking();
        if (request.JobId is { } jobId)
        {
            actions = actions.Where(a => a.JobId == jobId);
        }

        var total = await actions.CountAsync(cancellationToken);
        var items = await actions.OrderByDescending(a => a.Id)
            .Skip(request.Page.Skip)
            .Take(request.Page.Size)
            .ProjectToType<OperatorActionDto>(OperationsMapping.Config)
            .ToListAsync(cancellationToken);
        return new ActionsPageDto(items, total);
    }
}
