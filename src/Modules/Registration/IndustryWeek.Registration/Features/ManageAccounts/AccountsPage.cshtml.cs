using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Registration.Features.ManageAccounts;

[Authorize(Policy = PlatformPolicies.AdministratorPages)]
internal sealed class AccountsPageModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public int PageNumber => ListPageNumber.From(Request);

    public AccountsPage Accounts { get; private set; } = new([], 0, 1, GetAccountsQueryHandler.PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Accounts = await mediator.Send(new GetAccountsQuery(Q, PageNumber), cancellationToken);

    /// <summary>An account's state in words: who locked it, else whether its address is confirmed.</summary>
    public static string State(AccountDto account) =>
        account.LockedByAdministrator ? "Verrouillé par un administrateur"
        : account.LockedOut ? "Bloqué quelques minutes après des essais infructueux"
        : account.EmailConfirmed ? "Actif"
        : "Adresse à confirmer";

    public static string RoleLabel(string role) => role switch
    {
        PlatformRoles.Organiser => "Organisateur",
        PlatformRoles.Moderator => "Modérateur",
        PlatformRoles.Administrator => "Administrateur",
        PlatformRoles.Operator => "Opérateur",
        _ => role,
    };
}
