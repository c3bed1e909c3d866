using System.Net.Http.Json;
using System.Text.Json;

namespace IndustryWeek.Host.Tests.Map;

/// <summary>The map's routes are in the OpenAPI document integrators read.</summary>
[Collection(MapApiTestGroup.Name)]
public sealed class MapOpenApiTests(MapPlatformFixture map)
{
    [Fact]
    public async Task OpenApi_WhenGenerated_DocumentsEveryMapRoute()
    {
        var document = await map.Visitor.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/map/events", paths);
        Assert.Contains("/api/map/events/{id}", paths);
        Assert.Contains("/api/map/pins", paths);
        Assert.Contains("/api/map/events/{id}.ics", paths);
        Assert.Contains("/api/map/export.csv", paths);
        Assert.Contains("/api/map/export.geojson", paths);
    }
}
