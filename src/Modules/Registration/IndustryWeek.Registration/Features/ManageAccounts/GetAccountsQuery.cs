using IndustryWeek.Registration.Features.LockAccount;
using IndustryWeek.Registration.Persistence;
using IndustryWeek.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Registration.Features.ManageAccounts;

/// <summary>Accounts whose address contains <paramref name="Search"/>, by address, a page of 50 at a time.</summary>
internal sealed record GetAccountsQuery(string? Search, int Page, string? UserId = null) : IRequest<AccountsPage>;

internal sealed record AccountsPage(IReadOnlyList<AccountDto> Items, int Total, int Page, int PageSize);

/// <param name="LockedOut">Locked now: by an administrator (<paramref name="LockedByAdministrator"/>) or for a while after failed attempts.</param>
/// <param name="Organisation">The name of the organisation the account is a member of, if any.</param>
internal sealed record AccountDto(
    string Id, string Email, bool EmailConfirmed, bool LockedOut, IReadOnlyList<string> Roles, IReadOnlyList<string> Regions, bool LockedByAdministrator, string? Organisation);

internal sealed class GetAccountsQueryHandler(RegistrationDbContext db, TimeProvider time) : IRequestHandler<GetAccountsQuery, AccountsPage>
{
    public const int PageSize = 50;

    public async Task<AccountsPage> Handle(GetAccountsQuery request, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (request.UserId is not null)
        {
            users = users.Where(u => u.Id == request.UserId);
        }

        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var search = request.Search.Trim().ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(search));
        }

        var total = await users.CountAsync(cancellationToken);
        var page = Math.Max(1, request.Page);
        var found = await users.OrderBy(u => u.NormalizedEmail).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var ids = found.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var regions = await db.UserClaims
            .Where(c => ids.Contains(c.UserId) && c.ClaimType == PlatformClaims.ModeratedRegion)
            .Select(c => new { c.UserId, c.ClaimValue })
            .ToListAsync(cancellationToken);
        var organisations = await (from m in db.Members
                                   join o in db.Organisations on m.OrganisationId equals o.Id
                                   where ids.Contains(m.UserId)
                                   select new { m.UserId, o.Name }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return new AccountsPage(
            [.. found.Select(u => new AccountDto(
                u.Id,
                u.Email ?? u.UserName ?? "",
                u.EmailConfirmed,
                u.LockoutEnd > now,
                [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal)],
                [.. regions.Where(r => r.UserId == u.Id).Select(r => r.ClaimValue!).Order(StringComparer.Ordinal)],
                AdministratorLock.IsLocked(u.LockoutEnd),
                organisations.FirstOrDefault(o => o.UserId == u.Id)?.Name))],
            total,
            page,
            PageSize);
    }
}
