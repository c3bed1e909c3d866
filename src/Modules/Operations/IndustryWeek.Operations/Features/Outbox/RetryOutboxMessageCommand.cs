using IndustryWeek.Operations.Domain;
using IndustryWeek.Operations.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Outbox;
using IndustryWeek.Shared.Security;
using MediatR;

namespace IndustryWeek.Operations.Features.Outbox;

/// <summary>POST /api/ops/outbox/{module}/{id}/retry: a failed message gets a new round of attempts.</summary>
internal sealed record RetryOutboxMessageCommand(Actor Actor, string Module, long Id) : IRequest<Result<OutboxMessageView>>;

internal sealed class RetryOutboxMessageCommandHandler(IOutboxOperations outbox, OperatorActionLog log) : IRequestHandler<RetryOutboxMessageCommand, Result<OutboxMessageView>>
{
    public async Task<Result<OutboxMessageView>> Handle(RetryOutboxMessageCommand request, CancellationToken cancellationToken)
    {
        var result = await outbox.RetryAsync(request.Module, request.Id, cancellationToken);
        if (result.IsSuccess)
        {
            var message = result.Value;
            await log.RecordAsync(request.Actor, OperatorActionKind.RetryOutboxMessage, $"{message.Module} message {message.Id} ({message.Type})", null, null, cancellationToken);
        }

        return result;
    }
}
