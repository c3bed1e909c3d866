using IndustryWeek.Registration.Domain.Organisations;
using IndustryWeek.Registration.Persistence;
using IndustryWeek.Shared.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Registration.Features.MyOrganisation;

internal sealed class SaveMyOrganisationCommandHandler(RegistrationDbContext db, TimeProvider time)
    : IRequestHandler<SaveMyOrganisationCommand, Result<OrganisationDto>>
{
    public async Task<Result<OrganisationDto>> Handle(SaveMyOrganisationCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var membership = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == request.UserId, cancellationToken);
        Organisation organisation;
        if (membership is null)
        {
            organisation = Organisation.Create(request.ToProfile(), request.UserId, request.UserEmail, now);
            db.Organisations.Add(organisation);
        }
        else
        {
            organisation = await db.Organisations.Include(o => o.Members).SingleAsync(o => o.Id == membership.OrganisationId, cancellationToken);
            organisation.Update(request.ToProfile(), now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("organisation.concurrent_change", "Un autre membre vient de modifier l'organisation : rechargez-la puis recommencez.");
        }

        return organisation.ToDto();
    }
}
