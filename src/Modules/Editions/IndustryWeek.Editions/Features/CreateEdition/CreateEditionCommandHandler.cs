using IndustryWeek.Editions.Domain;
using IndustryWeek.Editions.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Time;
using MediatR;

namespace IndustryWeek.Editions.Features.CreateEdition;

internal sealed class CreateEditionCommandHandler(EditionsDbContext db, TimeProvider time) : IRequestHandler<CreateEditionCommand, Result<EditionDto>>
{
    public async Task<Result<EditionDto>> Handle(CreateEditionCommand request, CancellationToken cancellationToken)
    {
        var details = request.ToDetails();
        var id = Guid.NewGuid();
        if (await db.CheckUniqueAsync(id, details.Number, details.Year, cancellationToken) is { } duplicate)
        {
            return duplicate;
        }

        var edition = Edition.Create(id, details, time.GetUtcNow().UtcDateTime);
        db.Editions.Add(edition);
        if (await db.TrySaveAsync(cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return edition.ToDto(time.TodayInParis());
    }
}
