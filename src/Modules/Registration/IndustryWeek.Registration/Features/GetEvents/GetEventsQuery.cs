using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Registration.Features.Events;
using IndustryWeek.Registration.Persistence;
using IndustryWeek.Shared.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Registration.Features.GetEvents;

/// <summary>GET /api/events: the organisation's events, newest edition first, then by first session.</summary>
internal sealed record GetEventsQuery(string UserId, Guid? EditionId = null, string? Status = null) : IRequest<IReadOnlyList<EventDto>>;

/// <summary>GET /api/events/{id}.</summary>
internal sealed record GetEventQuery(string UserId, Guid EventId) : IRequest<Result<EventDto>>;

internal sealed class GetEventsQueryHandler(RegistrationDbContext db, EventAccess access, TimeProvider time)
    : IRequestHandler<GetEventsQuery, IReadOnlyList<EventDto>>, IRequestHandler<GetEventQuery, Result<EventDto>>
{
    public async Task<IReadOnlyList<EventDto>> Handle(GetEventsQuery request, CancellationToken cancellationToken)
    {
        var organiser = await access.OrganiserAsync(request.UserId, null, cancellationToken);
        if (organiser is null)
        {
            return [];
        }

        var events = db.Events.AsNoTracking().Where(e => e.OrganisationId == organiser.OrganisationId);
        if (request.EditionId is { } editionId)
        {
            events = events.Where(e => e.EditionId == editionId);
        }

        if (EventVocabulary.TryParse<EventStatus>(request.Status, out var status))
        {
            events = events.Where(e => e.Status == status);
        }

        var now = time.GetUtcNow().UtcDateTime;
        return [.. (await events.OrderByDescending(e => e.EditionYear).ThenBy(e => e.FirstSessionStart).ThenBy(e => e.Title).ToListAsync(cancellationToken)).Select(e => e.ToDto(now))];
    }

    public async Task<Result<EventDto>> Handle(GetEventQuery request, CancellationToken cancellationToken)
    {
        var found = await access.FindAsync(request.UserId, null, request.EventId, cancellationToken);
        return found.IsSuccess ? found.Value.Event.ToDto(time.GetUtcNow().UtcDateTime) : found.Error!;
    }
}
