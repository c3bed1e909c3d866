using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Registration.Features.SignIn;

/// <summary>Cookie sign-in for the pages (the API signs in at /api/identity/login).</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Accounts.AccountEndpoints.RateLimitPolicy)]
internal sealed class SignInPageModel(SignInManager<IdentityUser> signIn) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Indiquez votre adresse électronique.");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Indiquez votre mot de passe.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(Email!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError(string.Empty, result switch
        {
            { IsLockedOut: true } => "Trop d'essais infructueux : votre compte est verrouillé pendant 15 minutes.",
            { IsNotAllowed: true } => "Confirmez d'abord votre adresse électronique avec le lien reçu par courriel.",
            _ => "Adresse électronique ou mot de passe incorrect.",
        });
        return Page();
    }
}
