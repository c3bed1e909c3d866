using IndustryWeek.Editions.Features.CloseDueRegistrations;
using IndustryWeek.Shared.Jobs;
using MediatR;

namespace IndustryWeek.Editions.Jobs;

/// <summary>Every night just after midnight, Paris time (whatever the DST offset), closes the registrations whose deadline has passed.</summary>
internal sealed class CloseRegistrationsJob(IMediator mediator) : IRecurringJob
{
    public const string Name = "editions.close-registrations";

    /// <summary>Every hour at hh:00:05, Europe/Paris: midnight closes the day's deadline; the other hours catch up after downtime.</summary>
    public const string Cron = "5 0 * * * ?";

    public Task RunAsync(BackgroundJobContext context, CancellationToken cancellationToken) =>
        mediator.Send(new CloseDueRegistrationsCommand(), cancellationToken);
}
