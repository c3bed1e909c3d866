using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Outbox;
using IndustryWeek.Shared.Time;
using MediatR;

namespace IndustryWeek.Operations.Features.Dashboard;

/// <param name="LastDay">Runs ended in each of the last 24 hours (the current one last).</param>
/// <param name="LastWeek">Runs ended on each of the last 7 days in Paris (today last).</param>
internal sealed record DashboardView(
    JobCounters Jobs,
    OutboxCounters Outbox,
    IReadOnlyList<JobActivity> LastDay,
    IReadOnlyList<JobActivity> LastWeek,
    IReadOnlyList<RecurringJobView> RecurringJobs,
    IReadOnlyList<JobNode> Nodes);

/// <summary>GET /api/ops/summary: what the dashboard's home shows.</summary>
internal sealed record GetDashboardQuery : IRequest<DashboardView>;

internal sealed class GetDashboardQueryHandler(IJobOperations jobs, IOutboxOperations outbox, TimeProvider time) : IRequestHandler<GetDashboardQuery, DashboardView>
{
    public async Task<DashboardView> Handle(GetDashboardQuery request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var thisHour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        var weekStart = ParisTime.ToInstant(ParisTime.FromUtc(now).Date.AddDays(-6)).UtcDateTime;
        return new DashboardView(
            await jobs.CountAsync(cancellationToken),
            await outbox.CountAsync(cancellationToken),
            await jobs.ActivityAsync(thisHour.AddHours(-23), now, byDay: false, cancellationToken),
            await jobs.ActivityAsync(weekStart, now, byDay: true, cancellationToken),
            await jobs.RecurringAsync(cancellationToken),
            await jobs.NodesAsync(cancellationToken));
    }
}
