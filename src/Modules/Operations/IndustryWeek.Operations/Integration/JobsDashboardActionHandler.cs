using IndustryWeek.Operations.Domain;
using IndustryWeek.Operations.Persistence;
using IndustryWeek.Shared.Jobs;
using MediatR;

namespace IndustryWeek.Operations.Integration;

/// <summary>Journals what an operator did on the Hangfire dashboard, one line per job, like the actions taken on /ops.</summary>
internal sealed class JobsDashboardActionHandler(IJobOperations jobs, OperatorActionLog log) : INotificationHandler<JobsDashboardActionTaken>
{
    public async Task Handle(JobsDashboardActionTaken notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        foreach (var target in notification.Targets)
        {
            if (notification.Action is DashboardAction.TriggerRecurring or DashboardAction.RemoveRecurring)
            {
                var recurring = (await jobs.RecurringAsync(cancellationToken)).FirstOrDefault(j => j.Name == target);
                await log.RecordAsync(
                    notification.Actor,
                    notification.Action == DashboardAction.TriggerRecurring ? OperatorActionKind.TriggerRecurringJob : OperatorActionKind.RemoveRecurringJob,
                    $"{target} (tableau de bord Hangfire)",
                    recurring?.JobId,
                    reason: null,
                    cancellationToken);
                continue;
            }

            var job = await jobs.FindByHangfireIdAsync(target, cancellationToken);
            var kind = notification.Action switch
            {
                DashboardAction.Delete => OperatorActionKind.DeleteJob,
                DashboardAction.EnqueueNow => OperatorActionKind.EnqueueJob,
                _ => OperatorActionKind.RetryJob,
            };
            await log.RecordAsync(
                notification.Actor,
                kind,
                job is null ? $"tâche Hangfire n° {target}" : $"{job.Type} {job.Key} (tâche Hangfire n° {target})",
                job?.Id,
                reason: null,
                cancellationToken);
        }
    }
}
