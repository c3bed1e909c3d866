using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Startup;

/// <summary>The embedded default starts by itself; a bad setting stops the host with one clear line.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Start_WhenNothingConfigured_ReadyWithin10SecondsOnSqliteUnderData()
    {
        var contentRoot = Directory.CreateTempSubdirectory("industryweek-fresh-").FullName;
        try
        {
            await using var host = HostProcess.Start(contentRoot, []);

            await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(10));

            Assert.True(File.Exists(Path.Combine(contentRoot, "data", "industryweek.db")), "the SQLite file is data/industryweek.db");
            Assert.True(Directory.Exists(Path.Combine(contentRoot, "data", "mail")), "mails go to data/mail/");
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Theory]
    [InlineData("Oracle", null, "Database:Provider")]
    [InlineData("PostgreSql", null, "ConnectionStrings:Default")]
    [InlineData("PostgreSql", "Host=127.0.0.1;Port=1;Database=industryweek;Username=app;Password=app;Timeout=3", "ConnectionStrings:Default")]
    [InlineData("Sqlite", "Data Source=/proc/industryweek/impossible.db", "ConnectionStrings:Default")]
    public async Task Start_WhenDatabaseSettingIsWrong_ExitsWithOneLineNamingTheSetting(string provider, string? connectionString, string setting)
    {
        var contentRoot = Directory.CreateTempSubdirectory("industryweek-bad-").FullName;
        try
        {
            await using var host = HostProcess.Start(contentRoot, [new("Database:Provider", provider), new("ConnectionStrings:Default", connectionString)]);

            var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(1, exitCode);
            var line = Assert.Single(host.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Contains(setting, line);
            Assert.DoesNotContain("   at ", host.Output + host.Errors);
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }
}
