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

            try
            {
                // The decision, the label number and the LabelGranted message commit together.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var labelNumber = application.LabelNumber ?? await NextLabelNumberAsync(application, cancellationToken);
                application.Grant(labelNumber, request.Actor.Email ?? request.Actor.UserId, request.Comment, time.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new GrantLabelResult(application.LabelNumber!);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another grant decided this application first, or started the edition's numbering at the same time: start again from the database.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Takes the edition's next number in the grant's transaction, with one atomic update that locks the
    /// sequence until the grant commits: concurrent grants wait for each other instead of failing on a
    /// stale number, and a grant that rolls back gives its number back (no gaps, no duplicates).
    /// </summary>
    private async Task<string> NextLabelNumberAsync(LabellingApplication application, CancellationToken cancellationToken)
    {
        var taken = await NextNumberQuery(db, application.EditionId).ToListAsync(cancellationToken);
        if (taken.Count == 1)
        {
            return LabelSequence.Format(application.EditionYear, taken[0]);
        }

        // The edition's first label: two first grants at once collide on the key, and the loser starts again.
        var sequence = LabelSequence.Start(application.EditionId, application.EditionYear);
        db.LabelSequences.Add(sequence);
        return sequence.Next();
    }

    /// <summary>The edition's sequence moved on by one, giving the new number: `RETURNING` on SQLite and PostgreSQL, `OUTPUT` on SQL Server.</summary>
    internal static IQueryable<int> NextNumberQuery(LabellingDbContext db, Guid editionId) => db.Database.IsSqlServer()
        ? db.Database.SqlQuery<int>($"""UPDATE labelling_label_sequences SET "LastNumber" = "LastNumber" + 1 OUTPUT INSERTED."LastNumber" AS "Value" WHERE "EditionId" = {editionId}""")
        : db.Database.SqlQuery<int>($"""UPDATE labelling_label_sequences SET "LastNumber" = "LastNumber" + 1 WHERE "EditionId" = {editionId} RETURNING "LastNumber" AS "Value" """);
}
