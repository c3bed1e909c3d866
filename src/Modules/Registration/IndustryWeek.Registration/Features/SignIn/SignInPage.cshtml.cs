using IndustryWeek.Shared.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Registration.Features.SignIn;

/// <summary>Cookie sign-in for the pages (the API signs in at /api/identity/login).</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Accounts.AccountEndpoints.RateLimitPolicy)]
internal sealed class SignInPageModel(SignInManager<IdentityUser> signIn) : PageModel
{
    /// <summary>The sign-in page (the cookie's login path, the account mails' link).</summary>
    public const string Path = "/connexion";

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The account and password given do not sign in (<see cref="SignInRefusal"/>).</summary>
    public bool Refused { get; private set; }

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
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : await LandingAsync(Email.Trim()));
        }

        // The same words for an unknown address, a wrong password, a locked or an unconfirmed account.
        Refused = true;
        return Page();
    }

    /// <summary>Where each role's work is, when no page was asked for: an administrator's first, then a moderator's, an operator's, an organiser's.</summary>
    private async Task<string> LandingAsync(string userName)
    {
        var user = await signIn.UserManager.FindByNameAsync(userName);
        IList<string> roles = user is null ? [] : await signIn.UserManager.GetRolesAsync(user);
        return roles.Contains(PlatformRoles.Administrator) ? "/admin/editions"
            : roles.Contains(PlatformRoles.Moderator) ? "/moderation"
            : roles.Contains(PlatformRoles.Operator) ? "/ops"
            : roles.Contains(PlatformRoles.Organiser) ? "/mon-espace"
            : "/";
    }
}
