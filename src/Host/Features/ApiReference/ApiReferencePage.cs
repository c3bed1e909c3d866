using IndustryWeek.Shared.Web;
using Scalar.AspNetCore;

namespace IndustryWeek.Host.Features.ApiReference;

/// <summary>
/// `/api/docs`: the API's reference, drawn by Scalar from the OpenAPI document `/openapi/v1.json`. Anonymous (a
/// documentation page; it lists the protected routes, never their data). Everything it loads is served by the host:
/// Scalar's script and styles are embedded in its package, its default fonts (a font host) are turned off, and so
/// are its telemetry and its AI agent and MCP extras, which call Scalar's servers. Its one inline script runs by a nonce
/// of the page's own Content-Security-Policy (<see cref="ApiReferencePageAttribute"/>); eval stays refused.
/// </summary>
internal static class ApiReferencePage
{
    public const string Path = "/api/docs";

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapScalarApiReference(Path, (options, context) => options
                .WithNonce(SecurityHeaders.ScriptNonce(context) ?? "")
                .AddHeadContent("<script src=\"/js/api-reference.js\"></script>") // before Scalar's script: Zod without eval
                .WithTitle("Semaine de l'industrie — référence de l'API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp())
            .AllowAnonymous()
            .WithMetadata(new ApiReferencePageAttribute()); // its policy: the inline script by the nonce above
        return endpoints;
    }
}
