using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Mail;
using IndustryWeek.Shared.Observability;
using IndustryWeek.Shared.Messaging;
using IndustryWeek.Shared.Outbox;
using IndustryWeek.Shared.Persistence;
using IndustryWeek.Shared.Platform;
using IndustryWeek.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IndustryWeek.Shared;

public static class SharedKernelRegistration
{
    /// <summary>
    /// The platform's common services: the database settings (validated now, so a bad setting stops
    /// the host at once), the Data Protection key ring, MediatR, the outbox and its dispatcher, Hangfire jobs, mail, clock, problem details.
    /// </summary>
    public static IServiceCollection AddSharedKernel(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var database = DatabaseSettings.FromConfiguration(configuration, environment.ContentRootPath);
        services.AddSingleton(database);
        services.AddSingleton(new ContentRoot(environment.ContentRootPath));
        services.AddSingleton(TimeProvider.System);

        services.AddModuleDatabase<PlatformDbContext>("Platform", PlatformDbContext.TablePrefix);
        services.AddKeyRing(configuration, environment.ContentRootPath);

        services.AddMessaging();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = FrenchProblemTitles.Apply);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new TextWithoutNul());

            // ASP.NET Core's default for the API is the relaxed encoder, which writes organisers' markup raw (« <script> »):
            // HTML-sensitive characters are escaped (\u003C), as the map's JSON already does; accents stay readable.
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        services.AddExceptionHandler<BadInputExceptionHandler>();
        // Unreadable bodies and parameters reach BadInputExceptionHandler (French problem details)
        // instead of an empty 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<Web.SiteLinks>();
        services.AddSingleton(Web.MapTiles.From(configuration));
        services.AddSingleton<IOutboxDispatcher, OutboxDispatcher>();
        services.AddHostedService<OutboxDispatcherService>();
        services.AddScoped<IOutboxOperations, OutboxOperations>();

        services.AddBackgroundJobs(database, configuration);

        MailOptions.CheckSettings(configuration);
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<IMailSender, MailKitMailSender>();
        services.AddHealthChecks()
            .AddCheck<MailHealthCheck>("mail", tags: [ReadinessTags.Ready])
            .AddCheck<FrontEndAssetsHealthCheck>("front-end", tags: [ReadinessTags.Ready, ReadinessTags.Files]);
        services.AddHostedService<StartupReadinessReport>();
        return services;
    }

    /// <summary>
    /// `/health/live` (the process answers) and `/health/ready` (each module's database, the job
    /// scheduler, mail, the PDF fonts, the official COG data, the front-end files), both as JSON naming each
    /// check, 503 when one is unhealthy. GET only (HEAD too, through <see cref="HeadAsGet"/>); any other
    /// method is a 405, as on every read.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthReportWriter.WriteAsync })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
        return endpoints;
    }
}
