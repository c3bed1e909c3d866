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

    /// <summary>
    /// Scalar's light theme writes its faint text and its HTTP methods below the 4.5:1 contrast RGAA asks (axe-core's
    /// « color-contrast »): the same colours, darkened until they read on its white and light grey backgrounds.
    /// </summary>
    private const string ReadableColours = """
        .light-mode {
          --scalar-color-3: #595959;
          --scalar-color-green: #0a7a36;
          --scalar-color-blue: #0b57d0;
          --scalar-color-orange: #a84300;
          --scalar-color-red: #c0151b;
          --scalar-color-purple: #6f42c1;
          --scalar-color-yellow: #7a5b00;
        }
        """;

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapScalarApiReference(Path, (options, context) => options
                .WithNonce(SecurityHeaders.ScriptNonce(context) ?? "")
                .AddHeadContent("<script src=\"/js/api-reference.js\"></script>") // before Scalar's script: Zod without eval
                .WithTitle("Semaine de l'industrie — référence de l'API")
                .WithCustomCss(ReadableColours)
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
