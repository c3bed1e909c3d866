using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.CommunicationKit.Persistence;
using IndustryWeek.Shared.Web;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.CommunicationKit.Features.Kits;

/// <param name="Status">Queued, Sent, Failed, Cancelled; « Problems » for failed and waiting ones; null for all.</param>
/// <param name="Search">A label number or a recipient address (part of), or an event id.</param>
internal sealed record GetDeliveriesQuery(string? Status, string? Search, PageRequest Page) : IRequest<DeliveriesPage>;

internal sealed record DeliveriesPage(IReadOnlyList<KitDeliveryDto> Items, int Total, int Page, int PageSize);

/// <summary>Every kit mail, for administrators and operators: newest change first.</summary>
internal sealed class GetDeliveriesQueryHandler(CommunicationKitDbContext db) : IRequestHandler<GetDeliveriesQuery, DeliveriesPage>
{
    public const string Problems = "Problems";

    public async Task<DeliveriesPage> Handle(GetDeliveriesQuery request, CancellationToken cancellationToken)
    {
        var query = db.Deliveries.AsNoTracking();
        if (request.Status == Problems)
        {
            query = query.Where(d => d.Status == DeliveryStatus.Failed || d.Status == DeliveryStatus.Queued);
        }
        else if (Enum.TryParse<DeliveryStatus>(request.Status, ignoreCase: true, out var status))
        {
            query = query.Where(d => d.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var search = request.Search.Trim();
            var labelNumber = search.ToUpperInvariant(); // label numbers are stored upper-case: « SDI-2027-000123 »
            query = Guid.TryParse(search, out var eventId)
                ? query.Where(d => d.EventId == eventId)
                : query.Where(d => d.LabelNumber.Contains(labelNumber) || d.RecipientEmail.Contains(search));
        }

        var page = request.Page;
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(d => d.UpdatedAtUtc).ThenBy(d => d.EventId).ThenBy(d => d.Key)
            .Skip(page.Skip).Take(page.Size).ProjectToType<KitDeliveryDto>(CommunicationKitMapping.Config).ToListAsync(cancellationToken);
        return new DeliveriesPage(items, total, page.Number, page.Size);
    }
}
