using System.Text.RegularExpressions;
using IndustryWeek.Registration.Domain.Places;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IndustryWeek.Registration.Features.FindCommunes;

/// <summary>GET /api/geo/communes?postalCode=59300: the communes of a postal code, for the address of an event.</summary>
internal static partial class FindCommunesEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/geo/communes", (string? postalCode, CommuneDirectory communes, HttpContext http) =>
            {
                if (postalCode is null || !PostalCodePattern().IsMatch(postalCode))
                {
                    return Results.ValidationProblem(
                        new Dictionary<string, string[]> { ["postalCode"] = ["Le code postal compte cinq chiffres."] },
                        title: "La requête contient des erreurs.");
                }

                // Official data changes once a year: let browsers and proxies keep it a day.
                http.Response.Headers.CacheControl = "public, max-age=86400";
                return Results.Ok(communes.ByPostalCode(postalCode));
            })
            .AllowAnonymous()
            .WithTags("Géographie")
            .WithName("FindCommunes")
            .WithSummary("Les communes d'un code postal, avec leur département et leur région (COG).")
            .Produces<IReadOnlyList<Commune>>()
            .ProducesValidationProblem();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex PostalCodePattern();
}
