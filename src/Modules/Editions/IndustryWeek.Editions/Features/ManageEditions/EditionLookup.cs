using IndustryWeek.Editions.Features.GetEditions;
using MediatR;

namespace IndustryWeek.Editions.Features.ManageEditions;

internal static class EditionLookup
{
    /// <summary>The edition as an administrator sees it (drafts included), or null.</summary>
    public static async Task<EditionDto?> FindEditionAsync(this IMediator mediator, Guid id, CancellationToken cancellationToken) =>
        (await mediator.Send(new GetEditionsQuery(IncludeDrafts: true, id), cancellationToken)).SingleOrDefault();
}
