using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Labelling.Features.Queue;
using IndustryWeek.Labelling.Persistence;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Labelling.Features.Statistics;

/// <summary>Applications and labels of one group (a region, a department, a format, an audience, a year).</summary>
internal sealed record CountDto(string Key, string Name, int Applications, int Labels, int Participants);

internal sealed record StatisticsDto(
    int Year,
    int Applications,
    int Labels,
    int Pending,
    int Overdue,
    double? MedianDecisionHours,
    int Participants,
    int ParticipantsYoungPeople,
    IReadOnlyList<CountDto> ByRegion,
    IReadOnlyList<CountDto> ByDepartment,
    IReadOnlyList<CountDto> ByFormat,
    IReadOnlyList<CountDto> ByAudience,
    IReadOnlyList<CountDto> ByYear);

/// <summary>GET /api/labelling/statistics?year=: one edition (the latest by default) and year over year, over the regions the moderator sees.</summary>
internal sealed record GetStatisticsQuery(Actor Actor, int? Year = null) : IRequest<StatisticsDto>;

internal sealed class GetStatisticsQueryHandler(LabellingDbContext db, TimeProvider time) : IRequestHandler<GetStatisticsQuery, StatisticsDto>
{
    /// <summary>Statuses where a label was granted (and is held, or was suspended later).</summary>
    private static readonly ApplicationStatus[] Labelled = [ApplicationStatus.Granted, ApplicationStatus.Suspended];

    public async Task<StatisticsDto> Handle(GetStatisticsQuery request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var visible = ApplicationQueriesHandler.Visible(db.Applications.AsNoTracking(), request.Actor);
        var years = await visible.Select(a => a.EditionYear).Distinct().ToListAsync(cancellationToken);
        var year = request.Year ?? (years.Count == 0 ? time.GetUtcNow().Year : years.Max());
        var all = await visible.Where(a => a.EditionYear == year).ToListAsync(cancellationToken);

        var byYear = await visible.GroupBy(a => a.EditionYear)
            .Select(g => new { Year = g.Key, Applications = g.Count(), Labels = g.Count(a => a.Status == ApplicationStatus.Granted || a.Status == ApplicationStatus.Suspended) })
            .ToListAsync(cancellationToken);
        var participantsByYear = (await visible.Where(a => a.Participation != null).Select(a => new { a.EditionYear, a.Participation }).ToListAsync(cancellationToken))
            .GroupBy(a => a.EditionYear).ToDictionary(g => g.Key, g => g.Sum(a => a.Participation!.Participants));

        var decisionHours = all.Where(a => a.DecidedAtUtc is not null && a.Status is not ApplicationStatus.Pending and not ApplicationStatus.Closed)
            .Select(a => (a.DecidedAtUtc!.Value - a.SubmittedAtUtc).TotalHours).Order().ToList();

        return new StatisticsDto(
            year,
            all.Count,
            all.Count(IsLabelled),
            all.Count(a => a.Status == ApplicationStatus.Pending),
            all.Count(a => a.IsOverdue(now)),
            Median(decisionHours),
            all.Sum(a => a.Participation?.Participants ?? 0),
            all.Sum(a => a.Participation?.YoungPeople ?? 0),
            Count(all, a => [a.RegionCode ?? ""], k => k.Length == 0 ? "En ligne" : Regions.ByCode.GetValueOrDefault(k, k)),
            Count(all, a => [a.DepartmentCode ?? ""], k => k.Length == 0 ? "En ligne" : Departments.Label(k)),
            Count(all, a => [a.Format], k => EventWords.Label(EventWords.Formats, k)),
            Count(all, a => a.Snapshot.Event.Audiences, k => EventWords.Label(EventWords.Audiences, k)),
            [.. byYear.OrderByDescending(y => y.Year).Select(y => new CountDto(
                y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), y.Applications, y.Labels, participantsByYear.GetValueOrDefault(y.Year)))]);
    }

    public static bool IsLabelled(LabellingApplication a) => Labelled.Contains(a.Status);

    /// <summary>Applications, labels and participants per key (an application counts once under each of its keys), most applications first.</summary>
    public static List<CountDto> Count(List<LabellingApplication> applications, Func<LabellingApplication, IEnumerable<string>> keys, Func<string, string> name) =>
        [.. applications.SelectMany(a => keys(a).Select(k => (Key: k, Application: a)))
            .GroupBy(x => x.Key)
            .Select(g => new CountDto(g.Key, name(g.Key), g.Count(), g.Count(x => IsLabelled(x.Application)), g.Sum(x => x.Application.Participation?.Participants ?? 0)))
            .OrderByDescending(c => c.Applications).ThenBy(c => c.Key, StringComparer.Ordinal)];

    private static double? Median(List<double> sorted) =>
        sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
