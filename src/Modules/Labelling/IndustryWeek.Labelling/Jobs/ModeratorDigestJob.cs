using System.Text;
using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Labelling.Domain.Calendar;
using IndustryWeek.Labelling.Persistence;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Mail;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Time;
using IndustryWeek.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Labelling.Jobs;

/// <summary>
/// Every working day at 8 h (Paris), each moderator gets the list of their regions' applications
/// waiting for more than 2 working days, oldest first. No mail when there is none, nor to a locked account.
/// </summary>
internal sealed class ModeratorDigestJob(LabellingDbContext db, IMailSender mail, SiteLinks links, TimeProvider time) : IRecurringJob
{
    public const string Name = "labelling.moderator-digest";

    /// <summary>8 h, Monday to Friday, Europe/Paris; public holidays are skipped by the job itself.</summary>
    public const string Cron = "0 0 8 ? * MON-FRI";

    public const int WaitingWorkingDays = 2;

    public async Task RunAsync(BackgroundJobContext context, CancellationToken cancellationToken)
    {
        var today = time.TodayInParis();
        if (!FrenchCalendar.IsWorkingDay(today))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var pending = await db.Applications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Pending).OrderBy(a => a.SubmittedAtUtc).ToListAsync(cancellationToken);
        var waiting = pending.Where(a => FrenchCalendar.WorkingDaysBetween(SubmittedDay(a), today) > WaitingWorkingDays).ToList();
        var moderators = await db.Moderators.AsNoTracking().Where(m => m.IsModerator && !m.IsLocked).ToListAsync(cancellationToken);
        foreach (var moderator in moderators.OrderBy(m => m.Email, StringComparer.Ordinal))
        {
            var theirs = waiting.Where(a => a.RegionCode is not null && moderator.Regions.Contains(a.RegionCode)).ToList();
            if (theirs.Count > 0)
            {
                await mail.SendAsync(Compose(moderator.Email, theirs, now), cancellationToken);
            }
        }
    }

    private OutgoingMail Compose(string to, List<LabellingApplication> applications, DateTime nowUtc)
    {
        var text = new StringBuilder()
            .AppendLine("Bonjour,")
            .AppendLine()
            .AppendLine(ParisTime.French, $"{French.Count(applications.Count, "demande de label de vos régions attend", "demandes de label de vos régions attendent")} une décision depuis plus de {WaitingWorkingDays} jours ouvrés :")
            .AppendLine();
        foreach (var a in applications)
        {
            var place = a.Snapshot.Event.Location.City is { } city ? $"{city} ({a.DepartmentCode})" : "en ligne";
            var due = a.IsOverdue(nowUtc)
                ? "EN RETARD"
                : $"échéance le {ParisTime.FormatDate(DateOnly.FromDateTime(ParisTime.FromUtc(a.DueAtUtc)).AddDays(-1))}";
            text.AppendLine(ParisTime.French, $"- « {a.Snapshot.Event.Title} », {a.Snapshot.Organiser.OrganisationName}, {place} — soumise le {ParisTime.FormatDate(SubmittedDay(a))}, {due}")
                .AppendLine(ParisTime.French, $"  {links.To($"/moderation/demandes/{a.Id}")}");
        }

        text.AppendLine()
            .AppendLine(ParisTime.French, $"La file complète : {links.To("/moderation")}")
            .AppendLine()
            .AppendLine("L'équipe de la Semaine de l'industrie");
        return new OutgoingMail(to, $"Semaine de l'industrie : {French.Count(applications.Count, "demande", "demandes")} de label en attente", text.ToString());
    }

    private static DateOnly SubmittedDay(LabellingApplication a) =>
        DateOnly.FromDateTime(ParisTime.FromUtc(a.SubmittedAtUtc));
}
