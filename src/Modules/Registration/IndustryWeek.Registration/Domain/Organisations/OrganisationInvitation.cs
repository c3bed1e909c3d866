namespace IndustryWeek.Registration.Domain.Organisations;

/// <summary>A member's invitation of a colleague, by email; valid 14 days, used once.</summary>
internal sealed class OrganisationInvitation
{
    public static readonly TimeSpan Validity = TimeSpan.FromDays(14);

    private OrganisationInvitation()
    {
    }

    /// <summary>Also the secret of the link sent by mail.</summary>
    public Guid Token { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Email { get; private set; } = "";

    public string InvitedBy { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? AcceptedAtUtc { get; private set; }

    public static OrganisationInvitation Create(Guid organisationId, string email, string invitedBy, DateTime nowUtc) => new()
    {
        Token = Guid.NewGuid(),
        OrganisationId = organisationId,
        Email = email,
        InvitedBy = invitedBy,
        CreatedAtUtc = nowUtc,
    };

    public bool IsUsable(DateTime nowUtc) => AcceptedAtUtc is null && nowUtc < CreatedAtUtc + Validity;

    public bool IsFor(string? email) => string.Equals(Email, email?.Trim(), StringComparison.OrdinalIgnoreCase);

    public void Accept(DateTime nowUtc) => AcceptedAtUtc = nowUtc;
}
