using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace IndustryWeek.Shared.Web;

/// <summary>
/// HEAD answers like GET without a body (RFC 9110 §9.3.2), everywhere: endpoints mapped with MapGet match
/// GET only, so HEAD got a 405 from every API read (the map's GeoJSON, .ics, CSV exports…), while Razor
/// Pages and static files took it. Before routing, a HEAD request is routed as a GET; whatever the endpoint
/// writes is dropped, its headers (Content-Type, Content-Length, ETag, caching) kept. The method is HEAD
/// again when the answer leaves, so the server too knows it has no body.
/// </summary>
public static class HeadAsGet
{
    /// <summary>Before UseRouting.</summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }

            var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
            context.Request.Method = HttpMethods.Get;
            try
            {
                await next(context);
            }
            finally
            {
                context.Request.Method = HttpMethods.Head;
                context.Features.Set(body);
            }
        });
    }
}
