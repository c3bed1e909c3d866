using IndustryWeek.Registration.Features.Accounts;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace IndustryWeek.Registration.Features.ResendConfirmation;

/// <summary>A new confirmation link for an account whose address is not confirmed (linked from the sign-in page).</summary>
[EnableRateLimiting(AccountEndpoints.RateLimitPolicy)]
internal sealed class ResendConfirmationPageModel(IMediator mediator) : PageModel
{
    public const string Path = "/confirmation-email/nouveau-lien";

    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Sent = await ModelState.SendFormAsync(() => mediator.Send(new ResendConfirmationCommand(Email), cancellationToken), field => field) is not null;
        return Page();
    }
}
