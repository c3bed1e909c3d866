using Microsoft.Extensions.Configuration;

namespace IndustryWeek.Map.Features.PublicPages;

/// <summary>
/// The tiles under the public maps (/carte and an event's small map): `Map:TileUrl` (none when empty, as in the tests)
/// and `Map:TileAttribution`. France's outline is drawn over them either way (events-map.js).
/// </summary>
internal sealed record MapTiles(string? Url, string Attribution)
{
    public static MapTiles From(IConfiguration configuration) => new(
        configuration["Map:TileUrl"] is { Length: > 0 } url ? url : null,
        configuration["Map:TileAttribution"] ?? "© les contributeurs d'OpenStreetMap");
}
