using IndustryWeek.Map.Features.ExportMap;
using IndustryWeek.Map.Features.GetEventCalendar;
using IndustryWeek.Map.Features.GetMapEvents;
using IndustryWeek.Map.Features.GetMapPins;
using IndustryWeek.Map.Features.PublicPages;
using IndustryWeek.Map.Features.Sitemap;
using IndustryWeek.Map.Jobs;
using IndustryWeek.Map.Persistence;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Messaging;
using IndustryWeek.Shared.Persistence;
using IndustryWeek.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Map;

/// <summary>Map: the public entries of labelled events, kept from other modules' notifications, served as GeoJSON, iCalendar and open data.</summary>
public static class MapModule
{
    public static IServiceCollection AddMapModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<MapDbContext>("Map", MapDbContext.TablePrefix);
        services.AddHandlersFrom(typeof(MapModule).Assembly);
        services.AddScoped<PinPublications>();
        services.AddSingleton<MapCache>();
        services.AddSingleton<MapQuery>();
        services.AddBackgroundJob<PublishPinJob, PinChange>(PublishPinJob.Name, "Publication sur la carte");
        return services;
    }

    public static IEndpointRouteBuilder MapMapModule(this IEndpointRouteBuilder endpoints)
    {
        // Public data: compressed over HTTPS too, for visitors not signed in (AnswerCompression).
        var api = endpoints.MapGroup("/api/map").WithTags("Map").CompressedOverHttps();
        GetMapEventsEndpoint.Map(api);
        GetMapPinsEndpoint.Map(api);
        GetEventCalendarEndpoint.Map(api);
        ExportMapEndpoints.Map(api);
        ShortLinkEndpoint.Map(endpoints);
        SitemapEndpoint.Map(endpoints);
        return endpoints;
    }
}
