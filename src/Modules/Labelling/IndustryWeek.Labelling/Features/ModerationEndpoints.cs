using System.Security.Claims;
using IndustryWeek.Labelling.Features.BulkGrant;
using IndustryWeek.Labelling.Features.Decide;
using IndustryWeek.Labelling.Features.Queue;
using IndustryWeek.Labelling.Features.Statistics;
using IndustryWeek.Labelling.Features.StockReasons;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace IndustryWeek.Labelling.Features;

[ApiValidatedAs(typeof(DecideCommand))]
internal sealed record ReasonRequest(string? Reason);

[ApiValidatedAs(typeof(DecideCommand))]
internal sealed record CommentRequest(string? Comment);

internal sealed record BulkGrantRequest(IReadOnlyList<Guid>? Ids);

/// <summary>API.md « Labelling »: the queue, one application, and the decisions other than granting.</summary>
internal static class ModerationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var applications = api.MapGroup("/applications").RequireAuthorization(p => p.RequireRole(PlatformRoles.Moderator, PlatformRoles.Administrator));

        applications.MapGet("/", async (string? status, string? region, string? department, string? format, bool? overdue, int? page, int? pageSize, string? sort, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetApplicationsQuery(Actor.From(user), status, region, department, format, overdue,
                    PageRequest.From(page, pageSize, GetApplicationsQuery.LargestPageSize), sort), ct)))
            .WithName("GetApplications").WithSummary("La file des demandes des régions du modérateur, les plus anciennes d'abord, ou par échéance (sort=deadline) ou par commune (sort=commune) (page de 1 à 100 000, pageSize de 1 à 500, 50 par défaut).")
            .Produces<ApplicationPageDto>().ProducesValidationProblem();

        api.MapGet("/applications.csv", async (int? year, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                Results.File(await mediator.Send(new ExportApplicationsQuery(Actor.From(user), year), ct), "text/csv; charset=utf-8", year is null ? "demandes-de-label.csv" : $"demandes-de-label-{year}.csv"))
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Moderator, PlatformRoles.Administrator))
            .WithName("ExportApplications").WithSummary("Les demandes des régions du modérateur, en CSV (point-virgule, UTF-8).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        api.MapGet("/statistics", async (int? year, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetStatisticsQuery(Actor.From(user), year), ct)))
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Moderator, PlatformRoles.Administrator))
            .WithName("GetLabellingStatistics").WithSummary("Demandes et labels par région, département, format et public ; délai médian ; retards ; participants ; d'une année sur l'autre.")
            .Produces<StatisticsDto>();

        applications.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetApplicationQuery(id, Actor.From(user)), ct)).ToHttpResult(Results.Ok))
            .WithName("GetApplication").Produces<ApplicationDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        applications.MapPost("/{id:guid}/refuse", (Guid id, [FromBody] ReasonRequest? body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                DecideAsync(new DecideCommand(id, DecisionAction.Refuse, body?.Reason, Actor.From(user)), mediator, ct))
            .WithName("RefuseLabel").WithSummary("Refuse le label (motif lu par l'organisateur).")
            .Produces<DecisionResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        applications.MapPost("/{id:guid}/request-changes", (Guid id, [FromBody] CommentRequest? body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                DecideAsync(new DecideCommand(id, DecisionAction.RequestChanges, body?.Comment, Actor.From(user)), mediator, ct))
            .WithName("RequestChanges").WithSummary("Demande des modifications à l'organisateur.")
            .Produces<DecisionResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        applications.MapPost("/{id:guid}/revoke", (Guid id, [FromBody] ReasonRequest? body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                DecideAsync(new DecideCommand(id, DecisionAction.Revoke, body?.Reason, Actor.From(user)), mediator, ct))
            .WithName("RevokeLabel").WithSummary("Retire le label (motif lu par l'organisateur).")
            .Produces<DecisionResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        applications.MapPost("/bulk-grant", async ([FromBody] BulkGrantRequest? body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new BulkGrantCommand(body?.Ids, Actor.From(user)), ct)))
            .WithName("BulkGrant").WithSummary("Labellise une sélection de demandes ; le résultat de chacune.")
            .Produces<BulkGrantResult>().ProducesValidationProblem();
    }

    public static void MapStockReasons(RouteGroupBuilder api)
    {
        var reasons = api.MapGroup("/stock-reasons");
        reasons.MapGet("/", async (IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new GetStockReasonsQuery(), ct)))
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Moderator, PlatformRoles.Administrator))
            .WithName("GetStockReasons").WithSummary("Les motifs de refus courants.").Produces<IReadOnlyList<StockReasonDto>>();
        reasons.MapPost("/", async ([FromBody] AddStockReasonCommand? body, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(body ?? new AddStockReasonCommand(null), ct)).ToHttpResult(r => Results.Created($"/api/labelling/stock-reasons/{r.Id}", r)))
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Administrator))
            .WithName("AddStockReason").WithSummary("Ajoute un motif de refus courant (administrateurs).")
            .Produces<StockReasonDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        reasons.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new RemoveStockReasonCommand(id), ct)).ToHttpResult(_ => Results.NoContent()))
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Administrator))
            .WithName("RemoveStockReason").WithSummary("Retire un motif de refus courant (administrateurs).")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> DecideAsync(DecideCommand command, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(command, ct)).ToHttpResult(Results.Ok);
}
