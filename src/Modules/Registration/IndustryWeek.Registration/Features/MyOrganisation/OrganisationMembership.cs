using IndustryWeek.Registration.Persistence;
using IndustryWeek.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Registration.Features.MyOrganisation;

/// <summary>Answers other modules' « which organisation does this organiser act for? » from the members table.</summary>
internal sealed class OrganisationMembership(RegistrationDbContext db) : IOrganisationMembership
{
    public async Task<Guid?> OrganisationOfAsync(string userId, CancellationToken cancellationToken) =>
        await db.Members.AsNoTracking().Where(m => m.UserId == userId).Select(m => (Guid?)m.OrganisationId).FirstOrDefaultAsync(cancellationToken);
}
