using IndustryWeek.CommunicationKit.Jobs;
using IndustryWeek.CommunicationKit.Persistence;
using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Messaging;
using IndustryWeek.Shared.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.CommunicationKit;

/// <summary>CommunicationKit: builds and emails each labelled event's kit, tracks its delivery.</summary>
public static class CommunicationKitModule
{
    public static IServiceCollection AddCommunicationKitModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<CommunicationKitDbContext>("CommunicationKit", CommunicationKitDbContext.TablePrefix, CommunicationKitNotifications.From);
        services.AddHandlersFrom(typeof(CommunicationKitModule).Assembly);
        services.AddBackgroundJob<SendKitJob, LabelGranted>(SendKitJob.Name);
        return services;
    }

    public static IEndpointRouteBuilder MapCommunicationKitModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
