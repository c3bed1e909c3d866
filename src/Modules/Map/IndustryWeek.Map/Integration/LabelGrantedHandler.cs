using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Map.Jobs;
using IndustryWeek.Shared.Jobs;
using MediatR;

namespace IndustryWeek.Map.Integration;

/// <summary>A granted label schedules the publication of the event's pin (one job per label version).</summary>
internal sealed class LabelGrantedHandler(IBackgroundJobs jobs) : INotificationHandler<LabelGranted>
{
    public Task Handle(LabelGranted notification, CancellationToken cancellationToken) =>
        jobs.ScheduleAsync<PublishPinJob, LabelGranted>(PublishPinJob.KeyFor(notification), notification, cancellationToken);
}
