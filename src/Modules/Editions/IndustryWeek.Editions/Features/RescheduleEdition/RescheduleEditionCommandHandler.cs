using IndustryWeek.Editions.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Time;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Editions.Features.RescheduleEdition;

internal sealed class RescheduleEditionCommandHandler(EditionsDbContext db, TimeProvider time) : IRequestHandler<RescheduleEditionCommand, Result<EditionDto>>
{
    public async Task<Result<EditionDto>> Handle(RescheduleEditionCommand request, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Id == request.Id, cancellationToken);
        if (edition is null)
        {
            return EditionErrors.NotFound;
        }

        var refused = edition.Reschedule(request.ToSchedule(), request.Reason!.Trim(), request.ChangedBy, time.GetUtcNow().UtcDateTime)
            ?? await db.CheckSingleOpenRegistrationAsync(edition, cancellationToken)
            ?? await db.TrySaveAsync(cancellationToken);
        return refused is null ? edition.ToDto(time.TodayInParis()) : refused;
    }
}
