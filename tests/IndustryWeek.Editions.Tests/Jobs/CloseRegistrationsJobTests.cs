using IndustryWeek.Editions.Jobs;
using IndustryWeek.Shared.Time;
using Quartz;

namespace IndustryWeek.Editions.Tests.Jobs;

/// <summary>The job's cron is read in Europe/Paris time: it fires at 00:00:05 Paris, whatever the UTC offset.</summary>
public sealed class CloseRegistrationsJobTests
{
    [Fact]
    public void Cron_WhenEveOfSpringForward_FiresAtFiveSecondsPastMidnightParisWinterTime()
    {
        var next = NextFiringAfter(new DateTimeOffset(2020, 3, 28, 22, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2020, 3, 28, 23, 0, 5, TimeSpan.Zero), next);
    }

    [Fact]
    public void Cron_WhenEveOfFallBack_FiresAtFiveSecondsPastMidnightParisSummerTime()
    {
        var next = NextFiringAfter(new DateTimeOffset(2020, 10, 24, 21, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2020, 10, 24, 22, 0, 5, TimeSpan.Zero), next);
    }

    [Fact]
    public void Cron_WhenMidHour_FiresAtTheNextHourToCatchUpAfterDowntime()
    {
        var next = NextFiringAfter(new DateTimeOffset(2020, 11, 14, 8, 17, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2020, 11, 14, 9, 0, 5, TimeSpan.Zero), next);
    }

    private static DateTimeOffset NextFiringAfter(DateTimeOffset instant)
    {
        // Quartz 4.7.3: the zone is given to the (immutable) expression; GetNextValidTimeAfter, not GetTimeAfter.
        var cron = new CronExpression(CloseRegistrationsJob.Cron, ParisTime.Zone);
        var next = cron.GetNextValidTimeAfter(instant);
        Assert.NotNull(next);
        return next.Value.ToUniversalTime();
    }
}
