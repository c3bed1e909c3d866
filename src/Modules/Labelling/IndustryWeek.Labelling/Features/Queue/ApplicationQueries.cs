using System.Globalization;
using FluentValidation;
using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Labelling.Domain.Calendar;
using IndustryWeek.Labelling.Features.Decide;
using IndustryWeek.Labelling.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Time;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Labelling.Features.Queue;

internal sealed record CriterionDto(string Criterion, string Name, string Outcome, string Detail);

/// <summary>One line of a moderator's queue.</summary>
internal sealed record ApplicationSummaryDto(
    Guid Id,
    int EditionYear,
    string Title,
    string OrganisationName,
    string? RegionCode,
    string? DepartmentCode,
    string? City,
    [property: ApiValues(ApiVocabulary.Formats)] string Format,
    [property: ApiValues(typeof(ApplicationStatus))] string Status,
    string? LabelNumber,
    DateTime SubmittedAtUtc,
    DateTime DueAtUtc,
    int WorkingDaysLeft,
    bool Overdue,
    int FailedCriteria,
    bool PossibleDuplicate = false);

internal sealed record ApplicationPageDto(IReadOnlyList<ApplicationSummaryDto> Items, int Total, int Page, int PageSize);

internal sealed record DecisionDto(string Kind, string By, DateTime AtUtc, string? Comment, string? LabelNumber);

internal sealed record OrganiserHistoryDto(Guid Id, int EditionYear, string Title, string Status, string? LabelNumber);

/// <summary>An application of the same edition that may be the same event (<see cref="LookAlikes"/>).</summary>
internal sealed record LookAlikeDto(Guid Id, string Title, string OrganisationName, string? City, string Status, string StatusName, string? LabelNumber, DateTime? FirstSessionStart);

/// <summary>API.md's application: the event as submitted, its criteria, its deadline and its history.</summary>
internal sealed record ApplicationDto(
    Guid Id,
    Guid EditionId,
    int EditionYear,
    [property: ApiValues(typeof(ApplicationStatus))] string Status,
    string StatusName,
    EventDescription Event,
    OrganiserContact Organiser,
    IReadOnlyList<CriterionDto> Criteria,
    bool CanBeGranted,
    string? LabelNumber,
    int LabelVersion,
    int SubmissionNumber,
    DateTime SubmittedAtUtc,
    DateTime DueAtUtc,
    int WorkingDaysLeft,
    bool Overdue,
    IReadOnlyList<DecisionDto> History,
    IReadOnlyList<OrganiserHistoryDto> OrganiserHistory,
    IReadOnlyList<LookAlikeDto> PossibleDuplicates);

/// <summary>
/// GET /api/labelling/applications: the regions the moderator handles (all for an administrator), oldest first, or
/// by deadline, or by commune (`sort=submitted|deadline|commune`).
/// </summary>
internal sealed record GetApplicationsQuery(
    Actor Actor,
    string? Status,
    string? Region,
    string? Department,
    string? Format,
    bool? Overdue,
    PageRequest Page,
    string? Sort = null) : IRequest<ApplicationPageDto>
{
    public const int LargestPageSize = 500;

    /// <summary>The queue's orders, by their API name (`sort=`), each with its caption.</summary>
    public static readonly IReadOnlyDictionary<string, string> Sorts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["submitted"] = "les plus anciennes d'abord",
        ["deadline"] = "l'échéance la plus proche d'abord",
        ["commune"] = "par commune",
    };
}

internal sealed class GetApplicationsValidator : AbstractValidator<GetApplicationsQuery>
{
    public GetApplicationsValidator() =>
        RuleFor(q => q.Sort).Must(s => string.IsNullOrEmpty(s) || GetApplicationsQuery.Sorts.ContainsKey(s))
            .WithMessage(q => $"Le tri « {q.Sort![..Math.Min(q.Sort!.Length, 40)]} » n'existe pas ; tris possibles : {string.Join(", ", GetApplicationsQuery.Sorts.Keys)}.");
}

/// <summary>The applications before and after one in its queue (same filters, same order): the application page's « précédente / suivante ».</summary>
internal sealed record GetQueueNeighboursQuery(GetApplicationsQuery Queue, Guid Id) : IRequest<QueueNeighboursDto>;

internal sealed record QueueNeighboursDto(Guid? Previous, Guid? Next, int Position, int Total);

internal sealed record GetApplicationQuery(Guid Id, Actor Actor) : IRequest<Result<ApplicationDto>>;

internal sealed class ApplicationQueriesHandler(LabellingDbContext db, TimeProvider time)
    : IRequestHandler<GetApplicationsQuery, ApplicationPageDto>, IRequestHandler<GetApplicationQuery, Result<ApplicationDto>>,
      IRequestHandler<GetQueueNeighboursQuery, QueueNeighboursDto>
{
    public async Task<ApplicationPageDto> Handle(GetApplicationsQuery request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var applications = Queue(request, now);
        var page = request.Page;
        var total = await applications.CountAsync(cancellationToken);
        var items = ByCommune(request)
            ? [.. InCommuneOrder(await applications.ToListAsync(cancellationToken)).Skip(page.Skip).Take(page.Size)]
            : await applications.Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        var lookAlikes = await LookAlikesAsync(items, cancellationToken);
        return new ApplicationPageDto([.. items.Select(a => Summary(a, now) with { PossibleDuplicate = lookAlikes[a.Id].Count > 0 })], total, page.Number, page.Size);
    }

    public async Task<QueueNeighboursDto> Handle(GetQueueNeighboursQuery request, CancellationToken cancellationToken)
    {
        // The queue's ids only, in its order: a few thousand at most for a region's edition.
        var queue = Queue(request.Queue, time.GetUtcNow().UtcDateTime);
        var ids = ByCommune(request.Queue)
            ? [.. InCommuneOrder(await queue.ToListAsync(cancellationToken)).Select(a => a.Id)]
            : await queue.Select(a => a.Id).ToListAsync(cancellationToken);
        var index = ids.IndexOf(request.Id);
        return index < 0
            ? new QueueNeighboursDto(null, null, 0, ids.Count)
            : new QueueNeighboursDto(index > 0 ? ids[index - 1] : null, index < ids.Count - 1 ? ids[index + 1] : null, index + 1, ids.Count);
    }

    private IQueryable<LabellingApplication> Queue(GetApplicationsQuery request, DateTime now)
    {
        var applications = Visible(db.Applications.AsNoTracking(), request.Actor);
        if (Enum.TryParse<ApplicationStatus>(request.Status, ignoreCase: true, out var status) && Enum.IsDefined(status))
        {
            applications = applications.Where(a => a.Status == status);
        }

        if (!string.IsNullOrEmpty(request.Region))
        {
            applications = applications.Where(a => a.RegionCode == request.Region);
        }

        if (!string.IsNullOrEmpty(request.Department))
        {
            applications = applications.Where(a => a.DepartmentCode == request.Department);
        }

        if (!string.IsNullOrEmpty(request.Format))
        {
            applications = applications.Where(a => a.Format == request.Format);
        }

        if (request.Overdue is { } overdue)
        {
            applications = overdue
                ? applications.Where(a => a.Status == ApplicationStatus.Pending && a.DueAtUtc <= now)
                : applications.Where(a => a.Status != ApplicationStatus.Pending || a.DueAtUtc > now);
        }

        return request.Sort?.ToLowerInvariant() switch
        {
            "deadline" => applications.OrderBy(a => a.DueAtUtc).ThenBy(a => a.SubmittedAtUtc).ThenBy(a => a.Id),
            _ => applications.OrderBy(a => a.SubmittedAtUtc).ThenBy(a => a.Id),
        };
    }

    private static bool ByCommune(GetApplicationsQuery request) => string.Equals(request.Sort, "commune", StringComparison.OrdinalIgnoreCase);

    // The commune is in the event's snapshot (a JSON column the database cannot sort by): sorted here, in French
    // (« Évreux » with the E's), online events last; the queue comes in submission order, kept within a commune.
    private static IEnumerable<LabellingApplication> InCommuneOrder(List<LabellingApplication> queue) =>
        queue.OrderBy(a => a.Snapshot.Event.Location.City is null)
            .ThenBy(a => a.Snapshot.Event.Location.City, StringComparer.Create(ParisTime.French, CompareOptions.IgnoreCase));

    public async Task<Result<ApplicationDto>> Handle(GetApplicationQuery request, CancellationToken cancellationToken)
    {
        var a = await db.Applications.AsNoTracking().Include(x => x.Decisions).FirstOrDefaultAsync(x => x.Id == request.Id, cancellationToken);
        if (a is null)
        {
            return ApplicationAccess.NotFound;
        }

        if (!request.Actor.CanModerate(a.RegionCode))
        {
            return ApplicationAccess.OtherRegion;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var others = await db.Applications.AsNoTracking()
            .Where(x => x.OrganisationId == a.OrganisationId && x.Id != a.Id)
            .OrderByDescending(x => x.EditionYear).ThenByDescending(x => x.SubmittedAtUtc).Take(50)
            .ToListAsync(cancellationToken);
        var lookAlikes = (await LookAlikesAsync([a], cancellationToken))[a.Id];
        return new ApplicationDto(
            a.Id,
            a.EditionId,
            a.EditionYear,
            a.Status.ToString(),
            LabellingApplication.StatusNames[a.Status],
            a.Snapshot.Event,
            a.Snapshot.Organiser,
            Criteria(a),
            a.CheckCanBeGranted() is null,
            a.LabelNumber,
            a.LabelVersion,
            a.SubmissionNumber,
            a.SubmittedAtUtc,
            a.DueAtUtc,
            WorkingDaysLeft(a, now),
            a.IsOverdue(now),
            [.. a.Decisions.OrderBy(d => d.AtUtc).Select(d => new DecisionDto(d.Kind.ToString(), d.By, d.AtUtc, d.Comment, d.LabelNumber))],
            [.. others.Select(o => new OrganiserHistoryDto(o.Id, o.EditionYear, o.Snapshot.Event.Title, LabellingApplication.StatusNames[o.Status], o.LabelNumber))],
            [.. lookAlikes.Select(o => new LookAlikeDto(
                o.Id, o.Snapshot.Event.Title, o.Snapshot.Organiser.OrganisationName, o.Snapshot.Event.Location.City, o.Status.ToString(),
                LabellingApplication.StatusNames[o.Status], o.LabelNumber, o.Snapshot.Event.Sessions.Count > 0 ? o.Snapshot.Event.Sessions.Min(x => x.Start) : null))]);
    }

    /// <summary>
    /// For each application, the others of its edition that may be the same event, whatever region they are in: the
    /// candidates are read by department or organisation (indexed columns), then compared here.
    /// </summary>
    private async Task<Dictionary<Guid, List<LabellingApplication>>> LookAlikesAsync(List<LabellingApplication> applications, CancellationToken cancellationToken)
    {
        var found = applications.ToDictionary(a => a.Id, _ => new List<LabellingApplication>());
        if (applications.Count == 0)
        {
            return found;
        }

        var editions = applications.Select(a => a.EditionId).Distinct().ToList();
        var departments = applications.Select(a => a.DepartmentCode).OfType<string>().Distinct().ToList();
        var organisations = applications.Select(a => a.OrganisationId).Distinct().ToList();
        ApplicationStatus[] counted = [ApplicationStatus.Pending, ApplicationStatus.ChangesRequested, ApplicationStatus.Granted, ApplicationStatus.Suspended];
        var candidates = await db.Applications.AsNoTracking()
            .Where(x => editions.Contains(x.EditionId) && counted.Contains(x.Status)
                && ((x.DepartmentCode != null && departments.Contains(x.DepartmentCode)) || organisations.Contains(x.OrganisationId)))
            .ToListAsync(cancellationToken);
        foreach (var application in applications)
        {
            found[application.Id].AddRange(candidates.Where(c => LookAlikes.Alike(application, c)).OrderBy(c => c.SubmittedAtUtc));
        }

        return found;
    }

    /// <summary>A moderator sees the regions given to them; online-only events (no region) are the administrators'.</summary>
    public static IQueryable<LabellingApplication> Visible(IQueryable<LabellingApplication> applications, Actor actor)
    {
        if (actor.IsAdministrator)
        {
            return applications;
        }

        var regions = actor.ModeratedRegions.ToList();
        return applications.Where(a => a.RegionCode != null && regions.Contains(a.RegionCode));
    }

    public static IReadOnlyList<CriterionDto> Criteria(LabellingApplication a) =>
        [.. a.Criteria.Select(c => new CriterionDto(c.Criterion.ToString(), Domain.Applications.Criteria.Names[c.Criterion], c.Outcome.ToString(), c.Detail))];

    public static ApplicationSummaryDto Summary(LabellingApplication a, DateTime nowUtc) => new(
        a.Id,
        a.EditionYear,
        a.Snapshot.Event.Title,
        a.Snapshot.Organiser.OrganisationName,
        a.RegionCode,
        a.DepartmentCode,
        a.Snapshot.Event.Location.City,
        a.Format,
        a.Status.ToString(),
        a.LabelNumber,
        a.SubmittedAtUtc,
        a.DueAtUtc,
        WorkingDaysLeft(a, nowUtc),
        a.IsOverdue(nowUtc),
        a.Criteria.Count(c => c.Outcome == CriterionOutcome.Failed));

    /// <summary>Working days left before the deadline (0 on its last day, negative once overdue).</summary>
    public static int WorkingDaysLeft(LabellingApplication a, DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(ParisTime.FromUtc(nowUtc));
        var lastDay = DateOnly.FromDateTime(ParisTime.FromUtc(a.DueAtUtc)).AddDays(-1);
        return lastDay >= today ? FrenchCalendar.WorkingDaysBetween(today, lastDay) : -FrenchCalendar.WorkingDaysBetween(lastDay, today);
    }
}
