namespace IndustryWeek.Shared.Security;

/// <summary>
/// Which organisation a signed-in organiser acts for. Registration owns organisations and answers;
/// other modules (the kit's download) ask through this port, so membership is always current and
/// never copied.
/// </summary>
public interface IOrganisationMembership
{
    /// <summary>The organisation <paramref name="userId"/> belongs to, or null.</summary>
    Task<Guid?> OrganisationOfAsync(string userId, CancellationToken cancellationToken);
}
