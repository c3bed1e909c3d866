using System.Text.Json.Serialization;
using FluentValidation;
using IndustryWeek.Registration.Features.Events;
using IndustryWeek.Shared.Domain;
using MediatR;

namespace IndustryWeek.Registration.Features.CancelEvent;

/// <summary>POST /api/events/{id}/cancel `{reason}`: a labelled event will not take place; it leaves the map.</summary>
internal sealed record CancelEventCommand : IRequest<Result<EventDto>>
{
    [JsonIgnore]
    public Guid EventId { get; init; }

    [JsonIgnore]
    public string UserId { get; init; } = "";

    [JsonIgnore]
    public string? UserEmail { get; init; }

    public string? Reason { get; init; }
}

internal sealed class CancelEventValidator : AbstractValidator<CancelEventCommand>
{
    public CancelEventValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Indiquez pourquoi l'événement est annulé.")
            .Length(5, 1000).WithMessage("Le motif compte de 5 à 1 000 caractères.");
}

internal sealed class CancelEventCommandHandler(EventAccess access, TimeProvider time) : IRequestHandler<CancelEventCommand, Result<EventDto>>
{
    public async Task<Result<EventDto>> Handle(CancelEventCommand request, CancellationToken cancellationToken)
    {
        var found = await access.FindAsync(request.UserId, request.UserEmail, request.EventId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (cancelled, organiser) = found.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var result = cancelled.Cancel(request.Reason!.Trim(), organiser, now);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        return await access.SaveAsync(cancellationToken) is { } conflict ? conflict : cancelled.ToDto(now);
    }
}
