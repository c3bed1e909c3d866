using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IndustryWeek.Registration.Accounts;

/// <summary>
/// Identity's sign-in (the /connexion page's and the API's), taking about as long whatever the reason for a refusal.
/// Identity checks the password, the slow part, only for an existing account that is neither locked nor
/// unconfirmed; for an unknown address, a locked or an unconfirmed account, a password is checked against a
/// stand-in hash too, and the outcome thrown away.
/// </summary>
internal sealed class EvenTimeSignInManager(
    UserManager<IdentityUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<IdentityUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<IdentityUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<IdentityUser> confirmation)
    : SignInManager<IdentityUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly IdentityUser StandIn = new();
    private static string? _standInHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            CheckStandIn(password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(IdentityUser user, string password, bool lockoutOnFailure)
    {
        if (await PreSignInCheck(user) is { } refused)
        {
            CheckStandIn(password);
            return refused;
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    private void CheckStandIn(string password)
    {
        _standInHash ??= UserManager.PasswordHasher.HashPassword(StandIn, Guid.NewGuid().ToString());
        _ = UserManager.PasswordHasher.VerifyHashedPassword(StandIn, _standInHash, password);
    }
}
