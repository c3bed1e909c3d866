using IndustryWeek.Editions.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Time;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Editions.Features.ChangeEditionStatus;

internal enum EditionTransition
{
    Publish,
    Close,
    Archive,
}

/// <summary>Publish (Draft → Published), close (→ Closed: registration over) or archive (→ Archived).</summary>
internal sealed record ChangeEditionStatusCommand(Guid Id, EditionTransition Transition) : IRequest<Result<EditionDto>>;

internal sealed class ChangeEditionStatusCommandHandler(EditionsDbContext db, TimeProvider time) : IRequestHandler<ChangeEditionStatusCommand, Result<EditionDto>>
{
    public async Task<Result<EditionDto>> Handle(ChangeEditionStatusCommand request, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Id == request.Id, cancellationToken);
        if (edition is null)
        {
            return EditionErrors.NotFound;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var refused = request.Transition switch
        {
            EditionTransition.Publish => edition.Publish(now) ?? await db.CheckSingleOpenRegistrationAsync(edition, cancellationToken),
            EditionTransition.Close => edition.Close(now),
            _ => edition.Archive(now),
        };
        refused ??= await db.TrySaveAsync(cancellationToken);
        return refused is null ? edition.ToDto(time.TodayInParis()) : refused;
    }
}
