using IndustryWeek.Registration.Features.Events;
using IndustryWeek.Shared.Domain;
using MediatR;

namespace IndustryWeek.Registration.Features.WithdrawEvent;

/// <summary>POST /api/events/{id}/withdraw: the organiser gives up an event before it is labelled.</summary>
internal sealed record WithdrawEventCommand(Guid EventId, string UserId, string? UserEmail) : IRequest<Result<EventDto>>;

internal sealed class WithdrawEventCommandHandler(EventAccess access, TimeProvider time) : IRequestHandler<WithdrawEventCommand, Result<EventDto>>
{
    public async Task<Result<EventDto>> Handle(WithdrawEventCommand request, CancellationToken cancellationToken)
    {
        var found = await access.FindAsync(request.UserId, request.UserEmail, request.EventId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (withdrawn, organiser) = found.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var result = withdrawn.Withdraw(organiser, now);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        return await access.SaveAsync(cancellationToken) is { } conflict ? conflict : withdrawn.ToDto(now);
    }
}
