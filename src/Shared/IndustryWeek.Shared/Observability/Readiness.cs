using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IndustryWeek.Shared.Observability;

/// <summary>Health check tags: « ready » checks answer /health/ready; « files » ones are also said at start-up.</summary>
public static class ReadinessTags
{
    public const string Ready = "ready";

    /// <summary>What the host reads from its own folder (official data, front-end files): missing after a bad publish or copy.</summary>
    public const string Files = "files";
}

/// <summary>
/// The files a running host reads from its web root: without them pages have no style and maps no script.
/// Missing when the application was copied without its wwwroot (a publish that left them out).
/// </summary>
internal sealed class FrontEndAssetsHealthCheck(IWebHostEnvironment environment) : IHealthCheck
{
    private static readonly string[] Required =
    [
        "lib/dsfr/dsfr.public.min.css",
        "lib/dsfr/dsfr.signed-in.min.css",
        "lib/dsfr/dsfr.site.module.min.js",
        "lib/leaflet/leaflet.js",
        "lib/supercluster/supercluster.min.js",
        "geo/regions.geojson",
    ];

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var missing = Required.Where(path => !environment.WebRootFileProvider.GetFileInfo(path).Exists).ToList();
        return Task.FromResult(missing.Count == 0
            ? HealthCheckResult.Healthy($"Fichiers du site présents ({environment.WebRootPath})")
            : HealthCheckResult.Unhealthy($"Fichiers du site introuvables dans {environment.WebRootPath} : {string.Join(", ", missing)}. Republiez l'application (dotnet publish) avec son dossier wwwroot."));
    }
}

/// <summary>
/// Says at start-up, in one French line each, what /health/ready will refuse for (a file the host cannot work
/// without): the operator reads it in the service's log instead of finding it from a load balancer.
/// </summary>
internal sealed partial class StartupReadinessReport(HealthCheckService health, ILogger<StartupReadinessReport> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(c => c.Tags.Contains(ReadinessTags.Files), cancellationToken);
        foreach (var (_, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            LogNotReady(logger, entry.Description ?? "");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Critical, Message = "Le service ne sera pas prêt (/health/ready répond 503) : {Problem}")]
    private static partial void LogNotReady(ILogger logger, string problem);
}
