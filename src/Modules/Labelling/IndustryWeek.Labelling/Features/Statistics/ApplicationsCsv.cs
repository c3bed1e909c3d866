using System.Globalization;
using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Labelling.Features.Queue;
using IndustryWeek.Labelling.Persistence;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Time;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Labelling.Features.Statistics;

/// <summary>
/// GET /api/labelling/applications.csv?year=: the applications a moderator sees (their regions only),
/// one per line, semicolon-separated with a BOM so that a French spreadsheet opens it as is.
/// </summary>
internal sealed record ExportApplicationsQuery(Actor Actor, int? Year) : IRequest<byte[]>;

internal sealed class ExportApplicationsQueryHandler(LabellingDbContext db) : IRequestHandler<ExportApplicationsQuery, byte[]>
{
    public async Task<byte[]> Handle(ExportApplicationsQuery request, CancellationToken cancellationToken)
    {
        var applications = ApplicationQueriesHandler.Visible(db.Applications.AsNoTracking(), request.Actor);
        if (request.Year is { } year)
        {
            applications = applications.Where(a => a.EditionYear == year);
        }

        var rows = await applications.OrderBy(a => a.EditionYear).ThenBy(a => a.SubmittedAtUtc).ToListAsync(cancellationToken);
        return StatisticsCsv.Write(csv => csv.WriteRecords(rows.Select(Row)));
    }

    private static ApplicationRow Row(LabellingApplication a) => new()
    {
        Evenement = a.Id.ToString(),
        Edition = a.EditionYear,
        Statut = LabellingApplication.StatusNames[a.Status],
        Label = a.LabelNumber ?? "",
        Titre = a.Snapshot.Event.Title,
        Organisation = a.Snapshot.Organiser.OrganisationName,
        Region = a.RegionCode is { } r ? Regions.ByCode.GetValueOrDefault(r, r) : "En ligne",
        Departement = a.DepartmentCode ?? "",
        Commune = a.Snapshot.Event.Location.City ?? "",
        Format = a.Format,
        Publics = string.Join(", ", a.Snapshot.Event.Audiences),
        PremiereSeance = a.Snapshot.Event.Sessions.Count == 0 ? "" : a.Snapshot.Event.Sessions.Min(s => s.Start).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        SoumisLe = Paris(a.SubmittedAtUtc),
        DecideLe = a.DecidedAtUtc is { } decided ? Paris(decided) : "",
        Participants = a.Participation?.Participants,
    };

    private static string Paris(DateTime utc) =>
        ParisTime.FromUtc(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The export's columns, documented by their French headers.</summary>
    private sealed record ApplicationRow
    {
        public required string Evenement { get; init; }

        public required int Edition { get; init; }

        public required string Statut { get; init; }

        public required string Label { get; init; }

        public required string Titre { get; init; }

        public required string Organisation { get; init; }

        public required string Region { get; init; }

        public required string Departement { get; init; }

        public required string Commune { get; init; }

        public required string Format { get; init; }

        public required string Publics { get; init; }

        public required string PremiereSeance { get; init; }

        public required string SoumisLe { get; init; }

        public required string DecideLe { get; init; }

        public int? Participants { get; init; }
    }
}
