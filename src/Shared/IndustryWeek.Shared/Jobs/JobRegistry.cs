using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Shared.Jobs;

/// <summary>The jobs modules declared, by stable name: the name, not a CLR type name, is what the job store keeps.</summary>
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
}

internal sealed record JobRegistration(
    string Name,
    Type JobType,
    Func<IServiceProvider, string, BackgroundJobContext, CancellationToken, Task> Run);


public static class BackgroundJobRegistration
{
    /// <summary>Declares a module's job under a stable <paramref name="name"/> ("communication-kit.send-kit").</summary>
    public static IServiceCollection AddBackgroundJob<TJob, TPayload>(this IServiceCollection services, string name)
        where TJob : class, IBackgroundJob<TPayload>
    {
        services.AddScoped<TJob>();
        Registry(services).Add(new JobRegistration(
            name,
            typeof(TJob),
            (sp, payload, context, ct) => sp.GetRequiredService<TJob>().RunAsync(
                JsonSerializer.Deserialize<TPayload>(payload, JobSerialization.Options)
                    ?? throw new InvalidOperationException($"Empty payload for job '{name}'."),
                context,
                ct)));
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

internal static class JobSerialization
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
