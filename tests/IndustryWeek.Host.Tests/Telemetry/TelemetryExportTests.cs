using IndustryWeek.Host.Tests.Operations;
using IndustryWeek.Shared.Observability;
using IndustryWeek.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace IndustryWeek.Host.Tests.Telemetry;

/// <summary>
/// What a collector (Jaeger, Prometheus through OTLP…) receives from the platform when <c>OpenTelemetry:Endpoint</c>
/// points at it: an approval as one trace, from the moderator's request to its kit mail and its pin; the metrics
/// operators chart. Nothing at all without the setting.
/// </summary>
public sealed class TelemetryExportTests
{
    private const string CorrelationId = "otel-grant-42";
    private const int ServerKind = 2; // Span.SpanKind.SPAN_KIND_SERVER

    private static Dictionary<string, string?> ExportingTo(OtlpReceiver receiver) => new()
    {
        ["OpenTelemetry:Endpoint"] = receiver.Endpoint,
        ["OpenTelemetry:TracesExportInterval"] = "00:00:00.200",
        ["OpenTelemetry:MetricsExportInterval"] = "00:00:00.500",
    };

    [Fact]
    public async Task Grant_WhenAnEndpointIsSet_ExportsOneTraceFromTheRequestThroughTheOutboxToTheKitAndPinJobs()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var scene = await OpsScene.StartAsync(settings: ExportingTo(receiver));
        var submitted = await scene.SubmittedAsync();

        using var granted = await scene.GrantAsync(submitted.EventId, CorrelationId);

        ReceivedSpan? request = null, dispatch = null, kit = null, pin = null;
        await Eventually.WaitAsync(
            () =>
            {
                var spans = receiver.Spans;
                request = spans.FirstOrDefault(s => s.Kind == ServerKind && s.Attributes.GetValueOrDefault("url.path") == $"/api/labelling/applications/{submitted.EventId}/grant");
                var trace = spans.Where(s => s.TraceId == request?.TraceId).ToList();
                dispatch = trace.FirstOrDefault(s => s.Name == "outbox LabelGranted" && s.ParentSpanId == request?.SpanId);
                kit = trace.FirstOrDefault(s => s.Name == $"job {OpsScene.KitJobs}" && s.ParentSpanId == dispatch?.SpanId);
                pin = trace.FirstOrDefault(s => s.Name == $"job {OpsScene.PinJobs}" && s.ParentSpanId == dispatch?.SpanId);
                return Task.FromResult(kit is not null && pin is not null);
            },
            "the grant's trace holds its request, the LabelGranted dispatch and the kit and pin jobs");

        Assert.Equal($"POST {request!.Attributes["http.route"]}", request.Name);
        Assert.Equal("200", request.Attributes["http.response.status_code"]);
        foreach (var span in new[] { request, dispatch!, kit!, pin! })
        {
            Assert.Equal(CorrelationId, span.Attributes[PlatformTelemetry.CorrelationAttribute]);
        }

        Assert.Equal($"{submitted.EventId:N}-label-v1", kit!.Attributes["industryweek.job.key"]);
    }

    [Fact]
    public async Task Metrics_WhenAnEndpointIsSet_ExportTheKitsSentTheOutboxBacklogTheJobsAndTheRequests()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var scene = await OpsScene.StartAsync(settings: ExportingTo(receiver));

        var eventId = await scene.LabelledAsync();
        await scene.WaitForJobOfAsync(eventId, OpsScene.KitJobs, "Succeeded");

        await Eventually.WaitAsync(
            () => Task.FromResult(receiver.Metrics.Any(m => m.Name == PlatformTelemetry.KitDeliveriesSentMetric && m.Points.Any(p => p.Value >= 1))
                && receiver.Metrics.Any(m => m.Name == PlatformTelemetry.JobsMetric && m.Points.Any(p => p.Attributes["state"] == "succeeded" && p.Value >= 1))),
            "a metrics export counts the kit sent and the succeeded jobs");

        var names = receiver.Metrics.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var sent = receiver.Metrics.Last(m => m.Name == PlatformTelemetry.KitDeliveriesSentMetric).Points;
        Assert.Equal(("Granted", 1.0), (Assert.Single(sent).Attributes["reason"], sent[0].Value));
        var backlog = receiver.Metrics.Last(m => m.Name == PlatformTelemetry.OutboxBacklogMetric).Points;
        Assert.Equal(["failed", "pending"], backlog.Select(p => p.Attributes["state"]).Order(StringComparer.Ordinal));
        Assert.Equal(0, backlog.Single(p => p.Attributes["state"] == "failed").Value);
        Assert.Contains("http.server.request.duration", names); // ASP.NET Core's
        Assert.Contains(names, n => n.StartsWith("dotnet.", StringComparison.Ordinal)); // the runtime's (GC, thread pool…)
    }

    [Fact]
    public async Task Metrics_WhenTheSmtpServerIsDown_CountTheKitMailFailuresAndNoneSent()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var settings = ExportingTo(receiver);
        settings["Mail:Delivery"] = "Smtp";
        settings["Mail:SmtpHost"] = "127.0.0.1";
        settings["Mail:SmtpPort"] = SmtpServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture); // nothing listens
        await using var scene = await OpsScene.StartAsync(settings: settings);

        var eventId = await scene.LabelledAsync();
        await scene.WaitForJobOfAsync(eventId, OpsScene.KitJobs, "Retrying");

        await Eventually.WaitAsync(
            () => Task.FromResult(receiver.Metrics.Any(m => m.Name == PlatformTelemetry.KitDeliveriesFailedMetric)),
            "a metrics export counts the failed kit mail");

        var failed = Assert.Single(receiver.Metrics.Last(m => m.Name == PlatformTelemetry.KitDeliveriesFailedMetric).Points);
        Assert.Equal(("Granted", "true", 1.0), (failed.Attributes["reason"], failed.Attributes["will_retry"], failed.Value));
        Assert.DoesNotContain(receiver.Metrics, m => m.Name == PlatformTelemetry.KitDeliveriesSentMetric);
    }

    [Fact]
    public async Task Host_WhenNoEndpointIsSet_RegistersNoTelemetryExport()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);

        using var client = platform.CreateClient();
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.True(live.IsSuccessStatusCode);
        Assert.Null(platform.Services.GetService<TracerProvider>());
        Assert.Null(platform.Services.GetService<MeterProvider>());
    }
}
