using System.Net.Http.Json;
using System.Text.Json;

namespace IndustryWeek.Host.Tests;

/// <summary>Reads the public map as a visitor's browser does.</summary>
internal static class MapApi
{
    public static async Task<IReadOnlyList<JsonElement>> FeaturesAsync(HttpClient client)
    {
        var collection = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/map/events", UriKind.Relative));
        return collection.GetProperty("features").EnumerateArray().ToList();
    }
}
