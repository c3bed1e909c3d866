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
                await antiforgery.ValidateRequestAsync(http);
                signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
                await signIn.SignOutAsync();
                return Results.LocalRedirect("/");
            })
            .ExcludeFromDescription();
}
