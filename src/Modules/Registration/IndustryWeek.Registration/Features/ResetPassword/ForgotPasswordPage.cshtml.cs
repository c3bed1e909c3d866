using IndustryWeek.Registration.Features.Accounts;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace IndustryWeek.Registration.Features.ResetPassword;

[EnableRateLimiting(AccountEndpoints.RateLimitPolicy)]
internal sealed class ForgotPasswordPageModel(IMediator mediator) : PageModel
{
    /// <summary>Where a forgotten password is reset (linked from the account mails).</summary>
    public const string Path = "/mot-de-passe-oublie";

    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Sent = await ModelState.SendFormAsync(
            () => mediator.Send(new RequestPasswordResetCommand(Email), cancellationToken),
            field => field) is not null;
        return Page();
    }
}
