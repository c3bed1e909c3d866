using IndustryWeek.Map.Features.GetMapEvents;
using IndustryWeek.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IndustryWeek.Map.Features.GetMapPins;

/// <summary>
/// `GET /api/map/pins`: what /carte draws, sized for a phone (issue 22). Same edition rule, filters, preview,
/// visibility, errors and caching as `GET /api/map/events`, whose GeoJSON stays the integrators' form.
/// </summary>
internal static class GetMapPinsEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/pins", async (HttpContext http, MapQuery map, CancellationToken cancellationToken) =>
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
                if (MapHttp.NotModified(http, view.ETag(filter, MapPins.Name), preview, coding))
                {
                    return MapHttp.NotModifiedResult();
                }

                // The whole edition: built, then compressed, once per map version, and sent in the coding accepted.
                // Filtered (or no map to show): from the matching entries (a few hundred at most, in practice), which the
                // middleware compresses.
                return whole is not null
                    ? Results.Bytes(Precompressed.Bytes(http, whole, MapPins.Name, m => m.Derived(MapPins.Name, e => MapPins.Write(e.Entries)), coding), MapPins.ContentType)
                    : Results.Bytes(MapPins.Write(view.Matching(filter)), MapPins.ContentType);
            })
            .AllowAnonymous()
            .WithName("GetMapPins")
            .WithQueryParameters(MapFilter.Documented)
            .WithSummary("Les repères de la carte d'une édition, sous forme compacte (identifiant, latitude, longitude et titre des événements situés), avec les mêmes paramètres et filtres que /api/map/events ; le détail d'un événement : /api/map/events/{id}.")
            .Produces<PinsDto>(contentType: MapPins.ContentType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem();
    }
}
