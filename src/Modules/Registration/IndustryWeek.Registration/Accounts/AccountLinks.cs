using System.Text;
using IndustryWeek.Registration.Features.ConfirmEmail;
using IndustryWeek.Shared.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace IndustryWeek.Registration.Accounts;

/// <summary>
/// The links of the account mails that carry an Identity token, on `Site:PublicUrl` (never the request's host),
/// with the parameters of Identity's own API links (userId, code as Base64Url, changedEmail) so that both lead
/// to the same French page.
/// </summary>
internal sealed class AccountLinks(UserManager<IdentityUser> users, SiteLinks links)
{
    /// <summary>Confirms the address an account was created with.</summary>
    public async Task<string> ConfirmationAsync(IdentityUser user) =>
        $"{links.To(ConfirmEmailPageModel.Path)}?userId={Uri.EscapeDataString(user.Id)}&code={Encode(await users.GenerateEmailConfirmationTokenAsync(user))}";

    /// <summary>Confirms a change of address to <paramref name="newEmail"/> (the token is valid for that address only).</summary>
    public async Task<string> EmailChangeAsync(IdentityUser user, string newEmail) =>
        $"{links.To(ConfirmEmailPageModel.Path)}?userId={Uri.EscapeDataString(user.Id)}&code={Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail))}&changedEmail={Uri.EscapeDataString(newEmail)}";

    /// <summary>The token of a link, as its « code » parameter carries it.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
}
