using System.Diagnostics.Metrics;
using IndustryWeek.Shared;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Observability;
using IndustryWeek.Shared.Outbox;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IndustryWeek.Host.Features.Telemetry;

/// <summary>`OpenTelemetry:*`: where traces and metrics go (OTLP over HTTP, protobuf); nothing is collected without an endpoint.</summary>
internal sealed class TelemetryOptions
{
    public const string Section = "OpenTelemetry";

    /// <summary>The collector's OTLP/HTTP base address (http://collector:4318): traces to /v1/traces, metrics to /v1/metrics.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Extra headers of each export, « name=value,name2=value2 » (a hosted collector's key).</summary>
    public string? Headers { get; set; }

    public string ServiceName { get; set; } = "industryweek";

    /// <summary>How long finished spans wait to be sent in one batch.</summary>
    public TimeSpan TracesExportInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often metrics are sent; the outbox and jobs gauges are read from the database as often.</summary>
    public TimeSpan MetricsExportInterval { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>
/// The OpenTelemetry SDK, the only place that knows it: the host's requests and outgoing HTTP calls, the platform's
/// own spans (outbox dispatch, each job, in the trace of the request that caused them) and meter, ASP.NET Core's and
/// the runtime's metrics, exported over OTLP. Registered only when <c>OpenTelemetry:Endpoint</c> is set: otherwise
/// no listener exists and the platform's spans are not even created.
/// </summary>
internal static class TelemetryExport
{
    public static IServiceCollection AddTelemetryExport(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            return services;
        }

        if (!Uri.TryCreate(options.Endpoint.TrimEnd('/') + "/", UriKind.Absolute, out var root) || root.Scheme is not ("http" or "https"))
        {
            throw new StartupException($"Configuration invalide : OpenTelemetry:Endpoint attend l'adresse http(s) d'un collecteur OTLP (par exemple http://collecteur:4318) ; refusé : « {options.Endpoint} ».");
        }

        if (options.TracesExportInterval <= TimeSpan.Zero || options.MetricsExportInterval <= TimeSpan.Zero)
        {
            throw new StartupException("Configuration invalide : OpenTelemetry:TracesExportInterval et OpenTelemetry:MetricsExportInterval attendent des durées positives (par exemple 00:00:05).");
        }

        void Otlp(OtlpExporterOptions exporter, string signal)
        {
            exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
            exporter.Endpoint = new Uri(root, signal); // set in code, the address is used as is: the signal's path is added here
            if (!string.IsNullOrWhiteSpace(options.Headers))
            {
                exporter.Headers = options.Headers;
            }
        }

        services.AddSingleton(options);
        services.AddHostedService<TelemetryGauges>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(PlatformTelemetry.Name)
                // Probes ask every few seconds: their spans would bury the work.
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(exporter =>
                {
                    Otlp(exporter, "v1/traces");
                    exporter.BatchExportProcessorOptions.ScheduledDelayMilliseconds = (int)options.TracesExportInterval.TotalMilliseconds;
                }))
            .WithMetrics(metrics => metrics
                .AddMeter(PlatformTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddOtlpExporter((exporter, reader) =>
                {
                    Otlp(exporter, "v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.MetricsExportInterval.TotalMilliseconds;
                }));
        return services;
    }
}

/// <summary>
/// The outbox backlog and the jobs by state, as gauges: read with the counts the /ops dashboard shows, once per metrics
/// export interval in the background (a gauge's callback must not query the database on the exporter's thread).
/// </summary>
internal sealed partial class TelemetryGauges : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TelemetryOptions _options;
    private readonly ILogger<TelemetryGauges> _logger;
    private volatile Counts? _last;

    public TelemetryGauges(IServiceScopeFactory scopes, TelemetryOptions options, IMeterFactory meters, ILogger<TelemetryGauges> logger)
    {
        (_scopes, _options, _logger) = (scopes, options, logger);
        var meter = meters.Create(PlatformTelemetry.Name);
        meter.CreateObservableGauge(PlatformTelemetry.OutboxBacklogMetric, OutboxBacklog, "{message}", "Outbox messages not yet published (pending) or given up (failed), every module together");
        meter.CreateObservableGauge(PlatformTelemetry.JobsMetric, JobsByState, "{job}", "Background jobs by state, as the /ops pages count them");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.MetricsExportInterval);
        do
        {
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                var outbox = await scope.ServiceProvider.GetRequiredService<IOutboxOperations>().CountAsync(stoppingToken);
                var jobs = await scope.ServiceProvider.GetRequiredService<IJobOperations>().CountAsync(stoppingToken);
                _last = new Counts(outbox, jobs);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be restarting: the gauges stop reporting until it answers again.
                _last = null;
                LogReadFailed(_logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private IEnumerable<Measurement<int>> OutboxBacklog() => _last is { } last
        ? [State(last.Outbox.Pending, "pending"), State(last.Outbox.Failed, "failed")]
        : [];

    private IEnumerable<Measurement<int>> JobsByState() => _last is { Jobs: var jobs }
        ? [State(jobs.Scheduled, "scheduled"), State(jobs.Processing, "processing"), State(jobs.Retrying, "retrying"),
           State(jobs.Succeeded, "succeeded"), State(jobs.Failed, "failed"), State(jobs.Deleted, "deleted")]
        : [];

    private static Measurement<int> State(int value, string state) => new(value, new KeyValuePair<string, object?>("state", state));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the outbox and jobs counts for the telemetry gauges")]
    private static partial void LogReadFailed(ILogger logger, Exception error);

    private sealed record Counts(OutboxCounters Outbox, JobCounters Jobs);
}
