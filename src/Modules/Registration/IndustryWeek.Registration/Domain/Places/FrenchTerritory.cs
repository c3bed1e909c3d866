using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Registration.Domain.Places;

/// <summary>Where coordinates may be for an event in a region: metropolitan France (Corsica included) or the overseas region itself.</summary>
internal static class FrenchTerritory
{
    private sealed record Box(string Name, double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude)
    {
        public bool Contains(double latitude, double longitude) =>
            MinLatitude <= latitude && latitude <= MaxLatitude && MinLongitude <= longitude && longitude <= MaxLongitude;
    }

    private static readonly Box Metropolitan = new("la France métropolitaine", 41.3, 51.15, -5.25, 9.6);

    private static readonly Dictionary<string, Box> Overseas = new(StringComparer.Ordinal)
    {
        ["01"] = new("la Guadeloupe", 15.8, 16.55, -61.85, -60.95),
        ["02"] = new("la Martinique", 14.35, 14.9, -61.25, -60.8),
        ["03"] = new("la Guyane", 2.1, 5.8, -54.65, -51.6),
        ["04"] = new("La Réunion", -21.4, -20.85, 55.2, 55.85),
        ["06"] = new("Mayotte", -13.05, -12.6, 44.95, 45.35),
    };

    /// <summary>Anywhere in France: a typed position must at least be there.</summary>
    public static bool ContainsAny(double latitude, double longitude) =>
        Metropolitan.Contains(latitude, longitude) || Overseas.Values.Any(b => b.Contains(latitude, longitude));

    /// <summary>True when the point lies in the territory of <paramref name="regionCode"/>; otherwise names that territory.</summary>
    public static bool Contains(string regionCode, double latitude, double longitude, out string territory)
    {
        var box = Overseas.GetValueOrDefault(regionCode) ?? Metropolitan;
        territory = box.Name;
        return Regions.IsRegionCode(regionCode) && box.Contains(latitude, longitude);
    }
}
