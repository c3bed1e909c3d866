using IndustryWeek.Registration.Accounts;
using IndustryWeek.Registration.Features.Accounts;
using IndustryWeek.Registration.Domain.Places;
using IndustryWeek.Registration.Features.AssignRoles;
using IndustryWeek.Registration.Features.Events;
using IndustryWeek.Registration.Features.SeedDemo;
using IndustryWeek.Registration.Jobs;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Registration.Features.FindCommunes;
using IndustryWeek.Registration.Features.ImportEvents;
using IndustryWeek.Registration.Features.InviteColleague;
using IndustryWeek.Registration.Features.LockAccount;
using IndustryWeek.Registration.Features.MyOrganisation;
using IndustryWeek.Registration.Features.SignIn;
using IndustryWeek.Registration.Persistence;
using IndustryWeek.Shared;
using IndustryWeek.Shared.Mapping;
using IndustryWeek.Shared.Messaging;
using IndustryWeek.Shared.Observability;
using IndustryWeek.Shared.Persistence;
using IndustryWeek.Shared.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Registration;

/// <summary>Registration: accounts (ASP.NET Core Identity), the bootstrap administrator; organisations and their members; events from draft to label.</summary>
public static class RegistrationModule
{
    public static IServiceCollection AddRegistrationModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<RegistrationDbContext>("Registration", RegistrationDbContext.TablePrefix, RegistrationNotifications.From);
        services.AddHandlersFrom(typeof(RegistrationModule).Assembly);
        services.AddModuleMapping("Registration", RegistrationMapping.Config);
        services.AddAuthorization(o =>
        {
            o.AddPolicy(PlatformPolicies.AdministratorPages, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(PlatformRoles.Administrator));
            o.AddPolicy(PlatformPolicies.SignedInPages, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());
            o.AddPolicy(PlatformPolicies.OrganiserPages, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(PlatformRoles.Organiser));
            o.AddPolicy(PlatformPolicies.ModeratorPages, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(PlatformRoles.Moderator, PlatformRoles.Administrator));
            o.AddPolicy(PlatformPolicies.OperationsPages, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(PlatformRoles.Operator, PlatformRoles.Administrator));
        });
        services.AddIdentityApiEndpoints<IdentityUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = configuration.GetValue("Identity:RequireConfirmedEmail", true);
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddSignInManager<EvenTimeSignInManager>()
            .AddErrorDescriber<FrenchIdentityErrors>()
            .AddEntityFrameworkStores<RegistrationDbContext>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = SignInPageModel.Path;
            o.LogoutPath = "/deconnexion";
            o.AccessDeniedPath = "/acces-refuse";
            o.Cookie.Name = "sdi.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            SessionStampCheck.Add(o);
        });
        services.Configure<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(IdentityConstants.BearerScheme, SessionStampCheck.Add);
        services.AddTransient<IdentityMailSender>();
        services.AddScoped<AccountLinks>();
        services.AddTransient<IEmailSender<IdentityUser>>(sp => sp.GetRequiredService<IdentityMailSender>());
        services.AddHostedService<BootstrapAdministrator>();
        services.AddHostedService<DraftsAnnouncement>();
        services.AddAccountRateLimits(configuration);
        // The build copies the official data beside the application (cog/), so that a published copy has it too;
        // a configured directory is relative to the content root like the other paths.
        services.AddSingleton(sp => new CommuneDirectory(configuration["Cog:DataDirectory"] is { Length: > 0 } directory
            ? Path.GetFullPath(directory, sp.GetRequiredService<ContentRoot>().Path)
            : Path.Combine(AppContext.BaseDirectory, "cog")));
        services.AddHealthChecks().AddCheck<CommuneDataHealthCheck>("cog", tags: [ReadinessTags.Ready, ReadinessTags.Files]);
        services.AddScoped<EventAccess>();
        services.AddScoped<IOrganisationMembership, OrganisationMembership>();
        services.AddScoped<IDemoSeeder, RegistrationDemoSeeder>();
        services.AddScoped<EventDetailsFactory>();
        services.AddBackgroundJob<SendOrganiserNoticesJob, OrganiserNoticeBatch>(SendOrganiserNoticesJob.Name, "Courriels aux organisateurs");
        services.AddRecurringJob<ParticipationReminderJob>(ParticipationReminderJob.Name, "Rappel du bilan de participation", ParticipationReminderJob.Cron);
        return services;
    }

    public static IEndpointRouteBuilder MapRegistrationModule(this IEndpointRouteBuilder endpoints)
    {
        AccountEndpoints.Map(endpoints);
        AssignRolesEndpoint.Map(endpoints);
        LockAccountEndpoints.Map(endpoints);
        MyOrganisationEndpoints.Map(endpoints);
        InvitationEndpoints.Map(endpoints);
        FindCommunesEndpoint.Map(endpoints);
        SignOutEndpoint.Map(endpoints);
        EventsEndpoints.Map(endpoints);
        ImportEventsEndpoints.Map(endpoints);
        return endpoints;
    }
}
