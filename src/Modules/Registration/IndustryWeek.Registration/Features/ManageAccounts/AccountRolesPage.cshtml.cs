using IndustryWeek.Registration.Features.AssignRoles;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Registration.Features.ManageAccounts;

[Authorize(Policy = PlatformPolicies.AdministratorPages)]
internal sealed class AccountRolesPageModel(IMediator mediator) : PageModel
{
    public AccountDto Account { get; private set; } = null!;

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public List<string> Regions { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        Roles = [.. account.Roles];
        Regions = [.. account.Regions];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        var command = new AssignRolesCommand { Email = account.Email, AssignedBy = Actor.From(User).Email ?? "", Roles = Roles, Regions = Regions };
        if (await ModelState.SendFormAsync(() => mediator.Send(command, cancellationToken), field => field.Split('[')[0]) is not null)
        {
            TempData["Done"] = "Les rôles du compte sont enregistrés.";
            return Redirect($"/admin/comptes/{id}");
        }

        return Page();
    }

    private async Task<AccountDto?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await mediator.Send(new GetAccountsQuery(null, 1, id), cancellationToken)).Items.SingleOrDefault();
}
