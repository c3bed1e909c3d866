using IndustryWeek.Shared.Messaging;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Editions;

/// <summary>Editions: each yearly edition's dates, periods and theme (its features come with the Editions issue).</summary>
public static class EditionsModule
{
    public static IServiceCollection AddEditionsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHandlersFrom(typeof(EditionsModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapEditionsModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
