using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Startup;

/// <summary>What operators rely on to run the platform: readiness that names what is wrong, logs a machine can read, a correlation id per request.</summary>
public sealed class ObservabilityTests
{
    [Fact]
    public async Task Ready_WhenEverythingWorks_Answers200NamingEachCheck()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        using var client = platform.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var checks = report.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Contains("mail", checks.Keys);
        Assert.Contains("kit-fonts", checks.Keys);
        Assert.Contains(checks.Keys, k => k == "jobs");
        Assert.Contains("database-platform", checks.Keys);
        Assert.Contains("database-operations", checks.Keys);
        Assert.All(checks.Values, status => Assert.Equal("Healthy", status));
    }

    [Fact]
    public async Task Ready_WhenTheSmtpServerIsUnreachable_Answers503AndSaysItIsTheMail()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database, new Dictionary<string, string?>
        {
            ["Mail:Delivery"] = "Smtp",
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var client = platform.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var mail = report.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "mail");
        Assert.Equal("Unhealthy", mail.GetProperty("status").GetString());
        Assert.StartsWith("Envoi des courriels impossible", mail.GetProperty("description").GetString(), StringComparison.Ordinal);
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Request_GetsACorrelationId_TheCallersWhenAcceptable()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        using var client = platform.CreateClient();

        using var given = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "X-Correlation-Id", "ops-ticket-4521" } } };
        using var hostile = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        hostile.Headers.TryAddWithoutValidation("X-Correlation-Id", "<script>alert(1)</script>");
        using var none = new HttpRequestMessage(HttpMethod.Get, "/health/live");

        var kept = (await client.SendAsync(given)).Headers.GetValues("X-Correlation-Id").Single();
        var replaced = (await client.SendAsync(hostile)).Headers.GetValues("X-Correlation-Id").Single();
        var generated = (await client.SendAsync(none)).Headers.GetValues("X-Correlation-Id").Single();

        Assert.Equal("ops-ticket-4521", kept);
        Assert.Matches("^[0-9a-f]{32}$", replaced);
        Assert.Matches("^[0-9a-f]{32}$", generated);
    }

    [Fact]
    public async Task Logs_WhenJsonIsConfigured_AreOneJsonObjectPerLineCarryingTheCorrelationId()
    {
        var contentRoot = Directory.CreateTempSubdirectory("industryweek-logs-").FullName;
        try
        {
            await using var host = HostProcess.Start(contentRoot, new Dictionary<string, string?>
            {
                ["Logging:Console:FormatterName"] = "json",
                ["Logging:Console:FormatterOptions:IncludeScopes"] = "true",
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore.Routing"] = "Information",
            });
            await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            using var client = host.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/carte") { Headers = { { "X-Correlation-Id", "json-logs-test-1" } } };
            (await client.SendAsync(request)).EnsureSuccessStatusCode();

            await Eventually.WaitAsync(
                () => Task.FromResult(host.Output.Contains("json-logs-test-1", StringComparison.Ordinal)),
                "a log line of the request carries its correlation id");

            var lines = host.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var entries = lines.Select(line => JsonDocument.Parse(line)).ToList(); // every line is JSON, or this throws
            try
            {
                Assert.All(entries, e => Assert.True(e.RootElement.TryGetProperty("LogLevel", out _)));
                var ofRequest = entries.Where(e => e.RootElement.TryGetProperty("Scopes", out var scopes)
                    && scopes.EnumerateArray().Any(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("CorrelationId", out var id) && id.GetString() == "json-logs-test-1"));
                Assert.NotEmpty(ofRequest);
            }
            finally
            {
                entries.ForEach(e => e.Dispose());
            }
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
