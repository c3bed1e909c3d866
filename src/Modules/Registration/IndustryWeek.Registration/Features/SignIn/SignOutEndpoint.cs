using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace IndustryWeek.Registration.Features.SignIn;

internal static class SignOutEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/deconnexion", async (HttpContext http, IAntiforgery antiforgery, SignInManager<IdentityUser> signIn) =>
            {
                try
                {
                    await antiforgery.ValidateRequestAsync(http);
                }
                catch (AntiforgeryValidationException)
                {
                    return Results.BadRequest(); // a forged or stale sign-out form, not a server error
                }

                signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
                await signIn.SignOutAsync();
                return Results.LocalRedirect("/");
            })
            .ExcludeFromDescription();
}
