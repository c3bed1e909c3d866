using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.CommunicationKit.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.CommunicationKit.Features.Kits;

/// <summary>
/// Who reaches a kit: the members of the event's organisation, and administrators. Anyone else is told
/// « not found », so that kits of other organisations cannot be probed.
/// </summary>
internal sealed class KitAccess(CommunicationKitDbContext db, IOrganisationMembership membership)
{
    public static readonly Error NotFound = Error.NotFound("kit.not_found", "Aucun kit de communication pour cet événement, ou cet événement n'est pas celui de votre organisation.");

    public async Task<Result<Kit>> FindAsync(Actor actor, Guid eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var kit = await db.Kits.FirstOrDefaultAsync(k => k.EventId == eventId, cancellationToken);
        if (kit is null)
        {
            return NotFound;
        }

        if (actor.IsAdministrator)
        {
            return kit;
        }

        var organisation = await membership.OrganisationOfAsync(actor.UserId, cancellationToken);
        return organisation == kit.Organiser.OrganisationId ? kit : NotFound;
    }
}
