using IndustryWeek.Editions.Contracts;
using IndustryWeek.Editions.Persistence;
using IndustryWeek.Shared.Time;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Editions.Features.GetEditions;

/// <summary>Editions, newest first; drafts only for administrators. <paramref name="Id"/> narrows to one.</summary>
internal sealed record GetEditionsQuery(bool IncludeDrafts, Guid? Id = null) : IRequest<IReadOnlyList<EditionDto>>;

/// <summary>The edition open for registration today (Europe/Paris), if any.</summary>
internal sealed record GetCurrentEditionQuery : IRequest<EditionDto?>;

internal sealed class GetEditionsQueryHandler(EditionsDbContext db, TimeProvider time)
    : IRequestHandler<GetEditionsQuery, IReadOnlyList<EditionDto>>, IRequestHandler<GetCurrentEditionQuery, EditionDto?>
{
    public async Task<IReadOnlyList<EditionDto>> Handle(GetEditionsQuery request, CancellationToken cancellationToken)
    {
        var editions = db.Editions.AsNoTracking();
        if (!request.IncludeDrafts)
        {
            editions = editions.Where(e => e.Status != EditionStatus.Draft);
        }

        if (request.Id is { } id)
        {
            editions = editions.Where(e => e.Id == id);
        }

        var today = time.TodayInParis();
        return [.. (await editions.OrderByDescending(e => e.Year).ToListAsync(cancellationToken)).Select(e => e.ToDto(today))];
    }

    public async Task<EditionDto?> Handle(GetCurrentEditionQuery request, CancellationToken cancellationToken)
    {
        var today = time.TodayInParis();
        var published = await db.Editions.AsNoTracking().Where(e => e.Status == EditionStatus.Published).ToListAsync(cancellationToken);
        return published.FirstOrDefault(e => e.IsOpenForRegistration(today))?.ToDto(today);
    }
}
