using System.Security.Claims;

namespace IndustryWeek.Shared.Security;

/// <summary>Roles travel as claims so that every module authorises without asking Registration.</summary>
public static class PlatformRoles
{
    public const string Organiser = "Organiser";
    public const string Moderator = "Moderator";
    public const string Administrator = "Administrator";
    public const string Operator = "Operator";

    public static readonly IReadOnlyList<string> All = [Organiser, Moderator, Administrator, Operator];
}

public static class PlatformClaims
{
    /// <summary>A region code (COG) a moderator moderates; one claim per region.</summary>
    public const string ModeratedRegion = "moderated_region";
}

/// <summary>Who is acting, as the claims say.</summary>
public sealed record Actor(string UserId, string? Email, bool IsAdministrator, IReadOnlySet<string> ModeratedRegions)
{
    public static Actor From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Actor(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name,
            user.IsInRole(PlatformRoles.Administrator),
            user.FindAll(PlatformClaims.ModeratedRegion).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }

    public bool CanModerate(string? regionCode) =>
        IsAdministrator || (regionCode is not null && ModeratedRegions.Contains(regionCode));
}
