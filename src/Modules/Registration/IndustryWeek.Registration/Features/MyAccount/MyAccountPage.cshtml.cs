using System.Security.Claims;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Registration.Features.MyAccount;

/// <summary>`/mon-compte`: a signed-in person's account (every role): their address and roles, and a change of password.</summary>
[Authorize(Policy = PlatformPolicies.SignedInPages)]
internal sealed class MyAccountPageModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public string Email => User.FindFirstValue(ClaimTypes.Email) ?? "";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (await ModelState.SendFormAsync(() => mediator.Send(new ChangePasswordCommand(userId, CurrentPassword, NewPassword, Confirmation), cancellationToken), field => field) is null)
        {
            return Page();
        }

        TempData["Done"] = "Votre mot de passe est changé.";
        return RedirectToPage();
    }
}
