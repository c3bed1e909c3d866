using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IndustryWeek.Host.Tests;

/// <summary>Reads the public map as a visitor's browser does.</summary>
internal static class MapApi
{
    /// <param name="query">« ?edition=2020&amp;region=32 », or empty for the current edition's whole map.</param>
    public static async Task<IReadOnlyList<JsonElement>> FeaturesAsync(HttpClient client, string query = "")
    {
        ArgumentNullException.ThrowIfNull(client);
        var collection = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/map/events" + query, UriKind.Relative));
        return collection.GetProperty("features").EnumerateArray().ToList();
    }

    /// <summary>The ids of the features, in the order the API gives them.</summary>
    public static async Task<IReadOnlyList<Guid>> IdsAsync(HttpClient client, string query = "") =>
        [.. (await FeaturesAsync(client, query)).Select(f => f.GetProperty("id").GetGuid())];

    /// <summary>The compact pins /carte draws (GET /api/map/pins), with the same query as <see cref="FeaturesAsync"/>.</summary>
    public static async Task<IReadOnlyList<JsonElement>> PinsAsync(HttpClient client, string query = "")
    {
        ArgumentNullException.ThrowIfNull(client);
        var answer = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/map/pins" + query, UriKind.Relative));
        return answer.GetProperty("pins").EnumerateArray().ToList();
    }

    public static async Task<IReadOnlyList<Guid>> PinIdsAsync(HttpClient client, string query = "") =>
        [.. (await PinsAsync(client, query)).Select(p => p.GetProperty("id").GetGuid())];

    /// <summary>One event's Feature, or null when the map does not show it (404).</summary>
    public static async Task<JsonElement?> FeatureAsync(HttpClient client, Guid eventId, string query = "")
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri($"/api/map/events/{eventId}{query}", UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
