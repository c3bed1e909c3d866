using System.Text.RegularExpressions;
using IndustryWeek.Map.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Map.Features.PublicPages;

/// <summary>
/// `/e/{label number}`: the short address printed on the poster (« semaine-industrie.gouv.fr/e/SDI-2020-000123 »,
/// typed by hand), redirected to the event's public page. An unknown number is not found.
/// </summary>
internal static partial class ShortLinkEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/e/{label}", async (string label, MapDbContext db, CancellationToken cancellationToken) =>
            {
                // Typed by hand: lower case is fine; anything but a label number is not looked up.
                var number = label.Trim().ToUpperInvariant();
                if (!LabelNumber().IsMatch(number))
                {
                    return Results.NotFound();
                }

                var eventId = await db.Pins.AsNoTracking().Where(p => p.LabelNumber == number).Select(p => (Guid?)p.EventId).FirstOrDefaultAsync(cancellationToken);
                return eventId is { } id ? Results.Redirect($"/evenements/{id}") : Results.NotFound();
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

    [GeneratedRegex(@"^SDI-[0-9]{4}-[0-9]{6}$")]
    private static partial Regex LabelNumber();
}
