using Mapster;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Shared.Mapping;

/// <summary>
/// A module's Mapster configuration, for its plain member-to-member copies (entities and views into DTOs,
/// `ProjectToType` in list queries); mappings with logic stay written out. Registered by the module's
/// `AddXModule` so that a test compiles every one: a mapping error fails a test, never a request.
/// </summary>
public sealed record ModuleMapping(string Module, TypeAdapterConfig Config);

public static class ModuleMappingRegistration
{
    public static IServiceCollection AddModuleMapping(this IServiceCollection services, string module, TypeAdapterConfig config) =>
        services.AddSingleton(new ModuleMapping(module, config));
}
