using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Labelling.Persistence;
using IndustryWeek.Shared.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Labelling.Features.GrantLabel;

internal sealed class GrantLabelCommandHandler(LabellingDbContext db, TimeProvider time)
    : IRequestHandler<GrantLabelCommand, Result<GrantLabelResult>>
{
    private const int MaxAttempts = 5;

    public async Task<Result<GrantLabelResult>> Handle(GrantLabelCommand request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == request.EventId, cancellationToken);
            if (application is null)
            {
                return Decide.ApplicationAccess.NotFound;
            }

            if (!request.Actor.CanModerate(application.RegionCode))
            {
                return Decide.ApplicationAccess.OtherRegion;
            }

            if (application.CheckCanBeGranted() is { } refused)
            {
                return refused;
            }

            var sequence = await db.LabelSequences.FirstOrDefaultAsync(s => s.EditionId == application.EditionId, cancellationToken);
            if (sequence is null)
            {
                sequence = LabelSequence.Start(application.EditionId, application.EditionYear);
                db.LabelSequences.Add(sequence);
            }

            var labelNumber = application.LabelNumber ?? sequence.Next();
            application.Grant(labelNumber, request.Actor.Email ?? request.Actor.UserId, request.Comment, time.GetUtcNow().UtcDateTime);
            try
            {
                // The decision, the label number and the LabelGranted message commit together.
                await db.SaveChangesAsync(cancellationToken);
                return new GrantLabelResult(application.LabelNumber!);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another grant took the same number or decided this application first: start again from the database.
                db.ChangeTracker.Clear();
            }
        }
    }
}
