using System.Security.Claims;
using IndustryWeek.Operations.Features.Dashboard;
using IndustryWeek.Operations.Features.Jobs;
using IndustryWeek.Operations.Features.Journal;
using IndustryWeek.Operations.Features.Outbox;
using IndustryWeek.Operations.Features.RecurringJobs;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using Mapster;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IndustryWeek.Operations.Features;

/// <summary>API.md Operations: operators and administrators read; only operators act.</summary>
internal static class OperationsEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/ops").WithTags("Exploitation")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Operator, PlatformRoles.Administrator));
        var act = endpoints.MapGroup("/api/ops").WithTags("Exploitation")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Operator));

        read.MapGet("/summary", async (IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new GetDashboardQuery(), ct)))
            .WithName("GetOperationsSummary").WithSummary("Compteurs, activité des 24 dernières heures et des 7 derniers jours, tâches récurrentes, nœuds.")
            .Produces<DashboardView>();

        read.MapGet("/jobs", async (string? state, string? q, int? page, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new SearchJobsQuery(state, q, PageRequest.From(page)), ct)))
            .WithName("SearchJobs").WithSummary("Les tâches par état (Scheduled, Processing, Retrying, Succeeded, Failed, Deleted), cherchées par type, clé, événement, numéro de label ou identifiant de corrélation.")
            .Produces<JobsPageDto>().ProducesValidationProblem();

        read.MapGet("/jobs/{id:long}", async (long id, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetJobQuery(id), ct) is { } job
                    ? Results.Ok(job)
                    : Shared.Domain.Error.NotFound("job.not_found", "Cette tâche n'existe pas.").ToProblem())
            .WithName("GetJob").WithSummary("Une tâche : ses tentatives (nœud, début, durée, résultat, exception complète), sa cause, les actions des opérateurs.")
            .Produces<JobDetailsDto>().ProducesProblem(StatusCodes.Status404NotFound);

        act.MapPost("/jobs/{id:long}/retry", async (long id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new RetryJobCommand(Actor.From(user), id), ct)).ToHttpResult(j => Results.Accepted($"/api/ops/jobs/{id}", j.ToDto())))
            .WithName("RetryJob").WithSummary("Relance maintenant une tâche en échec.")
            .Produces<JobDto>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        act.MapDelete("/jobs/{id:long}", async (long id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new DeleteJobCommand(Actor.From(user), id), ct)).ToHttpResult(j => Results.Ok(j.ToDto())))
            .WithName("DeleteJob").WithSummary("Supprime une tâche planifiée, en nouvelle tentative ou en échec.")
            .Produces<JobDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        act.MapPost("/jobs/retry", async (BulkJobsCommand command, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(command with { Actor = Actor.From(user), Action = BulkJobAction.Retry }, ct)))
            .WithName("RetryJobs").WithSummary("Relance plusieurs tâches en échec `{ids}`.")
            .Produces<BulkJobsOutcome>().ProducesValidationProblem();

        act.MapPost("/jobs/delete", async (BulkJobsCommand command, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(command with { Actor = Actor.From(user), Action = BulkJobAction.Delete }, ct)))
            .WithName("DeleteJobs").WithSummary("Supprime plusieurs tâches `{ids}`.")
            .Produces<BulkJobsOutcome>().ProducesValidationProblem();

        read.MapGet("/recurring", async (IJobOperations jobs, CancellationToken ct) => Results.Ok(await jobs.RecurringAsync(ct)))
            .WithName("GetRecurringJobs").WithSummary("Les tâches récurrentes : planification (cron, Europe/Paris), prochaine et dernière exécution, échecs consécutifs, pause.")
            .Produces<IReadOnlyList<RecurringJobView>>();

        act.MapPost("/recurring/{name}/trigger", async (string name, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new TriggerRecurringJobCommand(Actor.From(user), name), ct)).ToHttpResult(j => Results.Accepted("/api/ops/recurring", j)))
            .WithName("TriggerRecurringJob").WithSummary("Exécute maintenant une tâche récurrente.")
            .Produces<RecurringJobView>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound);

        act.MapPost("/recurring/{name}/pause", async (string name, PauseRecurringJobCommand command, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(command with { Actor = Actor.From(user), Name = name }, ct)).ToHttpResult(Results.Ok))
            .WithName("PauseRecurringJob").WithSummary("Met en pause une tâche récurrente `{reason}`.")
            .Produces<RecurringJobView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        act.MapPost("/recurring/{name}/resume", async (string name, ResumeRecurringJobCommand? command, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send((command ?? new ResumeRecurringJobCommand()) with { Actor = Actor.From(user), Name = name }, ct)).ToHttpResult(Results.Ok))
            .WithName("ResumeRecurringJob").WithSummary("Reprend une tâche récurrente en pause.")
            .Produces<RecurringJobView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        read.MapGet("/nodes", async (IJobOperations jobs, CancellationToken ct) => Results.Ok(await jobs.NodesAsync(ct)))
            .WithName("GetJobNodes").WithSummary("Les hôtes de l'ordonnanceur et leur dernier signe de vie.")
            .Produces<IReadOnlyList<JobNode>>();

        read.MapGet("/outbox", async (string? state, int? page, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new ListOutboxQuery(state, PageRequest.From(page)), ct)))
            .WithName("GetOutbox").WithSummary("Les messages en attente (Pending) ou en échec (Failed) des modules.")
            .Produces<OutboxPageDto>().ProducesValidationProblem();

        act.MapPost("/outbox/{module}/{id:long}/retry", async (string module, long id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new RetryOutboxMessageCommand(Actor.From(user), module, id), ct)).ToHttpResult(m => Results.Accepted("/api/ops/outbox", m.Adapt<OutboxMessageDto>(OperationsMapping.Config))))
            .WithName("RetryOutboxMessage").WithSummary("Redonne une série de tentatives à un message en échec.")
            .Produces<OutboxMessageDto>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        read.MapGet("/actions", async (int? page, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetActionsQuery(PageRequest.From(page)), ct)))
            .WithName("GetOperatorActions").WithSummary("Le journal des actions des opérateurs (qui, quand, quoi, pourquoi).")
            .Produces<ActionsPageDto>().ProducesValidationProblem();
    }
}
