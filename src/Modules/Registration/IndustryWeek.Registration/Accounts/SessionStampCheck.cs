using System.Security.Claims;
using IndustryWeek.Registration.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IndustryWeek.Registration.Accounts;

/// <summary>
/// A session (the pages' cookie or an API bearer token) is the account's only while it carries the account's current
/// security stamp: locking the account, changing its address or its password ends its other sessions at their next
/// request, as a failed authentication (the sign-in page, or 401). Identity itself compares the stamps of a cookie
/// only every 30 minutes, and never those of a bearer token; this reads one column at each authenticated request.
/// A temporary lockout after failed attempts changes no stamp: it does not sign the owner out.
/// </summary>
internal static class SessionStampCheck
{
    /// <summary>The cookie's check, before Identity's own (which refreshes the cookie's roles every 30 minutes).</summary>
    public static void Add(CookieAuthenticationOptions options)
    {
        var identityCheck = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            if (!await IsCurrentAsync(context.HttpContext, context.Principal))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            await identityCheck(context);
        };
    }

    /// <summary>The bearer token's check: the token is read as its handler reads it, and refused with a stale stamp.</summary>
    public static void Add(BearerTokenOptions options)
    {
        var received = options.Events.OnMessageReceived;
        options.Events.OnMessageReceived = async context =>
        {
            await received(context);
            var header = context.Request.Headers.Authorization.ToString();
            var token = context.Token ?? (header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null);
            if (token is { Length: > 0 } && context.Options.BearerTokenProtector.Unprotect(token) is { } ticket
                && !await IsCurrentAsync(context.HttpContext, ticket.Principal))
            {
                context.Fail("The session ended: the account's security stamp changed.");
            }
        };
    }

    private static async Task<bool> IsCurrentAsync(HttpContext http, ClaimsPrincipal? principal)
    {
        var claims = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        if (principal?.FindFirstValue(claims.UserIdClaimType) is not { } userId)
        {
            return true; // not an account's session: nothing to compare
        }

        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        var db = http.RequestServices.GetRequiredService<RegistrationDbContext>();
        var current = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).ToListAsync(http.RequestAborted);
        return stamp is not null && current is [var found] && found == stamp;
    }
}
