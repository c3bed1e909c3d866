using IndustryWeek.Operations.Domain;
using IndustryWeek.Shared.Security;

namespace IndustryWeek.Operations.Persistence;

/// <summary>Writes the audit trail of operators' actions.</summary>
internal sealed class OperatorActionLog(OperationsDbContext db, TimeProvider time)
{
    public async Task RecordAsync(Actor actor, OperatorActionKind kind, string target, long? jobId, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        db.Actions.Add(OperatorAction.Record(time.GetUtcNow().UtcDateTime, actor.UserId, actor.Email ?? actor.UserId, kind, target, jobId, reason));
        await db.SaveChangesAsync(cancellationToken);
    }
}
