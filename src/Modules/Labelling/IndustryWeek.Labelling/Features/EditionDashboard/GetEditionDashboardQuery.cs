using System.Globalization;
using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Labelling.Domain.Drafts;
using IndustryWeek.Labelling.Features.Statistics;
using IndustryWeek.Labelling.Persistence;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Time;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Labelling.Features.EditionDashboard;

/// <summary>One line of a dashboard table: what it counts (a region, a day…) and one figure per column.</summary>
internal sealed record DashboardRow(string Label, string Name, IReadOnlyList<int> Values);

/// <param name="Slug">Its CSV file's name (« regions » → /admin/editions/{id}/tableau-de-bord/regions.csv).</param>
/// <param name="Label">The first column's header.</param>
internal sealed record DashboardTable(string Slug, string Title, string Label, IReadOnlyList<string> Columns, IReadOnlyList<DashboardRow> Rows);

/// <param name="DaysBeforeWeek">Paris days from today to the first day of the headline week (negative once it has begun).</param>
/// <param name="PreviousYear">The edition before (by year) that Labelling knows; null for the first one.</param>
internal sealed record EditionDashboardDto(
    Guid EditionId,
    string Name,
    int Year,
    DateOnly WeekStart,
    int DaysBeforeWeek,
    int? PreviousYear,
    int Drafts,
    int Applications,
    int Labels,
    int Pending,
    int Overdue,
    IReadOnlyList<DashboardTable> Tables)
{
    public DashboardTable Table(string slug) => Tables.Single(t => t.Slug == slug);
}

/// <summary>
/// /admin/editions/{id}/tableau-de-bord: one edition's events by status (drafts, as Registration announces them, then
/// applications: a submitted event is one), and drafts, applications and labels by region, format and audience; the
/// moderators' backlog and the overdue ones per region; labels granted per day; and the edition before at the same
/// number of days before its week. Null when Labelling does not know the edition (an
/// unknown id, or a draft never published: nothing can have been submitted to it).
/// </summary>
/// <summary>The tables' slugs, in the page's order: their CSV files' names.</summary>
internal static class DashboardTables
{
    public const string Statuses = "statuts";
    public const string Regions = "regions";
    public const string Formats = "formats";
    public const string Audiences = "publics";
    public const string Backlog = "retards";
    public const string LabelsPerDay = "labels-par-jour";
    public const string Comparison = "comparaison";
}

internal sealed record GetEditionDashboardQuery(Guid EditionId) : IRequest<EditionDashboardDto?>;

internal sealed class GetEditionDashboardQueryHandler(LabellingDbContext db, TimeProvider time) : IRequestHandler<GetEditionDashboardQuery, EditionDashboardDto?>
{
    public async Task<EditionDashboardDto?> Handle(GetEditionDashboardQuery request, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == request.EditionId, cancellationToken);
        if (edition is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var today = time.TodayInParis();
        var weekStart = edition.Snapshot.Schedule.HeadlineWeek.Start;
        var daysBefore = weekStart.DayNumber - today.DayNumber;
        var applications = await Applications(edition.Id, cancellationToken);
        var drafts = await db.Drafts.AsNoTracking().Where(d => d.EditionId == edition.Id && d.IsDraft).ToListAsync(cancellationToken);

        // The edition before by year; its figures at the end of the day as many days before its own week.
        var previous = (await db.Editions.AsNoTracking().Where(e => e.Year < edition.Year).ToListAsync(cancellationToken))
            .OrderByDescending(e => e.Year).FirstOrDefault();
        var comparisonColumns = new List<string> { $"{edition.Year}" };
        var figures = Figures(applications, EndOfDay(today));
        IReadOnlyList<(int Now, int Then)> rows = [.. figures.Select(f => (f, 0))];
        if (previous is not null)
        {
            var then = Figures(await Applications(previous.Id, cancellationToken), EndOfDay(previous.Snapshot.Schedule.HeadlineWeek.Start.AddDays(-daysBefore)));
            comparisonColumns.Add($"{previous.Year}");
            rows = [.. figures.Zip(then)];
        }

        var comparison = new DashboardTable(DashboardTables.Comparison, $"Comparaison avec l'édition précédente à {When(daysBefore)}", "Indicateur", comparisonColumns,
            [.. ComparedFigures.Select((name, i) => new DashboardRow(name, name, previous is null ? [rows[i].Now] : [rows[i].Now, rows[i].Then]))]);

        return new EditionDashboardDto(
            edition.Id,
            edition.Snapshot.Name,
            edition.Year,
            weekStart,
            daysBefore,
            previous?.Year,
            drafts.Count,
            applications.Count,
            applications.Count(GetStatisticsQueryHandler.IsLabelled),
            applications.Count(a => a.IsAwaitingDecision),
            applications.Count(a => a.IsOverdue(now)),
            [
                new DashboardTable(DashboardTables.Statuses, "Événements par statut", "Statut", ["Événements"],
                    [Row(DraftStatus, [drafts.Count]), .. Enum.GetValues<ApplicationStatus>().Select(s => Row(Capitalised(LabellingApplication.StatusNames[s]), [applications.Count(a => a.Status == s)]))]),
                Counts(DashboardTables.Regions, "Brouillons, demandes et labels par région", "Région", applications, a => [a.RegionCode ?? ""], drafts, d => [d.RegionCode ?? ""], RegionName),
                Counts(DashboardTables.Formats, "Brouillons, demandes et labels par format", "Format", applications, a => [a.Format], drafts, d => [d.Format], k => EventWords.Label(EventWords.Formats, k)),
                Counts(DashboardTables.Audiences, "Brouillons, demandes et labels par public", "Public", applications, a => a.Snapshot.Event.Audiences, drafts, d => d.Audiences, k => EventWords.Label(EventWords.Audiences, k)),
                new DashboardTable(DashboardTables.Backlog, "Demandes à examiner et en retard par région", "Région", ["À examiner", "En retard"],
                    [.. applications.Where(a => a.IsAwaitingDecision).GroupBy(a => a.RegionCode ?? "")
                        .Select(g => (Key: g.Key, Pending: g.Count(), Overdue: g.Count(a => a.IsOverdue(now))))
                        .OrderByDescending(g => g.Overdue).ThenByDescending(g => g.Pending).ThenBy(g => g.Key, StringComparer.Ordinal)
                        .Select(g => Row(RegionName(g.Key), [g.Pending, g.Overdue]))]),
                new DashboardTable(DashboardTables.LabelsPerDay, "Labels attribués par jour", "Jour", ["Labels"], PerDay(applications)),
                comparison,
            ]);
    }

    /// <summary>The figures compared with the edition before, in <see cref="Figures"/>' order.</summary>
    private static readonly string[] ComparedFigures = ["Demandes soumises", "Événements labellisés", "Demandes refusées"];

    /// <summary>
    /// What had happened by <paramref name="byUtc"/>, from each application's audit trail: submitted (first submission),
    /// labelled (first grant, even if withdrawn since), refused (a refusal, even if resubmitted since).
    /// </summary>
    private static int[] Figures(List<LabellingApplication> applications, DateTime byUtc) =>
    [
        applications.Count(a => a.Decisions.Any(d => d.Kind == DecisionKind.Submitted && d.AtUtc <= byUtc)),
        applications.Count(a => FirstGrant(a) is { } granted && granted <= byUtc),
        applications.Count(a => a.Decisions.Any(d => d.Kind == DecisionKind.Refused && d.AtUtc <= byUtc)),
    ];

    private async Task<List<LabellingApplication>> Applications(Guid editionId, CancellationToken cancellationToken) =>
        await db.Applications.AsNoTracking().Include(a => a.Decisions).Where(a => a.EditionId == editionId).ToListAsync(cancellationToken);

    private static DateTime? FirstGrant(LabellingApplication application) =>
        application.Decisions.Where(d => d.Kind == DecisionKind.Granted).Select(d => (DateTime?)d.AtUtc).Min();

    /// <summary>Every Paris day from the first label to the last, days without one included (a gap in the work shows).</summary>
    private static List<DashboardRow> PerDay(List<LabellingApplication> applications)
    {
        var days = applications.Select(FirstGrant).OfType<DateTime>().Select(d => DateOnly.FromDateTime(ParisTime.FromUtc(d)))
            .GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
        if (days.Count == 0)
        {
            return [];
        }

        var first = days.Keys.Min();
        return [.. Enumerable.Range(0, days.Keys.Max().DayNumber - first.DayNumber + 1).Select(first.AddDays)
            .Select(d => new DashboardRow(d.ToString("dd/MM", CultureInfo.InvariantCulture), ParisTime.FormatDayAndDate(d), [days.GetValueOrDefault(d)]))];
    }

    /// <summary>The statuses table's first line: events registered and never submitted.</summary>
    public const string DraftStatus = "Brouillon (pas encore soumis)";

    /// <summary>Drafts, applications and labels per key; keys with drafts only come last, most drafts first.</summary>
    private static DashboardTable Counts(
        string slug, string title, string label, List<LabellingApplication> applications, Func<LabellingApplication, IEnumerable<string>> keys,
        List<Draft> drafts, Func<Draft, IEnumerable<string>> draftKeys, Func<string, string> name)
    {
        var counted = GetStatisticsQueryHandler.Count(applications, keys, name);
        var draftCounts = drafts.SelectMany(draftKeys).GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var draftsOnly = draftCounts.Where(d => counted.All(c => c.Key != d.Key)).OrderByDescending(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal);
        return new(slug, title, label, ["Brouillons", "Demandes", "Labels"],
        [
            .. counted.Select(c => Row(c.Name, [draftCounts.GetValueOrDefault(c.Key), c.Applications, c.Labels])),
            .. draftsOnly.Select(d => Row(name(d.Key), [d.Value, 0, 0])),
        ]);
    }

    private static DashboardRow Row(string name, IReadOnlyList<int> values) => new(name, name, values);

    private static string RegionName(string code) =>
        code.Length == 0 ? "En ligne" : Regions.ByCode.GetValueOrDefault(code, code);

    private static string Capitalised(string text) => string.Concat(text[..1].ToUpper(ParisTime.French), text[1..]);

    private static DateTime EndOfDay(DateOnly day) => ParisTime.ToInstant(day.AddDays(1).ToDateTime(TimeOnly.MinValue)).UtcDateTime;

    /// <summary>« J-12 » (12 days before the week), « J » (its first day), « J+3 » (its fourth).</summary>
    public static string When(int daysBefore) => daysBefore switch
    {
        0 => "J (premier jour de la semaine)",
        > 0 => $"J-{daysBefore} (à {daysBefore} jour{(daysBefore > 1 ? "s" : "")} de la semaine)",
        _ => $"J+{-daysBefore} ({-daysBefore} jour{(daysBefore < -1 ? "s" : "")} après le début de la semaine)",
    };
}
