using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace IndustryWeek.Registration.Features.ConfirmEmail;

/// <summary>Where the confirmation mail's link leads (a French page rather than the API's plain text).</summary>
internal sealed class ConfirmEmailPageModel(UserManager<IdentityUser> users) : PageModel
{
    /// <summary>The page the confirmation link of the account mails points to.</summary>
    public const string Path = "/confirmation-email";

    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code) || await users.FindByIdAsync(userId) is not { } user)
        {
            return;
        }

        try
        {
            // The same encoding as Identity's API endpoints (Base64Url of the token).
            var token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
            Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
        }
        catch (FormatException)
        {
            Confirmed = false;
        }
    }
}
