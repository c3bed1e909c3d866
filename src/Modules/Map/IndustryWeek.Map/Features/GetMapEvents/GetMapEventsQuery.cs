using IndustryWeek.Shared.PublishedLanguage;
using MediatR;

namespace IndustryWeek.Map.Features.GetMapEvents;

/// <summary><paramref name="Edition"/> is an edition id or a year.</summary>
internal sealed record GetMapEventsQuery(string? Edition, string? Region, string? Department, string? Format, bool? Online)
    : IRequest<FeatureCollectionDto>;

// GeoJSON (RFC 7946) as API.md describes it.
internal sealed record FeatureCollectionDto(IReadOnlyList<FeatureDto> Features)
{
    public string Type { get; } = "FeatureCollection";
}

internal sealed record FeatureDto(Guid Id, PointDto? Geometry, FeaturePropertiesDto Properties)
{
    public string Type { get; } = "Feature";
}

internal sealed record PointDto(double[] Coordinates)
{
    public string Type { get; } = "Point";
}

internal sealed record FeaturePropertiesDto(
    string Title,
    string Format,
    IReadOnlyList<string> Audiences,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<EventSession> Sessions,
    string? City,
    string? DepartmentCode,
    string? RegionCode,
    string Organisation,
    bool Online,
    string Url);
