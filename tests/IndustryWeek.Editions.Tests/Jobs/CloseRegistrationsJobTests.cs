using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using IndustryWeek.Editions.Jobs;
using IndustryWeek.Shared.Time;

namespace IndustryWeek.Editions.Tests.Jobs;

/// <summary>
/// The job's cron is read in Europe/Paris time: it fires at hh:00:05 Paris, whatever the UTC offset. Checked with
/// Hangfire's own recurring job manager and scheduler on a real (SQLite) job storage, their clock set by the test,
/// across both 2020 DST changes.
/// </summary>
public sealed class CloseRegistrationsJobTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"iw-recurring-{Guid.NewGuid():N}.db");

    [Fact]
    public void Cron_WhenSpringForwardNight_FiresEachParisHourAndTheSkippedOneWhenTheClocksJump()
    {
        var firings = Firings(new DateTime(2020, 3, 28, 22, 30, 0, DateTimeKind.Utc), new DateTime(2020, 3, 29, 2, 30, 0, DateTimeKind.Utc));

        // 00:00:05 and 01:00:05 Paris in winter time (UTC+1), then summer time (UTC+2): 02:00:05 does not exist that
        // night, and Hangfire (Cronos) runs the skipped firing when the clocks jump, at 03:00:00, then 03:00:05 as usual.
        Assert.Equal(["00:00:05", "01:00:05", "03:00:00", "03:00:05", "04:00:05"], firings.Select(f => ParisTime.FromUtc(f).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(new DateTime(2020, 3, 28, 23, 0, 5, DateTimeKind.Utc), firings[0]);
        Assert.Equal(new DateTime(2020, 3, 29, 2, 0, 5, DateTimeKind.Utc), firings[^1]);
    }

    [Fact]
    public void Cron_WhenFallBackNight_FiresAtFiveSecondsPastMidnightParisSummerTime()
    {
        var firings = Firings(new DateTime(2020, 10, 24, 21, 30, 0, DateTimeKind.Utc), new DateTime(2020, 10, 24, 22, 30, 0, DateTimeKind.Utc));

        Assert.Equal([new DateTime(2020, 10, 24, 22, 0, 5, DateTimeKind.Utc)], firings);
        Assert.Equal(new TimeOnly(0, 0, 5), TimeOnly.FromDateTime(ParisTime.FromUtc(firings[0])));
    }

    [Fact]
    public void Cron_WhenMidHour_FiresAtTheNextHourToCatchUpAfterDowntime()
    {
        var firings = Firings(new DateTime(2020, 11, 14, 8, 17, 0, DateTimeKind.Utc), new DateTime(2020, 11, 14, 9, 30, 0, DateTimeKind.Utc));

        Assert.Equal([new DateTime(2020, 11, 14, 9, 0, 5, DateTimeKind.Utc)], firings);
    }

    public void Dispose()
    {
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_file)!, Path.GetFileName(_file) + "*"))
        {
            File.Delete(file);
        }
    }

    /// <summary>The instants at which Hangfire's scheduler creates a run of the job between two instants, its clock moved run by run.</summary>
    private List<DateTime> Firings(DateTime fromUtc, DateTime toUtc)
    {
        var storage = new SQLiteStorage(_file, new SQLiteStorageOptions());
        var now = fromUtc;
        var filters = new JobFilterCollection();
        var manager = new RecurringJobManager(storage, filters, new DefaultTimeZoneResolver(), () => now);
        manager.AddOrUpdate(CloseRegistrationsJob.Name, Job.FromExpression(() => Console.WriteLine()), CloseRegistrationsJob.Cron, new RecurringJobOptions { TimeZone = ParisTime.Zone });
        var scheduler = new RecurringJobScheduler(new Hangfire.Client.BackgroundJobFactory(filters), TimeSpan.FromMilliseconds(1), new DefaultTimeZoneResolver(), () => now); // one pass, then a 1 ms poll delay
        var context = new BackgroundProcessContext("test", storage, new Dictionary<string, object>(), Guid.NewGuid(), CancellationToken.None, CancellationToken.None, CancellationToken.None);

        var firings = new List<DateTime>();
        using var connection = storage.GetConnection();
        while (true)
        {
            var job = connection.GetRecurringJobs([CloseRegistrationsJob.Name]).Single();
            var next = job.NextExecution!.Value;
            if (next > toUtc)
            {
                return firings;
            }

            now = next.AddSeconds(1);
            scheduler.Execute(context);
            var after = connection.GetRecurringJobs([CloseRegistrationsJob.Name]).Single();
            Assert.NotEqual(job.LastJobId, after.LastJobId); // a run was created
            firings.Add(DateTime.SpecifyKind(next, DateTimeKind.Utc));
        }
    }
}
