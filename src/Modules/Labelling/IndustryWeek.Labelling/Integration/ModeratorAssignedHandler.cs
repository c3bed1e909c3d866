using IndustryWeek.Labelling.Domain.Moderators;
using IndustryWeek.Labelling.Persistence;
using IndustryWeek.Registration.Contracts;
using MediatR;

namespace IndustryWeek.Labelling.Integration;

/// <summary>Keeps Labelling's list of moderators and their regions.</summary>
internal sealed class ModeratorAssignedHandler(LabellingDbContext db) : INotificationHandler<ModeratorAssigned>
{
    public async Task Handle(ModeratorAssigned notification, CancellationToken cancellationToken)
    {
        var moderator = await db.Moderators.FindAsync([notification.UserId], cancellationToken);
        if (moderator is null)
        {
            moderator = Moderator.For(notification.UserId);
            db.Moderators.Add(moderator);
        }

        if (moderator.Apply(notification.Email, notification.IsModerator, notification.IsLocked, notification.Regions, notification.ChangedAtUtc))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
