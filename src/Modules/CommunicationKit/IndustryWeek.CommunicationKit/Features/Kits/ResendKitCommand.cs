using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.CommunicationKit.Jobs;
using IndustryWeek.CommunicationKit.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Time;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.CommunicationKit.Features.Kits;

/// <summary>Mails the kit again: the organiser within <see cref="ResendPolicy"/>, an administrator any time.</summary>
internal sealed record ResendKitCommand(Actor Actor, Guid EventId) : IRequest<Result<KitDeliveryDto>>;

internal sealed class ResendKitCommandHandler(CommunicationKitDbContext db, KitAccess access, KitDeliveries deliveries, TimeProvider time) :
    IRequestHandler<ResendKitCommand, Result<KitDeliveryDto>>
{
    public async Task<Result<KitDeliveryDto>> Handle(ResendKitCommand request, CancellationToken cancellationToken)
    {
        var found = await access.FindAsync(request.Actor, request.EventId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var kit = found.Value;
        if (kit.State == KitState.Withdrawn)
        {
            return Error.BusinessRule("kit.withdrawn", $"Ce kit ne peut plus être envoyé : {kit.WithdrawnReason}");
        }

        var existing = await db.Deliveries.AsNoTracking().Where(d => d.EventId == kit.EventId).ToListAsync(cancellationToken);
        if (existing.Any(d => d.Status == DeliveryStatus.Queued || (d.Status == DeliveryStatus.Failed && d.WillRetry)))
        {
            return Error.Conflict("kit.delivery_in_progress", "Un envoi de ce kit est déjà en cours : il partira dès que possible, inutile d'en demander un autre.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var resends = existing.Where(d => d.Reason == DeliveryReason.Resend).ToList();
        if (!request.Actor.IsAdministrator && ResendPolicy.NextAllowedUtc(resends.Select(d => d.QueuedAtUtc), now) is { } next)
        {
            var at = ParisTime.FromUtc(next);
            var when = DateOnly.FromDateTime(at) == DateOnly.FromDateTime(ParisTime.FromUtc(now))
                ? $"à partir de {ParisTime.FormatTime(TimeOnly.FromDateTime(at))}"
                : $"à partir du {ParisTime.FormatDate(DateOnly.FromDateTime(at))} à {ParisTime.FormatTime(TimeOnly.FromDateTime(at))}";
            return Error.TooManyRequests("kit.resend_too_soon", $"Le kit vient d'être renvoyé : vous pourrez demander un nouvel envoi {when} (cinq envois par jour au plus, espacés de dix minutes).");
        }

        kit.Touch(now); // two resends at once: the second is a concurrency conflict, not a second mail
        try
        {
            var delivery = await deliveries.QueueAsync(kit, KitDelivery.ResendKey(resends.Count + 1), DeliveryReason.Resend, request.Actor.Email ?? request.Actor.UserId, cancellationToken);
            return delivery.Adapt<KitDeliveryDto>(CommunicationKitMapping.Config);
        }
        catch (DbUpdateException)
        {
            return Error.Conflict("kit.concurrent_resend", "Un nouvel envoi vient déjà d'être demandé pour ce kit.");
        }
    }
}
