using System.Globalization;
using IndustryWeek.Map.Domain;
using IndustryWeek.Map.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Map.Features.GetMapEvents;

internal sealed class GetMapEventsQueryHandler(MapDbContext db) : IRequestHandler<GetMapEventsQuery, FeatureCollectionDto>
{
    public async Task<FeatureCollectionDto> Handle(GetMapEventsQuery request, CancellationToken cancellationToken)
    {
        var pins = db.Pins.AsNoTracking();
        if (Guid.TryParse(request.Edition, out var editionId))
        {
            pins = pins.Where(p => p.EditionId == editionId);
        }
        else if (int.TryParse(request.Edition, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            pins = pins.Where(p => p.EditionYear == year);
        }

        if (!string.IsNullOrWhiteSpace(request.Region))
        {
            pins = pins.Where(p => p.RegionCode == request.Region);
        }

        if (!string.IsNullOrWhiteSpace(request.Department))
        {
            pins = pins.Where(p => p.DepartmentCode == request.Department);
        }

        if (!string.IsNullOrWhiteSpace(request.Format))
        {
            pins = pins.Where(p => p.Format == request.Format);
        }

        if (request.Online is { } online)
        {
            pins = pins.Where(p => p.Online == online);
        }

        var found = await pins.OrderBy(p => p.EventId).ToListAsync(cancellationToken);
        return new FeatureCollectionDto(found.Select(ToFeature).ToList());
    }

    internal static FeatureDto ToFeature(Pin pin) => new(
        pin.EventId,
        pin is { Latitude: { } lat, Longitude: { } lon } ? new PointDto([lon, lat]) : null,
        new FeaturePropertiesDto(
            pin.Title,
            pin.Format,
            pin.Audiences,
            pin.Sectors,
            pin.Sessions,
            pin.City,
            pin.DepartmentCode,
            pin.RegionCode,
            pin.OrganisationName,
            pin.Online,
            $"/evenements/{pin.EventId}"));
}
