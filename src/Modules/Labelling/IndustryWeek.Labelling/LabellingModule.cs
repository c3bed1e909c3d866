using IndustryWeek.Labelling.Features;
using IndustryWeek.Labelling.Features.GrantLabel;
using IndustryWeek.Labelling.Jobs;
using IndustryWeek.Labelling.Persistence;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Mapping;
using IndustryWeek.Shared.Messaging;
using IndustryWeek.Shared.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Labelling;

/// <summary>Labelling: applications and their four criteria, the regional queues, the moderators' decisions and their audit trail, label numbers.</summary>
public static class LabellingModule
{
    public static IServiceCollection AddLabellingModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<LabellingDbContext>("Labelling", LabellingDbContext.TablePrefix, LabellingNotifications.From);
        services.AddHandlersFrom(typeof(LabellingModule).Assembly);
        services.AddModuleMapping("Labelling", LabellingMapping.Config);
        services.AddRecurringJob<ModeratorDigestJob>(ModeratorDigestJob.Name, "Récapitulatif des modérateurs", ModeratorDigestJob.Cron);
        return services;
    }

    public static IEndpointRouteBuilder MapLabellingModule(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/labelling").WithTags("Labelling");
        GrantLabelEndpoint.Map(api);
        ModerationEndpoints.Map(api);
        ModerationEndpoints.MapStockReasons(api);
        return endpoints;
    }
}
