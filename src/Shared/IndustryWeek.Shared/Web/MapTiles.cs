using Microsoft.Extensions.Configuration;

namespace IndustryWeek.Shared.Web;

/// <summary>
/// The tiles under the maps people look at (/carte, an event's small map, a moderator's application page): `Map:TileUrl` (none when empty, as in the tests)
/// and `Map:TileAttribution`. France's outline is drawn over them either way (events-map.js).
/// </summary>
public sealed record MapTiles(string? Url, string Attribution)
{
    public static MapTiles From(IConfiguration configuration) => new(
        configuration["Map:TileUrl"] is { Length: > 0 } url ? url : null,
        configuration["Map:TileAttribution"] ?? "© les contributeurs d'OpenStreetMap");
}
