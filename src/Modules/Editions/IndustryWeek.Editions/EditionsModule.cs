using IndustryWeek.Editions.Features;
using IndustryWeek.Editions.Features.SeedDemo;
using IndustryWeek.Shared;
using IndustryWeek.Editions.Jobs;
using IndustryWeek.Editions.Persistence;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Mapping;
using IndustryWeek.Shared.Messaging;
using IndustryWeek.Shared.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Editions;

/// <summary>Editions: each yearly edition's dates, periods and theme; rescheduling; the registration deadline.</summary>
public static class EditionsModule
{
    public static IServiceCollection AddEditionsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<EditionsDbContext>("Editions", EditionsDbContext.TablePrefix, EditionsNotifications.From);
        services.AddHandlersFrom(typeof(EditionsModule).Assembly);
        services.AddModuleMapping("Editions", EditionsMapping.Config);
        services.AddRecurringJob<CloseRegistrationsJob>(CloseRegistrationsJob.Name, "Clôture des inscriptions", CloseRegistrationsJob.Cron);
        services.AddScoped<IDemoSeeder, EditionsDemoSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapEditionsModule(this IEndpointRouteBuilder endpoints)
    {
        EditionsEndpoints.Map(endpoints.MapGroup("/api/editions").WithTags("Éditions"));
        return endpoints;
    }
}
