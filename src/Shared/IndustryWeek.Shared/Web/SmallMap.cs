namespace IndustryWeek.Shared.Web;

/// <summary>An event's place on a small map (the shared partial _SmallMap): the public page, a moderator's application page.</summary>
/// <param name="TilesUrl">A tile layer under France's outline (Map:TileUrl), or none: the outline alone.</param>
public sealed record SmallMap(double Latitude, double Longitude, string Title, string Address, string? TilesUrl = null, string? TilesAttribution = null);
