using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IndustryWeek.Registration.Domain.Places;

/// <summary>Ready only with the official COG data: without it no event address can be checked, so none can be created.</summary>
internal sealed class CommuneDataHealthCheck(CommuneDirectory communes) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var missing = communes.MissingFiles();
        return Task.FromResult(missing.Count == 0
            ? HealthCheckResult.Healthy($"Données officielles des communes (COG) : {communes.DataDirectory}")
            : HealthCheckResult.Unhealthy($"Données officielles des communes (COG) introuvables dans {communes.DataDirectory} : {string.Join(", ", missing)}. Republiez l'application (dotnet publish) ou renseignez Cog:DataDirectory."));
    }
}
