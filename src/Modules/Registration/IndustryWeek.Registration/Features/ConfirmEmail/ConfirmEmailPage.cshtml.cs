using IndustryWeek.Registration.Accounts;
using IndustryWeek.Registration.Features.ChangeEmail;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Registration.Features.ConfirmEmail;

/// <summary>
/// Where the account mails' confirmation links lead (a French page rather than the API's plain text): the address
/// of a new account, or with « changedEmail » the new address of an existing one.
/// </summary>
internal sealed class ConfirmEmailPageModel(UserManager<IdentityUser> users, IMediator mediator) : PageModel
{
    /// <summary>The page the confirmation link of the account mails points to.</summary>
    public const string Path = "/confirmation-email";

    public bool Confirmed { get; private set; }

    /// <summary>The account's new address, when the link was a change of address's and made it.</summary>
    public string? ChangedTo { get; private set; }

    /// <summary>The link was a change of address's (valid or not).</summary>
    public bool IsChange { get; private set; }

    public async Task OnGetAsync(string? userId, string? code, string? changedEmail, CancellationToken cancellationToken)
    {
        if (changedEmail is not null)
        {
            IsChange = true;
            var changed = await mediator.Send(new ConfirmEmailChangeCommand(userId, code, changedEmail), cancellationToken);
            ChangedTo = changed.IsSuccess ? changed.Value : null;
            Confirmed = changed.IsSuccess;
            return;
        }

        if (string.IsNullOrEmpty(userId) || AccountLinks.Decode(code) is not { } token || await users.FindByIdAsync(userId) is not { } user)
        {
            return;
        }

        // The same encoding as Identity's API endpoints (Base64Url of the token).
        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
