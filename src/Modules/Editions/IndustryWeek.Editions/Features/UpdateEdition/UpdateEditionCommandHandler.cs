using IndustryWeek.Editions.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Time;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Editions.Features.UpdateEdition;

internal sealed class UpdateEditionCommandHandler(EditionsDbContext db, TimeProvider time) : IRequestHandler<UpdateEditionCommand, Result<EditionDto>>
{
    public async Task<Result<EditionDto>> Handle(UpdateEditionCommand request, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Id == request.Id, cancellationToken);
        if (edition is null)
        {
            return EditionErrors.NotFound;
        }

        var details = request.ToDetails();
        var refused = await db.CheckUniqueAsync(edition.Id, details.Number, details.Year, cancellationToken)
            ?? edition.Update(details, time.GetUtcNow().UtcDateTime)
            ?? await db.CheckSingleOpenRegistrationAsync(edition, cancellationToken)
            ?? await db.TrySaveAsync(cancellationToken);
        return refused is null ? edition.ToDto(time.TodayInParis()) : refused;
    }
}
