using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Shared.Web;

/// <summary>
/// Brotli and gzip for the answers the host writes (pages, JSON, GeoJSON, CSV, .ics), through ASP.NET Core's
/// response compression, when the client accepts them. Static files are not concerned: MapStaticAssets sends their
/// build-time compressed forms with Content-Encoding set, which the middleware leaves alone.
/// </summary>
/// <remarks>
/// Over HTTPS (BREACH): compressing a body that holds a secret beside text the attacker chose lets the attacker
/// guess the secret from the sizes. So over HTTPS an answer is compressed only when its endpoint is marked
/// <see cref="CompressedOverHttpsAttribute"/> (nothing secret in it: the public map, its exports, the public pages)
/// and the visitor is not signed in (signed in, the layout shows the account and a sign-out form with an
/// anti-forgery token). Everything else over HTTPS goes uncompressed (sign-in and account pages, identity endpoints,
/// signed-in visitors). Over plain HTTP everything is compressed: whoever reads the wire reads it anyway.
/// docs/deployment.md, « Compression ».
/// </remarks>
public static class AnswerCompression
{
    /// <summary>ASP.NET Core's defaults (HTML, JSON, JS, CSS, XML…) and the other text the host writes.</summary>
    public static readonly IReadOnlyList<string> MimeTypes =
        [.. ResponseCompressionDefaults.MimeTypes, "application/problem+json", "application/geo+json", "text/csv", "text/calendar"];

    public static IServiceCollection AddAnswerCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = false; // HTTPS only where UseCompressionOverHttpsRule opts the answer in
            o.MimeTypes = MimeTypes;
            o.Providers.Add<BrotliCompressionProvider>(); // first: preferred when the client accepts both equally
            o.Providers.Add<GzipCompressionProvider>();
        });

        // Per request, so the cheapest level; documents worth more are compressed once in advance (the map's).
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>After routing and authentication: opts the answer in over HTTPS when it carries nothing secret (see the class).</summary>
    public static IApplicationBuilder UseCompressionOverHttpsRule(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use((context, next) =>
        {
            if (context.Features.Get<IHttpsCompressionFeature>() is { } compression
                && context.GetEndpoint()?.Metadata.GetMetadata<CompressedOverHttpsAttribute>() is not null
                && context.User.Identity?.IsAuthenticated != true)
            {
                compression.Mode = HttpsCompressionMode.Compress;
            }

            return next(context);
        });
    }

    /// <summary>
    /// The content coding the answer about to be written gets (« br », « gzip »; null: none), chosen from
    /// Accept-Encoding by the middleware's own provider (q-values, q=0, identity). A <paramref name="precompressed"/>
    /// document is the same bytes for everyone with nothing of the request in it: it is sent compressed to whoever
    /// accepts it, HTTPS or not. Any other answer is compressed as the middleware will: where the HTTPS rule allows.
    /// </summary>
    public static string? Coding(HttpContext http, bool precompressed)
    {
        ArgumentNullException.ThrowIfNull(http);
        var compression = http.Features.Get<IHttpsCompressionFeature>();
        var allowed = precompressed || (compression is not null && (!http.Request.IsHttps || compression.Mode == HttpsCompressionMode.Compress));
        var provider = http.RequestServices.GetRequiredService<IResponseCompressionProvider>();
        return allowed && provider.CheckRequestAcceptsCompression(http) ? provider.GetCompressionProvider(http)?.EncodingName : null;
    }

    /// <summary>Marks an endpoint's answers as carrying nothing secret: compressed over HTTPS too, for visitors not signed in.</summary>
    public static TBuilder CompressedOverHttps<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new CompressedOverHttpsAttribute());
    }
}

/// <summary>
/// The answers of this endpoint or page carry nothing secret (no anti-forgery token, nothing of an account, no token):
/// compressed over HTTPS too, for visitors not signed in (<see cref="AnswerCompression"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class CompressedOverHttpsAttribute : Attribute;
