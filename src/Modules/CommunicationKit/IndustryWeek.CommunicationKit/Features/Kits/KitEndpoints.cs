using System.Security.Claims;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IndustryWeek.CommunicationKit.Features.Kits;

/// <summary>API.md: the kit of an event (organisers of its organisation, administrators) and the deliveries (administrators, operators).</summary>
internal static class KitEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var kit = endpoints.MapGroup("/api/events/{id:guid}/kit").WithTags("Kit de communication")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Organiser, PlatformRoles.Administrator));

        kit.MapGet("/", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new DownloadKitQuery(Actor.From(user), id), ct))
                    .ToHttpResult(file => Results.File(file.Content, "application/zip", file.FileName)))
            .WithName("DownloadKit").WithSummary("Le kit de communication (zip) ; 404 tant qu'il n'a pas été envoyé.")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip").ProducesProblem(StatusCodes.Status404NotFound);

        kit.MapGet("/status", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetKitQuery(Actor.From(user), id), ct)).ToHttpResult(Results.Ok))
            .WithName("GetKit").WithSummary("Le kit : son label, s'il est téléchargeable, ses envois.")
            .Produces<KitDto>().ProducesProblem(StatusCodes.Status404NotFound);

        kit.MapPost("/resend", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ResendKitCommand(Actor.From(user), id), ct)).ToHttpResult(d => Results.Accepted($"/api/events/{id}/kit/status", d)))
            .WithName("ResendKit").WithSummary("Renvoie le kit par courriel (organisateur : 10 minutes entre deux envois, 5 par jour).")
            .Produces<KitDeliveryDto>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests);

        endpoints.MapGet("/api/kits/deliveries", async (string? status, string? search, int? page, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetDeliveriesQuery(status, search, PageRequest.From(page)), ct)))
            .WithTags("Kit de communication")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Administrator, PlatformRoles.Operator))
            .WithName("GetKitDeliveries").WithSummary("Les envois de kits (statut : Queued, Sent, Failed, Cancelled, Problems).")
            .Produces<DeliveriesPage>().ProducesValidationProblem();
    }
}
