using System.Globalization;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.Storage;
using IndustryWeek.Shared.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IndustryWeek.Shared.Jobs;

/// <summary>What an operator did on the Hangfire dashboard.</summary>
public enum DashboardAction
{
    /// <summary>Requeued a job (failed, succeeded, deleted, processing or enqueued) to run again.</summary>
    Requeue,

    /// <summary>Deleted a job.</summary>
    Delete,

    /// <summary>Moved a job waiting for its retry to the queue now.</summary>
    EnqueueNow,

    TriggerRecurring,

    RemoveRecurring,
}

/// <summary>
/// Published in process when an operator's action on the Hangfire dashboard succeeded, so that the operators'
/// journal records it (who, when, what) as it records the actions taken on /ops.
/// </summary>
/// <param name="Targets">The Hangfire job ids (or recurring job ids) acted on.</param>
public sealed record JobsDashboardActionTaken(Actor Actor, DashboardAction Action, IReadOnlyList<string> Targets) : INotification;

/// <summary>
/// The Hangfire dashboard at /hangfire: behind the platform's cookie sign-in (operators act, administrators
/// read only), in French, its POSTs checked for anti-forgery by Hangfire itself (ASP.NET Core's IAntiforgery),
/// and every successful action journaled.
/// </summary>
public static partial class JobsDashboard
{
    public const string Path = "/hangfire";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static IEndpointRouteBuilder MapJobsDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Path), branch => branch.Use(async (context, next) =>
        {
            // Hangfire's pages read their words from its French resources with the current UI culture.
            CultureInfo.CurrentCulture = French;
            CultureInfo.CurrentUICulture = French;
            var action = HttpMethods.IsPost(context.Request.Method) ? ActionOf(context.Request.Path) : null;
            var targets = action is null ? [] : await TargetsAsync(context, action.Value.Route);
            var storage = context.RequestServices.GetRequiredService<JobStorage>();
            var before = action is { } asked ? Fingerprints(storage, asked.Action, targets) : [];
            await next(context);
            if (action is { } taken && context.Response.StatusCode == StatusCodes.Status204NoContent)
            {
                // A batch command answers 204 whatever it did (a job no longer in the page's state is skipped):
                // only the jobs it really changed are journaled.
                var after = Fingerprints(storage, taken.Action, targets);
                var changed = targets.Where(t => after[t] != before[t]).ToList();
                if (changed.Count > 0)
                {
                    await JournalAsync(context, taken.Action, changed);
                }
            }
        }));

        app.MapHangfireDashboard(Path, new DashboardOptions
        {
            AppPath = "/ops",
            DashboardTitle = "Tâches de fond · Semaine de l'industrie",
            DisplayStorageConnectionString = false,
            Authorization = [new PlatformRolesFilter()],
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(PlatformRoles.Operator),
        }).RequireAuthorization(PlatformPolicies.OperationsPages);
        return app;
    }

    /// <summary>The dashboard's commands (Hangfire's DashboardRoutes), by the path they post to.</summary>
    private static (DashboardAction Action, string Route)? ActionOf(PathString path)
    {
        var route = path.Value![Path.Length..].TrimEnd('/');
        return route switch
        {
            _ when route.StartsWith("/jobs/actions/requeue/", StringComparison.OrdinalIgnoreCase) => (DashboardAction.Requeue, route),
            _ when route.StartsWith("/jobs/actions/delete/", StringComparison.OrdinalIgnoreCase) => (DashboardAction.Delete, route),
            _ when route.EndsWith("/requeue", StringComparison.OrdinalIgnoreCase) && route.StartsWith("/jobs/", StringComparison.OrdinalIgnoreCase) => (DashboardAction.Requeue, route),
            _ when route.EndsWith("/delete", StringComparison.OrdinalIgnoreCase) && route.StartsWith("/jobs/", StringComparison.OrdinalIgnoreCase) => (DashboardAction.Delete, route),
            _ when route.EndsWith("/enqueue", StringComparison.OrdinalIgnoreCase) && route.StartsWith("/jobs/", StringComparison.OrdinalIgnoreCase) => (DashboardAction.EnqueueNow, route),
            _ when route.Equals("/recurring/trigger", StringComparison.OrdinalIgnoreCase) => (DashboardAction.TriggerRecurring, route),
            _ when route.Equals("/recurring/remove", StringComparison.OrdinalIgnoreCase) => (DashboardAction.RemoveRecurring, route),
            _ => null,
        };
    }

    /// <summary>A single job's command names it in its path; a batch command posts « jobs[] ».</summary>
    private static async Task<IReadOnlyList<string>> TargetsAsync(HttpContext context, string route)
    {
        if (route.StartsWith("/jobs/actions/", StringComparison.OrdinalIgnoreCase))
        {
            return [Uri.UnescapeDataString(route[(route.LastIndexOf('/') + 1)..])];
        }

        if (!context.Request.HasFormContentType)
        {
            return [];
        }

        // Read once here; ASP.NET Core keeps the parsed form, which Hangfire then reads again.
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        return form["jobs[]"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).Distinct().ToList();
    }

    /// <summary>
    /// What an action changes, for each target, read on one connection: the job's current state (a requeue writes a
    /// new one even from Enqueued), or the recurring job's last run and existence.
    /// </summary>
    private static Dictionary<string, string> Fingerprints(JobStorage storage, DashboardAction action, IReadOnlyList<string> targets)
    {
        using var connection = storage.GetConnection();
        return targets.ToDictionary(t => t, t => action is DashboardAction.TriggerRecurring or DashboardAction.RemoveRecurring
            ? connection.GetRecurringJobs([t]).FirstOrDefault() is { Removed: false } recurring ? $"{recurring.LastJobId}|{recurring.LastExecution:O}" : ""
            : connection.GetStateData(t) is { } state ? $"{state.Name}|{state.Reason}|{string.Join(";", state.Data.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"))}" : "");
    }

    private static async Task JournalAsync(HttpContext context, DashboardAction action, IReadOnlyList<string> targets)
    {
        try
        {
            var mediator = context.RequestServices.GetRequiredService<IMediator>();
            await mediator.Publish(new JobsDashboardActionTaken(Actor.From(context.User), action, targets), CancellationToken.None);
        }
        catch (Exception e)
        {
            // The action is done; its journal line is what failed. Said loudly, not hidden from the operator's log.
            LogJournalFailed(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(JobsDashboard)), e, action, string.Join(", ", targets));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not journal the dashboard action {Action} on {Targets}")]
    private static partial void LogJournalFailed(ILogger logger, Exception error, DashboardAction action, string targets);

    /// <summary>Behind the endpoint's policy, Hangfire's own check: operators and administrators only.</summary>
    private sealed class PlatformRolesFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return user.IsInRole(PlatformRoles.Operator) || user.IsInRole(PlatformRoles.Administrator);
        }
    }
}
