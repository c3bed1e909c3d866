using IndustryWeek.Shared.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace IndustryWeek.Shared.Tests.Persistence;

public sealed class DatabaseSettingsTests : IDisposable
{
    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), "industryweek-tests-" + Guid.NewGuid().ToString("N"));

    public DatabaseSettingsTests() => Directory.CreateDirectory(_contentRoot);

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    [Fact]
    public void FromConfiguration_WhenProviderUnknown_StopsNamingTheSetting()
    {
        var configuration = Configuration(("Database:Provider", "Oracle"));

        var thrown = Assert.Throws<StartupException>(() => DatabaseSettings.FromConfiguration(configuration, _contentRoot));

        Assert.Contains("Database:Provider", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("Oracle", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_WhenProviderIsANumberOutOfRange_StopsNamingTheSetting()
    {
        var configuration = Configuration(("Database:Provider", "7"));

        var thrown = Assert.Throws<StartupException>(() => DatabaseSettings.FromConfiguration(configuration, _contentRoot));

        Assert.Contains("Database:Provider", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_WhenPostgreSqlWithoutConnectionString_StopsNamingTheMissingSetting()
    {
        var configuration = Configuration(("Database:Provider", "PostgreSql"));

        var thrown = Assert.Throws<StartupException>(() => DatabaseSettings.FromConfiguration(configuration, _contentRoot));

        Assert.Contains("ConnectionStrings:Default", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_WhenPostgreSqlWithConnectionString_UsesIt()
    {
        const string connectionString = "Host=127.0.0.1;Port=5433;Username=app;Password=app;Database=industryweek";
        var configuration = Configuration(("Database:Provider", "postgresql"), ("ConnectionStrings:Default", connectionString));

        var settings = DatabaseSettings.FromConfiguration(configuration, _contentRoot);

        Assert.Equal(DatabaseProvider.PostgreSql, settings.Provider);
        Assert.Equal(connectionString, settings.ConnectionString);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Serveur=sql.example;Base=industryweek")]
    public void FromConfiguration_WhenSqlServerConnectionStringMissingOrWrong_StopsNamingTheSetting(string? connectionString)
    {
        var configuration = Configuration(("Database:Provider", "SqlServer"), ("ConnectionStrings:Default", connectionString));

        var thrown = Assert.Throws<StartupException>(() => DatabaseSettings.FromConfiguration(configuration, _contentRoot));

        Assert.Contains("ConnectionStrings:Default", thrown.Message, StringComparison.Ordinal);
        Assert.Matches("SqlServer|SQL Server", thrown.Message);
    }

    [Fact]
    public void FromConfiguration_WhenSqlServerWithConnectionString_UsesIt()
    {
        const string connectionString = "Server=sql.example,1433;Database=industryweek;User Id=app;Password=app;Encrypt=True";
        var configuration = Configuration(("Database:Provider", "sqlserver"), ("ConnectionStrings:Default", connectionString));

        var settings = DatabaseSettings.FromConfiguration(configuration, _contentRoot);

        Assert.Equal(DatabaseProvider.SqlServer, settings.Provider);
        Assert.Equal(connectionString, settings.ConnectionString);
    }

    [Fact]
    public void FromConfiguration_WhenNothingConfigured_UsesSqliteFileUnderTheContentRoot()
    {
        var settings = DatabaseSettings.FromConfiguration(Configuration(), _contentRoot);

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        Assert.True(Path.IsPathFullyQualified(file), file);
        Assert.Equal(Path.Combine(_contentRoot, "data", "industryweek.db"), file);
        Assert.True(Directory.Exists(Path.Combine(_contentRoot, "data")));
    }

    [Fact]
    public void FromConfiguration_WhenRelativeSqliteFile_ResolvesItAgainstTheContentRoot()
    {
        var configuration = Configuration(("Database:Provider", "Sqlite"), ("ConnectionStrings:Default", "Data Source=db/other.db"));

        var settings = DatabaseSettings.FromConfiguration(configuration, _contentRoot);

        var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        Assert.Equal(Path.Combine(_contentRoot, "db", "other.db"), file);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
