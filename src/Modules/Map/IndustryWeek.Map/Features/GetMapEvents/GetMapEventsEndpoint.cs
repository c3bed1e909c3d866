using System.Globalization;
using IndustryWeek.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IndustryWeek.Map.Features.GetMapEvents;

/// <summary>API.md « Map »: the GeoJSON collection of an edition, filtered or not, and one event's Feature.</summary>
internal static class GetMapEventsEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/events", async (HttpContext http, MapQuery map, CancellationToken cancellationToken) =>
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
                var whole = filter.IsEmpty ? view.Map : null;
                var coding = AnswerCompression.Coding(http, precompressed: whole is not null);
                if (MapHttp.NotModified(http, view.ETag(filter), preview, coding))
                {
                    return MapHttp.NotModifiedResult();
                }

                // The whole edition: the precomputed document, in the coding accepted. Filtered (or no map to show):
                // the matching features' bytes, which the middleware compresses.
                return whole is not null
                    ? Results.Bytes(Precompressed.Bytes(http, whole, "geojson", m => m.Document, coding), MapHttp.GeoJsonContentType)
                    : new GeoJsonResult(view.Matching(filter));
            })
            .AllowAnonymous()
            .WithName("GetMapEvents")
            .WithQueryParameters(MapFilter.Documented)
            .WithSummary("Les événements labellisés d'une édition (la plus récente dont la carte est publique par défaut), en GeoJSON, filtrés par région, département, format, public, secteur, dates, en ligne, texte et zone (bbox).")
            .Produces<FeatureCollectionSchema>(contentType: MapHttp.GeoJsonContentType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem();

        group.MapGet("/events/{id:guid}", async (Guid id, HttpContext http, MapQuery map, CancellationToken cancellationToken) =>
            {
                var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                var preview = MapHttp.Preview(http, errors);
                if (errors.Count > 0)
                {
                    return MapHttp.Invalid(errors);
                }

                if (await map.FindAsync(id, preview, cancellationToken) is not { } entry)
                {
                    return MapHttp.EventNotFound();
                }

                if (MapHttp.NotModified(http, string.Create(CultureInfo.InvariantCulture, $"\"e{id:N}-{entry.Pin.RecordVersion}-{entry.Pin.PublishedAtUtc.Ticks}\""), preview))
                {
                    return MapHttp.NotModifiedResult();
                }

                return Results.Bytes(entry.Feature, MapHttp.GeoJsonContentType);
            })
            .AllowAnonymous()
            .WithName("GetMapEvent")
            .WithSummary("Un événement de la carte, en GeoJSON (Feature).")
            .Produces<FeatureDto>(contentType: MapHttp.GeoJsonContentType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The collection's shape, for the OpenAPI document (the body itself is written from precomputed bytes).</summary>
    internal sealed record FeatureCollectionSchema(IReadOnlyList<FeatureDto> Features)
    {
        public string Type { get; } = "FeatureCollection";
    }
}
