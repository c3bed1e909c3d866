using System.Globalization;
using System.Threading.RateLimiting;
using IndustryWeek.Registration.Features.RegisterOrganiser;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Registration.Features.Accounts;

/// <summary>
/// The account endpoints of API.md (ASP.NET Core Identity's, under /api/identity): a self-registered
/// account is an organiser's, and sign-in, registration and password reset are rate-limited per address.
/// </summary>
internal static class AccountEndpoints
{
    public const string RateLimitPolicy = "accounts";

    public static void AddAccountRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimits:Accounts:PermitLimit", 10);
        var window = configuration.GetValue("RateLimits:Accounts:Window", TimeSpan.FromMinutes(1));
        services.AddRateLimiter(o =>
        {
            // Per client address and per endpoint: ten sign-in attempts a minute do not block registering.
            o.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                $"{http.Connection.RemoteIpAddress}|{http.Request.Path}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                await Results.Problem(
                        title: "Trop de tentatives",
                        detail: "Trop de tentatives depuis votre connexion : réessayez dans une minute.",
                        statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(http);
            };
        });
    }

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/identity")
            .WithTags("Comptes")
            .RequireRateLimiting(RateLimitPolicy)
            .MapIdentityApi<IdentityUser>()
            .AddEndpointFilter(async (context, next) =>
            {
                // One way to register: the API's /register runs the same command as the /inscription page.
                if (context.HttpContext.Request.Path.Value?.EndsWith("/register", StringComparison.OrdinalIgnoreCase) == true
                    && context.Arguments.OfType<RegisterRequest>().FirstOrDefault() is { } registration)
                {
                    var mediator = context.HttpContext.RequestServices.GetRequiredService<IMediator>();
                    var registered = await mediator.Send(new RegisterOrganiserCommand(registration.Email, registration.Password, SiteUrl(context.HttpContext.Request)), context.HttpContext.RequestAborted);
                    return registered.ToHttpResult(_ => Results.Ok());
                }

                return await next(context);
            });

    /// <summary>The address the links of the account mails start with.</summary>
    public static string SiteUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
