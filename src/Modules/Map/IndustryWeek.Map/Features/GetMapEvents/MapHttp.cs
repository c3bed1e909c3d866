using System.Buffers;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace IndustryWeek.Map.Features.GetMapEvents;

/// <summary>What the map's HTTP endpoints share: the preview switch, caching headers, 304, French problems.</summary>
internal static class MapHttp
{
    public const string GeoJsonContentType = "application/geo+json";

    /// <summary>`preview=true` counts for administrators only; for anyone else it is ignored.</summary>
    public static bool Preview(HttpContext http, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(http);
        var asked = MapFilter.Boolean(http.Request.Query, "preview", "Le paramètre preview vaut true ou false.", errors);
        return asked == true && http.User.IsInRole(PlatformRoles.Administrator);
    }

    /// <summary>
    /// Sets the entity tag and the caching rule (public for a minute; private for an administrator's
    /// preview), and tells whether the client's copy is still the current one (If-None-Match). For an
    /// answer the compression middleware compresses (<see cref="AnswerCompression.Coding"/>).
    /// </summary>
    public static bool NotModified(HttpContext http, string etag, bool preview) =>
        NotModified(http, etag, preview, AnswerCompression.Coding(http, precompressed: false));

    /// <summary>
    /// The same for the representation in <paramref name="coding"/> (« br », « gzip », null): each has a tag of its
    /// own (« "…-br" », « "…-gz" »), so a 304 only ever confirms the representation this request would get. The
    /// middleware leaves the tags of the answers it compresses as they are: the suffix is set here, beforehand.
    /// </summary>
    public static bool NotModified(HttpContext http, string etag, bool preview, string? coding)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(etag);
        var tag = coding is null ? etag : $"{etag[..^1]}-{(coding == "gzip" ? "gz" : coding)}\"";
        var headers = http.Response.Headers;
        headers.ETag = tag;
        headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding); // the representation depends on it, even when uncompressed
        headers.CacheControl = preview ? "private, no-cache" : "public, max-age=60";
        var ifNoneMatch = http.Request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        // Weak comparison (RFC 9110 §13.1.2): W/"…-br" matches "…-br", never "…-gz".
        var current = new EntityTagHeaderValue(tag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }

    public static IResult NotModifiedResult() => Results.StatusCode(StatusCodes.Status304NotModified);

    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "La requête contient des erreurs.");

    public static IResult EventNotFound() =>
        Error.NotFound("map.event_not_found", "Cet événement n'est pas sur la carte : il est inconnu, n'est plus labellisé, ou la carte de son édition n'est pas encore publique.").ToProblem();
}

/// <summary>A FeatureCollection written from the entries' pre-serialized features: no serialization, one copy of their bytes.</summary>
internal sealed class GeoJsonResult(IReadOnlyList<MapEntry> entries) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = MapHttp.GeoJsonContentType;
        response.ContentLength = MapJson.CollectionLength(entries);
        var body = response.BodyWriter;
        var cancel = httpContext.RequestAborted;
        body.Write(MapJson.CollectionStart);
        for (var i = 0; i < entries.Count; i++)
        {
            if (i > 0)
            {
                body.Write(MapJson.Separator);
            }

            body.Write(entries[i].Feature);
            if (i % 64 == 63)
            {
                await body.FlushAsync(cancel);
            }
        }

        body.Write(MapJson.CollectionEnd);
        await body.FlushAsync(cancel);
    }
}
