using IndustryWeek.Shared;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Registration;

/// <summary>`seed-demo --events N`: demo organisations and events, through the application's commands.</summary>
public sealed class RegistrationDemoSeederTests
{
    [Fact]
    public async Task SeedDemo_WithEvents_CreatesThemOnceSpreadOverTheRegionsMostlySubmitted()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database, new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false" });

        await platform.Services.SeedDemoAsync(new DemoOptions(Events: 250));
        await platform.Services.SeedDemoAsync(new DemoOptions(Events: 250));

        Assert.Equal(250, await database.ScalarAsync("SELECT COUNT(*) FROM registration_events"));
        Assert.Equal(20, await database.ScalarAsync("SELECT COUNT(*) FROM registration_organisations"));
        Assert.True(await database.ScalarAsync("""SELECT COUNT(DISTINCT "RegionCode") FROM registration_events""") >= 15);
        Assert.True(await database.ScalarAsync("""SELECT COUNT(*) FROM registration_events WHERE "RegionCode" IS NULL""") > 0); // online events
        var submitted = await database.ScalarAsync("""SELECT COUNT(*) FROM registration_events WHERE "Status" = 'Submitted'""");
        Assert.InRange(submitted, 150L, 240L);
        Assert.Equal(submitted, await database.ScalarAsync("SELECT COUNT(*) FROM labelling_applications"));
    }
}
