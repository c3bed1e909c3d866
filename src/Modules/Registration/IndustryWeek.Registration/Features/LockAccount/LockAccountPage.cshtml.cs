using System.Security.Claims;
using IndustryWeek.Registration.Features.ManageAccounts;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Registration.Features.LockAccount;

/// <summary>
/// `/admin/comptes/{id}/verrouillage`: what locking (or unlocking) an account does, and the button that does it,
/// so that the list's « Verrouiller » asks before acting.
/// </summary>
[Authorize(Policy = PlatformPolicies.AdministratorPages)]
internal sealed class LockAccountPageModel(IMediator mediator) : PageModel
{
    public AccountDto Account { get; private set; } = null!;

    /// <summary>What the form shown asked for: another administrator's action in between is not reversed by mistake.</summary>
    [BindProperty]
    public bool Lock { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        var command = new LockAccountCommand(account.Id, Lock, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (await ModelState.SendFormAsync(() => mediator.Send(command, cancellationToken), field => field) is not { } email)
        {
            return Page();
        }

        TempData["Done"] = command.Lock
            ? $"Le compte {email} est verrouillé : il ne peut plus se connecter et ses sessions ouvertes ont pris fin."
            : $"Le compte {email} est déverrouillé : il peut de nouveau se connecter.";
        return Redirect("/admin/comptes?q=" + Uri.EscapeDataString(email));
    }

    private async Task<AccountDto?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await mediator.Send(new GetAccountsQuery(null, 1, id), cancellationToken)).Items.SingleOrDefault();
}
