using IndustryWeek.Editions.Contracts;
using IndustryWeek.Editions.Persistence;
using IndustryWeek.Shared.Time;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Editions.Features.CloseDueRegistrations;

/// <summary>
/// Closes every published edition whose last registration day is over in Europe/Paris (registration
/// closes at midnight, Paris time, after its last day). Returns the years closed.
/// </summary>
internal sealed record CloseDueRegistrationsCommand : IRequest<IReadOnlyList<int>>;

internal sealed class CloseDueRegistrationsCommandHandler(EditionsDbContext db, TimeProvider time) : IRequestHandler<CloseDueRegistrationsCommand, IReadOnlyList<int>>
{
    public async Task<IReadOnlyList<int>> Handle(CloseDueRegistrationsCommand request, CancellationToken cancellationToken)
    {
        var today = time.TodayInParis();
        var published = await db.Editions.Where(e => e.Status == EditionStatus.Published).ToListAsync(cancellationToken);
        var due = published.Where(e => e.Schedule.RegistrationCloses < today).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var edition in due)
        {
            edition.Close(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return [.. due.Select(e => e.Year)];
    }
}
