using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Registration.Features.Events;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Time;
using MediatR;

namespace IndustryWeek.Registration.Features.SubmitEvent;

/// <summary>POST /api/events/{id}/submit: to the moderators, while the edition's registration is open.</summary>
internal sealed record SubmitEventCommand(Guid EventId, string UserId, string? UserEmail) : IRequest<Result<EventDto>>;

internal sealed class SubmitEventCommandHandler(EventAccess access, TimeProvider time) : IRequestHandler<SubmitEventCommand, Result<EventDto>>
{
    public async Task<Result<EventDto>> Handle(SubmitEventCommand request, CancellationToken cancellationToken)
    {
        var found = await access.FindAsync(request.UserId, request.UserEmail, request.EventId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (submitted, organiser) = found.Value;
        var edition = await access.EditionOfAsync(submitted, cancellationToken);

        // The edition may have moved since the event was written (a rescheduling, a reconduction).
        var period = edition.EligiblePeriodFor(submitted.RegionCode);
        if (submitted.CanBeSubmitted && !submitted.Details.Sessions.All(s => s.FallsWithin(period)))
        {
            return Error.BusinessRule("event.outside_period", EventDetailsFactory.OutsidePeriod(edition, submitted.RegionCode, period) + " Modifiez les dates avant de soumettre.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var result = submitted.Submit(organiser, edition.IsOpenForRegistration(time.TodayInParis()), now);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        return await access.SaveAsync(cancellationToken) is { } conflict ? conflict : submitted.ToDto(now);
    }
}
