using IndustryWeek.Operations.Features;
using IndustryWeek.Operations.Persistence;
using IndustryWeek.Shared.Mapping;
using IndustryWeek.Shared.Messaging;
using IndustryWeek.Shared.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Operations;

/// <summary>Operations: the operators' dashboard over the jobs and the outboxes (the jobs themselves on the Hangfire dashboard), and the audit of what they do.</summary>
public static class OperationsModule
{
    public static IServiceCollection AddOperationsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<OperationsDbContext>("Operations", OperationsDbContext.TablePrefix);
        services.AddHandlersFrom(typeof(OperationsModule).Assembly);
        services.AddModuleMapping("Operations", OperationsMapping.Config);
        services.AddScoped<OperatorActionLog>();
        return services;
    }

    public static IEndpointRouteBuilder MapOperationsModule(this IEndpointRouteBuilder endpoints)
    {
        OperationsEndpoints.Map(endpoints);
        return endpoints;
    }
}
