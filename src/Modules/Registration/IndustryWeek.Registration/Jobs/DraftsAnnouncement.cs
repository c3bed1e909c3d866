using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Registration.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IndustryWeek.Registration.Jobs;

/// <summary>
/// At start-up, tells Labelling (DraftChanged, through the outbox) of the drafts registered before it was told of any,
/// so that the edition dashboard counts them. New drafts are announced when created: after the first start, there is
/// nothing left to do. Two hosts starting together may announce a draft twice: Labelling keeps the newer revision.
/// </summary>
internal sealed class DraftsAnnouncement(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistrationDbContext>();
        var drafts = await db.Events.Where(e => e.Status == EventStatus.Draft && !e.DraftAnnounced).ToListAsync(cancellationToken);
        foreach (var draft in drafts)
        {
            draft.AnnounceDraft();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
