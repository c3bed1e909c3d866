using System.Text.Json.Serialization;
using FluentValidation;
using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Registration.Features.Events;
using IndustryWeek.Registration.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Time;
using MediatR;

namespace IndustryWeek.Registration.Features.CreateEvent;

/// <summary>POST /api/events: a new draft, in the given edition or the current one.</summary>
internal sealed record CreateEventCommand : EventFields, IRequest<Result<EventDto>>
{
    [JsonIgnore]
    public string UserId { get; init; } = "";

    [JsonIgnore]
    public string? UserEmail { get; init; }

    /// <summary>Optional: the edition open for registration (or the next one) otherwise.</summary>
    public Guid? EditionId { get; init; }

    /// <summary>The partner's reference of an event created by the bulk import (never read from the API's JSON).</summary>
    [JsonIgnore]
    public string? ExternalId { get; init; }
}

internal sealed class CreateEventValidator : AbstractValidator<CreateEventCommand>
{
    public CreateEventValidator()
    {
        Include(new EventFieldsValidator());
        RuleFor(c => c.ExternalId).MaximumLength(Event.MaxExternalId).WithMessage($"La référence externe ne dépasse pas {Event.MaxExternalId} caractères.")
            .Must(EventFieldsValidator.SingleLine).WithMessage("La référence externe tient sur une ligne, sans caractère de contrôle.");
    }
}

internal sealed class CreateEventCommandHandler(RegistrationDbContext db, EventAccess access, EventDetailsFactory factory, TimeProvider time)
    : IRequestHandler<CreateEventCommand, Result<EventDto>>
{
    public async Task<Result<EventDto>> Handle(CreateEventCommand request, CancellationToken cancellationToken)
    {
        var organiser = await access.OrganiserAsync(request.UserId, request.UserEmail, cancellationToken);
        if (organiser is null)
        {
            return EventAccess.NoOrganisation;
        }

        var edition = request.EditionId is { } editionId
            ? await db.Editions.FindAsync([editionId], cancellationToken)
            : await access.CurrentEditionAsync(time.TodayInParis(), cancellationToken);
        if (edition is null || !edition.AcceptsEvents)
        {
            return Error.BusinessRule("event.no_edition", request.EditionId is null
                ? "Aucune édition de la Semaine de l'industrie n'accepte d'événements pour l'instant."
                : "Cette édition n'existe pas ou n'accepte plus d'événements.");
        }

        var details = factory.Build(request, edition);
        var now = time.GetUtcNow().UtcDateTime;
        var created = Event.Create(edition.Id, edition.Year, details, organiser, now, externalId: request.ExternalId);
        db.Events.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        return created.ToDto(now);
    }
}
