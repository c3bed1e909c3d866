using FluentValidation;
using IndustryWeek.Shared.Outbox;
using IndustryWeek.Shared.Web;
using Mapster;
using MediatR;

namespace IndustryWeek.Operations.Features.Outbox;

internal sealed record OutboxMessageDto(string Module, long Id, Guid MessageId, string Type, DateTime OccurredAt, int Attempts, DateTime NextAttemptAt, DateTime? FailedAt, string? LastError, string? CorrelationId);

internal sealed record OutboxPageDto(IReadOnlyList<OutboxMessageDto> Items, int Total);

/// <summary>GET /api/ops/outbox?state=Pending|Failed&amp;page=: every module's messages in that state, oldest first.</summary>
internal sealed record ListOutboxQuery(string? State, PageRequest Page) : IRequest<OutboxPageDto>
{
    public OutboxState ParsedState => Enum.TryParse<OutboxState>(State, ignoreCase: true, out var state) ? state : OutboxState.Pending;
}

internal sealed class ListOutboxValidator : AbstractValidator<ListOutboxQuery>
{
    public ListOutboxValidator()
    {
        RuleFor(q => q.State).Must(s => string.IsNullOrEmpty(s) || (Enum.TryParse<OutboxState>(s, ignoreCase: true, out _) && !int.TryParse(s, out _)))
            .WithMessage("L'état est Pending ou Failed.");
    }
}

internal sealed class ListOutboxQueryHandler(IOutboxOperations outbox) : IRequestHandler<ListOutboxQuery, OutboxPageDto>
{
    public async Task<OutboxPageDto> Handle(ListOutboxQuery request, CancellationToken cancellationToken)
    {
        var page = await outbox.ListAsync(request.ParsedState, request.Page, cancellationToken);
        return new OutboxPageDto(page.Items.Adapt<List<OutboxMessageDto>>(OperationsMapping.Config), page.Total);
    }
}
