using System.Security.Claims;
using IndustryWeek.Registration.Features.ChangeEmail;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Registration.Features.MyAccount;

/// <summary>`/mon-compte`: a signed-in person's account (every role): their address, a change of password, a change of address (confirmed by mail).</summary>
[Authorize(Policy = PlatformPolicies.SignedInPages)]
internal sealed class MyAccountPageModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    [BindProperty]
    public string? NewEmail { get; set; }

    [BindProperty]
    public string? EmailPassword { get; set; }

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

    public async Task<IActionResult> OnPostChangeEmailAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var command = new RequestEmailChangeCommand(userId, NewEmail, EmailPassword);
        if (await ModelState.SendFormAsync(() => mediator.Send(command, cancellationToken), field => field == nameof(command.CurrentPassword) ? nameof(EmailPassword) : field) is not { } sentTo)
        {
            return Page();
        }

        TempData["Done"] = $"Un lien de confirmation vient d'être envoyé à {sentTo} : votre adresse changera quand vous l'ouvrirez. D'ici là, votre compte garde l'adresse actuelle.";
        return RedirectToPage();
    }
}
