using IndustryWeek.CommunicationKit.Jobs;
using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Shared.Jobs;
using MediatR;

namespace IndustryWeek.CommunicationKit.Integration;

/// <summary>A granted label schedules the kit's job; one job per label version, however often this runs.</summary>
internal sealed class LabelGrantedHandler(IBackgroundJobs jobs) : INotificationHandler<LabelGranted>
{
    public Task Handle(LabelGranted notification, CancellationToken cancellationToken) =>
        jobs.ScheduleAsync<SendKitJob, LabelGranted>(SendKitJob.KeyFor(notification), notification, cancellationToken);
}
