using System.Text.Json;
using IndustryWeek.Shared.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Shared.Jobs;

/// <summary>The jobs modules declared, by stable name: the name, not a CLR type name, is what the job storage keeps.</summary>
internal sealed class JobRegistry
{
    private readonly Dictionary<string, JobRegistration> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, JobRegistration> _byType = [];

    public void Add(JobRegistration registration)
    {
        if (!_byName.TryAdd(registration.Name, registration) || !_byType.TryAdd(registration.JobType, registration))
        {
            throw new InvalidOperationException($"Job '{registration.Name}' ({registration.JobType}) is registered twice.");
        }
    }

    public JobRegistration ByType(Type jobType) =>
        _byType.TryGetValue(jobType, out var registration)
            ? registration
            : throw new InvalidOperationException($"{jobType} is not a registered background job (AddBackgroundJob).");

    public JobRegistration? ByName(string name) => _byName.GetValueOrDefault(name);

    public IEnumerable<JobRegistration> Recurring => _byName.Values.Where(r => r.Cron is not null).OrderBy(r => r.Name, StringComparer.Ordinal);
}

/// <param name="Title">What the job does, in French, as the dashboard titles it (« Envoi du kit »).</param>
/// <param name="Cron">The schedule of a recurring job (Europe/Paris); null for a one-off job.</param>
internal sealed record JobRegistration(
    string Name,
    string Title,
    Type JobType,
    string? Cron,
    Func<IServiceProvider, string, BackgroundJobContext, CancellationToken, Task> Run)
{
    /// <summary>The job's title on the dashboard: « Envoi du kit – Visite de l'usine (SDI-2027-000123) ».</summary>
    public string DisplayName(string? about) => string.IsNullOrWhiteSpace(about) ? Title : $"{Title} – {about}";
}

public static class BackgroundJobRegistration
{
    /// <summary>
    /// Declares a module's job under a stable <paramref name="name"/> ("communication-kit.deliver"), titled
    /// <paramref name="title"/> for operators (« Envoi du kit »).
    /// </summary>
    public static IServiceCollection AddBackgroundJob<TJob, TPayload>(this IServiceCollection services, string name, string title)
        where TJob : class, IBackgroundJob<TPayload>
    {
        services.AddScoped<TJob>();
        Registry(services).Add(new JobRegistration(
            name,
            title,
            typeof(TJob),
            Cron: null,
            (sp, payload, context, ct) => sp.GetRequiredService<TJob>().RunAsync(
                JsonSerializer.Deserialize<TPayload>(payload, StoredJson.Options)
                    ?? throw new InvalidOperationException($"Empty payload for job '{name}'."),
                context,
                ct)));
        return services;
    }

    /// <summary>
    /// Declares a module's recurring job, fired by <paramref name="cronExpression"/> (with or without seconds)
    /// in Europe/Paris time, whatever the DST offset; a firing missed while no host ran happens once at the next start.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string name, string title, string cronExpression)
        where TJob : class, IRecurringJob
    {
        services.AddScoped<TJob>();
        Registry(services).Add(new JobRegistration(
            name,
            title,
            typeof(TJob),
            cronExpression,
            (sp, _, context, ct) => sp.GetRequiredService<TJob>().RunAsync(context, ct)));
        return services;
    }

    internal static JobRegistry Registry(IServiceCollection services)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(JobRegistry))?.ImplementationInstance;
        if (existing is JobRegistry registry)
        {
            return registry;
        }

        registry = new JobRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
