using IndustryWeek.Registration.Domain.Editions;
using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Registration.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.PublishedLanguage;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Registration.Features.Events;

/// <summary>An organiser reaches only their organisation's events: another organisation's event is « not found », not « forbidden ».</summary>
internal sealed class EventAccess(RegistrationDbContext db)
{
    public static readonly Error NoOrganisation = Error.BusinessRule("event.no_organisation", "Décrivez d'abord votre organisation (page « Mon organisation ») : les événements sont ceux d'une organisation.");

    public static readonly Error NotFound = Error.NotFound("event.not_found", "Cet événement n'existe pas, ou n'est pas celui de votre organisation.");

    /// <summary>The organisation the user acts for, with the address mails about its events go to.</summary>
    public async Task<OrganiserContact?> OrganiserAsync(string userId, string? email, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (member is null)
        {
            return null;
        }

        var name = await db.Organisations.Where(o => o.Id == member.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        return new OrganiserContact(member.OrganisationId, name, string.IsNullOrEmpty(email) ? member.Email : email);
    }

    /// <summary>The user's organisation's event <paramref name="eventId"/>, tracked for a change, with who acts.</summary>
    public async Task<Result<(Event Event, OrganiserContact Organiser)>> FindAsync(string userId, string? email, Guid eventId, CancellationToken cancellationToken)
    {
        var organiser = await OrganiserAsync(userId, email, cancellationToken);
        if (organiser is null)
        {
            return NotFound;
        }

        var found = await db.Events.FirstOrDefaultAsync(e => e.Id == eventId && e.OrganisationId == organiser.OrganisationId, cancellationToken);
        return found is null ? NotFound : (found, organiser);
    }

    public async Task<Edition> EditionOfAsync(Event e, CancellationToken cancellationToken) =>
        await db.Editions.SingleAsync(x => x.Id == e.EditionId, cancellationToken);

    /// <summary>The edition new events go to: the one open for registration, otherwise the next one published.</summary>
    public async Task<Edition?> CurrentEditionAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var published = await db.Editions.Where(e => e.Status == Editions.Contracts.EditionStatus.Published).ToListAsync(cancellationToken);
        return published.FirstOrDefault(e => e.IsOpenForRegistration(today))
            ?? published.Where(e => e.Snapshot.RegistrationOpens > today).OrderBy(e => e.Snapshot.RegistrationOpens).FirstOrDefault();
    }

    /// <summary>Saves a change; a colleague's change in between is a conflict, not a lost update.</summary>
    public async Task<Error?> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("event.concurrent_change", "Un autre membre de votre organisation vient de modifier cet événement : rechargez-le puis recommencez.");
        }
    }
}
