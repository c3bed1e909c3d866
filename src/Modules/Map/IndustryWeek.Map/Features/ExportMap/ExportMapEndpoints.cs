using IndustryWeek.Map.Features.GetEventCalendar;
using IndustryWeek.Map.Features.GetMapEvents;
using IndustryWeek.Shared.Calendar;
using IndustryWeek.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IndustryWeek.Map.Features.ExportMap;

/// <summary>
/// The open-data exports of an edition's public map (docs/open-data.md): the CSV, the GeoJSON
/// collection and the iCalendar feed of every session, as downloads. Same edition rule, visibility and filters (region, department, format…,
/// parsed by the same <see cref="MapFilter.Parse"/>, so the same mistakes get the same errors) as the map itself.
/// </summary>
internal static class ExportMapEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/export.csv", (HttpContext http, MapQuery map, CancellationToken cancellationToken) =>
                ExportAsync(http, map, "csv", MapCsv.ContentType, m => m.Derived("csv", e => MapCsv.Write(e.Entries)), (entries, _) => MapCsv.Write(entries), cancellationToken))
            .AllowAnonymous()
            .WithName("ExportMapCsv")
            .WithQueryParameters(MapFilter.Documented)
            .WithSummary("Les événements de la carte d'une édition en CSV (point-virgule, UTF-8), une ligne par événement avec toutes ses séances ; colonnes décrites dans docs/open-data.md.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();

        group.MapGet("/export.geojson", (HttpContext http, MapQuery map, CancellationToken cancellationToken) =>
                ExportAsync(http, map, "geojson", MapHttp.GeoJsonContentType, m => m.Document, (entries, _) => MapJson.Collection(entries), cancellationToken))
            .AllowAnonymous()
            .WithName("ExportMapGeoJson")
            .WithQueryParameters(MapFilter.Documented)
            .WithSummary("Les événements de la carte d'une édition en GeoJSON (FeatureCollection), à télécharger.")
            .Produces<GetMapEventsEndpoint.FeatureCollectionSchema>(contentType: MapHttp.GeoJsonContentType)
            .ProducesValidationProblem();

        // A calendar subscription (webcal:// on /carte): calendar applications poll it with If-None-Match.
        group.MapGet("/events.ics", (HttpContext http, MapQuery map, CancellationToken cancellationToken) =>
                ExportAsync(
                    http, map, "ics", SessionsCalendar.ContentType,
                    m => m.Derived("ics", e => EventCalendar.Feed(e.Entries, CalendarName(e.Edition))),
                    (entries, edition) => EventCalendar.Feed(entries, CalendarName(edition)),
                    cancellationToken))
            .AllowAnonymous()
            .WithName("GetMapCalendarFeed")
            .WithQueryParameters(MapFilter.Documented)
            .WithSummary("Toutes les séances des événements de la carte d'une édition, au format iCalendar (abonnement d'agenda, heure de Paris), avec les mêmes filtres que la carte.")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem();
    }

    private static string CalendarName(EditionInfo? edition) => (edition?.Name ?? "Semaine de l'industrie") + " – événements labellisés";

    /// <param name="whole">The whole edition's document (precomputed, its compressed forms too: <see cref="Precompressed"/>).</param>
    /// <param name="matching">The document of the entries a filter keeps (compressed by the middleware).</param>
    private static async Task<IResult> ExportAsync(
        HttpContext http, MapQuery map, string extension, string contentType, Func<EditionMap, byte[]> whole, Func<IReadOnlyList<MapEntry>, EditionInfo?, byte[]> matching, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var edition = EditionRef.Parse(http.Request.Query["edition"], errors);
        var filter = MapFilter.Parse(http.Request.Query, errors);
        var preview = MapHttp.Preview(http, errors);
        if (errors.Count > 0)
        {
            return MapHttp.Invalid(errors);
        }

        var view = await map.ViewAsync(edition, preview, cancellationToken);
        var wholeMap = filter.IsEmpty ? view.Map : null;
        var coding = AnswerCompression.Coding(http, precompressed: wholeMap is not null);
        if (MapHttp.NotModified(http, view.ETag(filter, extension), preview, coding))
        {
            return MapHttp.NotModifiedResult();
        }

        var name = view.Edition is { } shown ? $"semaine-industrie-{shown.Year}-evenements.{extension}" : $"semaine-industrie-evenements.{extension}";
        var content = wholeMap is not null ? Precompressed.Bytes(http, wholeMap, extension, whole, coding) : matching(view.Matching(filter), view.Edition);
        return Results.File(content, contentType, name);
    }
}
