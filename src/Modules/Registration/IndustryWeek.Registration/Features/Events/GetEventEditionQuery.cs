using IndustryWeek.Registration.Persistence;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Time;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Registration.Features.Events;

/// <summary>What the event form says of an edition: its name, periods and focus topics.</summary>
internal sealed record EventEditionDto(Guid Id, int Year, string Name, DatePeriod EventPeriod, IReadOnlyList<RegionalPeriod> RegionalPeriods, DateOnly RegistrationCloses, bool RegistrationOpen, IReadOnlyList<string> FocusTopics);

/// <summary>The given edition, or the one new events go to (null when none accepts events).</summary>
internal sealed record GetEventEditionQuery(Guid? EditionId = null) : IRequest<EventEditionDto?>;

internal sealed class GetEventEditionQueryHandler(RegistrationDbContext db, EventAccess access, TimeProvider time) : IRequestHandler<GetEventEditionQuery, EventEditionDto?>
{
    public async Task<EventEditionDto?> Handle(GetEventEditionQuery request, CancellationToken cancellationToken)
    {
        var today = time.TodayInParis();
        var edition = request.EditionId is { } id
            ? await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
            : await access.CurrentEditionAsync(today, cancellationToken);
        return edition is null
            ? null
            : new EventEditionDto(edition.Id, edition.Year, edition.Snapshot.Name, edition.Snapshot.Schedule.EventPeriod, edition.Snapshot.Schedule.RegionalPeriods,
                edition.Snapshot.Schedule.RegistrationCloses, edition.IsOpenForRegistration(today), edition.Snapshot.FocusTopics);
    }
}
