using System.Net.Http.Json;
using IndustryWeek.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace IndustryWeek.Host.Tests.Faults;

/// <summary>
/// The window the kill -9 test found: the host dies after a job's run succeeded and was recorded, but before
/// the scheduler recorded the end of its trigger. The next node recovers it; it must not run it again.
/// </summary>
public sealed class JobRecoveryTests
{
    [Fact]
    public async Task Recovery_WhenTheJobHadAlreadySucceeded_DoesNotRunItAgain()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        using var moderator = await platform.SignedInClientAsync();
        var submitted = SampleEvents.FactoryVisit();
        await platform.PublishAsync(submitted);
        (await moderator.PostAsJsonAsync($"/api/labelling/applications/{submitted.EventId}/grant", new { })).EnsureSuccessStatusCode();
        const string SucceededKitJobs = """SELECT COUNT(*) FROM platform_jobs WHERE "Type" = 'communication-kit.deliver' AND "State" = 'Succeeded'""";
        await Eventually.WaitAsync(async () => await database.ScalarAsync(SucceededKitJobs) == 1 && platform.Mails().Count == 1, "the kit is sent");

        // What Quartz fires for a job whose host died during its run (RequestRecovery): a trigger of the recovery group.
        var scheduler = await platform.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = Assert.Single(await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals("communication-kit.deliver")));
        var recovery = new TriggerKey("recover-" + Guid.NewGuid().ToString("N"), SchedulerConstants.DefaultRecoveryGroup);
        await scheduler.ScheduleJob(TriggerBuilder.Create().WithIdentity(recovery).ForJob(job).StartNow().Build());
        await Eventually.WaitAsync(async () => await scheduler.GetTrigger(recovery) is null, "the recovery trigger has fired");

        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM platform_job_attempts a JOIN platform_jobs j ON j.\"Id\" = a.\"JobId\" WHERE j.\"Type\" = 'communication-kit.deliver'"));
        Assert.Equal(1, await database.ScalarAsync(SucceededKitJobs));
        Assert.Single(platform.Mails());
    }
}
