using System.Text.Json.Serialization;
using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Registration.Features.Events;
using IndustryWeek.Registration.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Time;
using MediatR;

namespace IndustryWeek.Registration.Features.ReconductEvent;

/// <summary>
/// POST /api/events/{id}/reconduct `{editionId?}` (« reconduire »): the event again, in the current (or
/// given) edition, as a new draft. Sessions move by whole weeks with the headline week, so a Tuesday
/// visit stays a Tuesday visit; focus topics the new edition does not have are dropped.
/// </summary>
internal sealed record ReconductEventCommand : IRequest<Result<EventDto>>
{
    [JsonIgnore]
    public Guid EventId { get; init; }

    [JsonIgnore]
    public string UserId { get; init; } = "";

    [JsonIgnore]
    public string? UserEmail { get; init; }

    public Guid? EditionId { get; init; }
}

internal sealed class ReconductEventCommandHandler(RegistrationDbContext db, EventAccess access, TimeProvider time)
    : IRequestHandler<ReconductEventCommand, Result<EventDto>>
{
    public async Task<Result<EventDto>> Handle(ReconductEventCommand request, CancellationToken cancellationToken)
    {
        var found = await access.FindAsync(request.UserId, request.UserEmail, request.EventId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (source, organiser) = found.Value;
        var target = request.EditionId is { } editionId
            ? await db.Editions.FindAsync([editionId], cancellationToken)
            : await access.CurrentEditionAsync(time.TodayInParis(), cancellationToken);
        if (target is null || !target.AcceptsEvents)
        {
            return Error.BusinessRule("event.no_edition", "Aucune édition n'accepte d'événements pour l'instant : l'événement ne peut pas être reconduit.");
        }

        if (target.Id == source.EditionId)
        {
            return Error.BusinessRule("event.same_edition", $"Cet événement est déjà un événement de l'édition {target.Year}.");
        }

        var sourceEdition = await access.EditionOfAsync(source, cancellationToken);
        var days = target.Snapshot.Schedule.HeadlineWeek.Start.DayNumber - sourceEdition.Snapshot.Schedule.HeadlineWeek.Start.DayNumber;
        var shift = TimeSpan.FromDays(7 * Math.Round(days / 7.0));
        var details = source.Details with
        {
            Sessions = [.. source.Details.Sessions.Select(s => new EventSession(Existing(s.Start + shift), Existing(s.End + shift)))],
            Topics = [.. source.Details.Topics.Where(t => target.Snapshot.FocusTopics.Contains(t, StringComparer.Ordinal))],
        };

        var now = time.GetUtcNow().UtcDateTime;
        var copy = Event.Create(target.Id, target.Year, details, organiser, now, reconductedFromId: source.Id);
        var period = target.EligiblePeriodFor(copy.RegionCode);
        copy.FlagOutsideSchedule(period, now, $"Reconduit de l'édition {source.EditionYear} : {EventDetailsFactory.OutsidePeriod(target, copy.RegionCode, period)} Modifiez les dates.");
        db.Events.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        return copy.ToDto(now);
    }

    /// <summary>A time moved into a spring-forward gap becomes the hour after.</summary>
    private static DateTime Existing(DateTime parisLocal) => SessionRules.Exists(parisLocal) ? parisLocal : parisLocal.AddHours(1);
}
