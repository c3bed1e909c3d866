namespace IndustryWeek.Shared.Security;

/// <summary>Authorization policies for pages (cookie sign-in, redirected to /connexion), defined where accounts are.</summary>
public static class PlatformPolicies
{
    public const string AdministratorPages = "AdministratorPages";

    /// <summary>Any signed-in person, whatever their roles (their own account).</summary>
    public const string SignedInPages = "SignedInPages";

    public const string OrganiserPages = "OrganiserPages";

    /// <summary>Moderators (for their regions) and administrators (everywhere).</summary>
    public const string ModeratorPages = "ModeratorPages";

    /// <summary>Operators (who watch deliveries and jobs) and administrators.</summary>
    public const string OperationsPages = "OperationsPages";
}
