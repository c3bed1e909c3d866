using System.Security.Cryptography;
using System.Text;
using IndustryWeek.Editions.Contracts;
using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Registration.Domain.Notices;
using IndustryWeek.Registration.Persistence;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Persistence;
using IndustryWeek.Shared.Time;
using IndustryWeek.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Registration.Jobs;

/// <summary>
/// Every morning at 9 h (Paris), asks the organisers of labelled events whose last session ended at least a
/// day ago, and who have not reported their participants yet, to do so: one mail per event, ever. The mail is
/// recorded as an organiser notice (its id derived from the event's) and sent by <see cref="SendOrganiserNoticesJob"/>,
/// so a second run — the same day, or at the same moment on another host — records and sends nothing more.
/// Events of archived editions are left alone: their organisers are not asked years later.
/// </summary>
internal sealed class ParticipationReminderJob(RegistrationDbContext db, IBackgroundJobs jobs, SiteLinks links, TimeProvider time) : IRecurringJob
{
    public const string Name = "registration.participation-reminders";

    /// <summary>9 h every day, Europe/Paris: events end on any day of the week.</summary>
    public const string Cron = "0 0 9 * * ?";

    /// <summary>How long after its last session an event's organiser is asked.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromDays(1);

    private const string BatchPrefix = "participation-reminder:";

    public static string BatchFor(Guid eventId) => $"{BatchPrefix}{eventId:N}";

    public async Task RunAsync(BackgroundJobContext context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var endedBefore = now - Delay;
        var archived = await db.Editions.Where(e => e.Status == EditionStatus.Archived).Select(e => e.Id).ToListAsync(cancellationToken);
        var reminded = (await db.Notices.Where(n => n.Batch.StartsWith(BatchPrefix) && n.EventId != null).Select(n => n.EventId!.Value).ToListAsync(cancellationToken)).ToHashSet();

        // The last session ends after the first starts: the column narrows the read, IsOver decides.
        var labelled = await db.Events
            .Where(e => e.Status == EventStatus.Labelled && e.FirstSessionStart <= endedBefore && !archived.Contains(e.EditionId))
            .ToListAsync(cancellationToken);
        foreach (var due in labelled.Where(e => e.Participation is null && e.IsOver(endedBefore) && !reminded.Contains(e.Id)).OrderBy(e => e.FirstSessionStart))
        {
            var batch = BatchFor(due.Id);
            db.Notices.Add(OrganiserNotice.Create(batch, due.Id, due.Organiser.Email, Subject(due), Body(due), now, NoticeId(batch)));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // Recorded meanwhile by another run: that run schedules its sending too; scheduling again below changes nothing.
                db.ChangeTracker.Clear();
            }

            await jobs.ScheduleAsync<SendOrganiserNoticesJob, OrganiserNoticeBatch>(batch, new OrganiserNoticeBatch(batch), $"Bilan de « {due.Title} »", cancellationToken);
        }
    }

    private static Guid NoticeId(string batch) => new(SHA256.HashData(Encoding.UTF8.GetBytes(batch)).AsSpan(0, 16));

    private static string Subject(Event e) =>
        $"Semaine de l'industrie {e.EditionYear} : combien de participants à « {e.Title} » ?";

    private string Body(Event e)
    {
        var lastEnd = DateOnly.FromDateTime(e.Details.LastEnd);
        var label = e.LabelNumber is null ? "" : $" (label {e.LabelNumber})";
        return new StringBuilder()
            .AppendLine("Bonjour,")
            .AppendLine()
            .AppendLine(ParisTime.French, $"Votre événement « {e.Title} » ({e.Organiser.OrganisationName}), labellisé pour la Semaine de l'industrie {e.EditionYear}{label}, s'est terminé le {ParisTime.FormatDate(lastEnd)}. Merci de l'avoir organisé !")
            .AppendLine()
            .AppendLine("Dites-nous combien de personnes y ont participé, dont les jeunes, les demandeurs d'emploi et les enseignants si vous le savez : ces chiffres font le bilan de l'édition, région par région. Cela ne prend qu'une minute.")
            .AppendLine()
            .AppendLine(ParisTime.French, $"Déclarer le bilan : {links.To($"/mon-espace/evenements/{e.Id}/bilan")}")
            .AppendLine()
            .AppendLine("L'équipe de la Semaine de l'industrie")
            .ToString();
    }
}
