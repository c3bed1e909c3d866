namespace IndustryWeek.Shared.Web;

/// <summary>
/// An event's place on a small map (the shared partial _SmallMap, over the configured <see cref="MapTiles"/>): the public
/// page, a moderator's application page.
/// </summary>
public sealed record SmallMap(double Latitude, double Longitude, string Title, string Address);
