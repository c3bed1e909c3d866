using IndustryWeek.CommunicationKit.Content;
using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.CommunicationKit.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Security;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.CommunicationKit.Features.Kits;

internal sealed record GetKitQuery(Actor Actor, Guid EventId) : IRequest<Result<KitDto>>;

internal sealed record KitFile(string FileName, byte[] Content);

internal sealed record DownloadKitQuery(Actor Actor, Guid EventId) : IRequest<Result<KitFile>>;

internal sealed class KitQueryHandlers(CommunicationKitDbContext db, KitAccess access, TimeProvider time) :
    IRequestHandler<GetKitQuery, Result<KitDto>>,
    IRequestHandler<DownloadKitQuery, Result<KitFile>>
{
    public static readonly Error NotYetSent = Error.NotFound("kit.not_sent", "Le kit de communication n'a pas encore été envoyé : il est en préparation.");

    public async Task<Result<KitDto>> Handle(GetKitQuery request, CancellationToken cancellationToken)
    {
        var found = await access.FindAsync(request.Actor, request.EventId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var kit = found.Value;
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.EventId == kit.EventId).ToListAsync(cancellationToken);
        var resends = deliveries.Where(d => d.Reason == DeliveryReason.Resend).Select(d => d.QueuedAtUtc);
        return new KitDto(
            kit.EventId,
            kit.Event.Title,
            kit.Organiser.OrganisationName,
            kit.LabelNumber,
            kit.LabelVersion,
            kit.State.ToString(),
            kit.WithdrawnReason,
            Downloadable(kit, deliveries),
            request.Actor.IsAdministrator ? null : ResendPolicy.NextAllowedUtc(resends, time.GetUtcNow().UtcDateTime),
            [.. deliveries.OrderByDescending(d => d.QueuedAtUtc).ThenByDescending(d => d.Key, StringComparer.Ordinal).Select(d => d.Adapt<KitDeliveryDto>(CommunicationKitMapping.Config))]);
    }

    public async Task<Result<KitFile>> Handle(DownloadKitQuery request, CancellationToken cancellationToken)
    {
        var found = await access.FindAsync(request.Actor, request.EventId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var kit = found.Value;
        if (kit.State == KitState.Withdrawn)
        {
            return Error.NotFound("kit.withdrawn", $"Ce kit n'est plus disponible : {kit.WithdrawnReason}");
        }

        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.EventId == kit.EventId && d.Status == DeliveryStatus.Sent).ToListAsync(cancellationToken);
        var archive = await db.Archives.AsNoTracking().FirstOrDefaultAsync(a => a.EventId == kit.EventId, cancellationToken);
        return Downloadable(kit, deliveries) && archive is not null
            ? new KitFile(BuiltKit.ZipFileName(kit.LabelNumber), archive.Content)
            : NotYetSent;
    }

    /// <summary>API.md: the zip is there once the current label's kit has been sent.</summary>
    private static bool Downloadable(Kit kit, IEnumerable<KitDelivery> deliveries) =>
        kit.State == KitState.Active && deliveries.Any(d => d.Status == DeliveryStatus.Sent && d.LabelVersion == kit.LabelVersion);
}
