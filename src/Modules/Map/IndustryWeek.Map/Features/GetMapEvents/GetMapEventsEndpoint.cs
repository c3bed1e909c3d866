using System.Security.Cryptography;
using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace IndustryWeek.Map.Features.GetMapEvents;

internal static class GetMapEventsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/events", async (
                string? edition,
                string? region,
                string? department,
                string? format,
                bool? online,
                HttpContext http,
                IMediator mediator,
                CancellationToken cancellationToken) =>
            {
                var collection = await mediator.Send(new GetMapEventsQuery(edition, region, department, format, online), cancellationToken);
                var body = JsonSerializer.SerializeToUtf8Bytes(collection, JsonSerializerOptions.Web);
                var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"";
                http.Response.Headers.CacheControl = "public, max-age=30";
                http.Response.Headers.ETag = etag;
                if (http.Request.Headers.IfNoneMatch.Contains(etag))
                {
                    return Results.StatusCode(StatusCodes.Status304NotModified);
                }

                return Results.Bytes(body, "application/geo+json");
            })
            .AllowAnonymous()
            .WithName("GetMapEvents")
            .WithSummary("Les événements labellisés, en GeoJSON.")
            .Produces<FeatureCollectionDto>(contentType: "application/geo+json");
}
