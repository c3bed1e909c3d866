using IndustryWeek.CommunicationKit.Content;
using IndustryWeek.CommunicationKit.Features.Kits;
using IndustryWeek.CommunicationKit.Jobs;
using IndustryWeek.CommunicationKit.Persistence;
using IndustryWeek.Shared;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Mapping;
using IndustryWeek.Shared.Messaging;
using IndustryWeek.Shared.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IndustryWeek.CommunicationKit;

/// <summary>CommunicationKit: builds each labelled event's kit (poster, certificate, texts, calendar), mails it, keeps it downloadable, tracks its delivery.</summary>
public static class CommunicationKitModule
{
    public static IServiceCollection AddCommunicationKitModule(this IServiceCollection services, IConfiguration configuration)
    {
        var fonts = KitFonts.Find(configuration["CommunicationKit:Fonts:Regular"], configuration["CommunicationKit:Fonts:Bold"], out var problem)
            ?? throw new StartupException(problem);
        var installed = KitFonts.Install(fonts.Regular, fonts.Bold);
        services.AddHealthChecks().AddCheck(
            "kit-fonts",
            () => File.Exists(installed.RegularPath) && File.Exists(installed.BoldPath)
                ? HealthCheckResult.Healthy($"Polices des PDF : {installed.RegularPath}, {installed.BoldPath}")
                : HealthCheckResult.Unhealthy($"Polices des PDF introuvables : {installed.RegularPath}, {installed.BoldPath}"),
            tags: ["ready"]);

        services.AddModuleDatabase<CommunicationKitDbContext>("CommunicationKit", CommunicationKitDbContext.TablePrefix, CommunicationKitNotifications.From);
        services.AddHandlersFrom(typeof(CommunicationKitModule).Assembly);
        services.AddModuleMapping("CommunicationKit", CommunicationKitMapping.Config);
        services.AddScoped<KitAccess>();
        services.AddScoped<KitDeliveries>();
        services.AddMetrics(); // IMeterFactory (the host has it already)
        services.AddSingleton<KitDeliveryMetrics>();
        services.AddBackgroundJob<DeliverKitJob, DeliverKitRequest>(DeliverKitJob.Name, "Envoi du kit");
        services.AddScoped<DecisionMails>();
        services.AddSingleton<Features.DecisionMails.DecisionMailTexts>();
        services.AddBackgroundJob<SendDecisionMailJob, SendDecisionMailRequest>(SendDecisionMailJob.Name, "Courriel de décision à l'organisateur");
        return services;
    }

    public static IEndpointRouteBuilder MapCommunicationKitModule(this IEndpointRouteBuilder endpoints)
    {
        KitEndpoints.Map(endpoints);
        return endpoints;
    }
}
