using System.Text.Json.Serialization;
using FluentValidation;
using IndustryWeek.Registration.Features.Events;
using IndustryWeek.Shared.Domain;
using MediatR;

namespace IndustryWeek.Registration.Features.UpdateEvent;

/// <summary>
/// PUT /api/events/{id}: the organiser changes the event. A labelled event whose dates, place, price or
/// audiences change goes back to review, keeping its label until the moderator decides.
/// </summary>
internal sealed record UpdateEventCommand : EventFields, IRequest<Result<EventDto>>
{
    [JsonIgnore]
    public Guid EventId { get; init; }

    [JsonIgnore]
    public string UserId { get; init; } = "";

    [JsonIgnore]
    public string? UserEmail { get; init; }

    /// <summary>Optional: the revision the organiser read; a different current one is a conflict (409).</summary>
    public int? Revision { get; init; }
}

internal sealed class UpdateEventValidator : AbstractValidator<UpdateEventCommand>
{
    public UpdateEventValidator() => Include(new EventFieldsValidator());
}

internal sealed class UpdateEventCommandHandler(EventAccess access, EventDetailsFactory factory, TimeProvider time)
    : IRequestHandler<UpdateEventCommand, Result<EventDto>>
{
    public async Task<Result<EventDto>> Handle(UpdateEventCommand request, CancellationToken cancellationToken)
    {
        var found = await access.FindAsync(request.UserId, request.UserEmail, request.EventId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (updated, organiser) = found.Value;
        if (request.Revision is { } revision && revision != updated.Revision)
        {
            return Error.Conflict("event.stale", "Cet événement a été modifié depuis que vous l'avez ouvert : rechargez-le puis recommencez.");
        }

        var details = factory.Build(request, await access.EditionOfAsync(updated, cancellationToken));
        var now = time.GetUtcNow().UtcDateTime;
        var result = updated.Update(details, organiser, now);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        return await access.SaveAsync(cancellationToken) is { } conflict ? conflict : updated.ToDto(now);
    }
}
