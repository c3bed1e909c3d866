using System.Text.Json.Serialization;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Time;

namespace IndustryWeek.Labelling.Domain.Applications;

/// <summary>The four criteria of the label (DESIGN.md §1).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Criterion>))]
internal enum Criterion
{
    /// <summary>In France, every session within the edition's eligible period for the event's region.</summary>
    PlaceAndPeriod,

    /// <summary>Open to the public: at least one public audience, not only the company's employees.</summary>
    OpenToPublic,

    /// <summary>Informs or communicates about industry: the organiser declares it, the moderator confirms it.</summary>
    AboutIndustry,

    FreeOfCharge,
}

[JsonConverter(typeof(JsonStringEnumConverter<CriterionOutcome>))]
internal enum CriterionOutcome
{
    Passed,
    Failed,
    ToReview,
}

internal sealed record CriterionResult(Criterion Criterion, CriterionOutcome Outcome, string Detail);

/// <summary>The automatic check of the four criteria, the moment an application arrives or changes.</summary>
internal static class Criteria
{
    public static readonly IReadOnlyDictionary<Criterion, string> Names = new Dictionary<Criterion, string>
    {
        [Criterion.PlaceAndPeriod] = "En France, pendant la période de l'édition",
        [Criterion.OpenToPublic] = "Ouvert au public",
        [Criterion.AboutIndustry] = "Fait découvrir l'industrie",
        [Criterion.FreeOfCharge] = "Gratuit",
    };

    /// <param name="schedule">The edition's schedule as Labelling knows it; null if not known yet.</param>
    /// <param name="industryConfirmed">A moderator confirmed criterion 3 (when granting).</param>
    public static IReadOnlyList<CriterionResult> Check(EventDescription e, EditionScheduleView? schedule, bool industryConfirmed)
    {
        ArgumentNullException.ThrowIfNull(e);
        return [PlaceAndPeriod(e, schedule), OpenToPublic(e), AboutIndustry(e, industryConfirmed), Free(e)];
    }

    /// <summary>A moderator may grant only if criteria 1, 2 and 4 are not failed.</summary>
    public static IReadOnlyList<CriterionResult> Blocking(IEnumerable<CriterionResult> results) =>
        [.. results.Where(r => r.Criterion != Criterion.AboutIndustry && r.Outcome == CriterionOutcome.Failed)];

    private static CriterionResult PlaceAndPeriod(EventDescription e, EditionScheduleView? schedule)
    {
        if (e.Location.Mode != LocationMode.Online && !Regions.IsRegionCode(e.Location.RegionCode))
        {
            return new(Criterion.PlaceAndPeriod, CriterionOutcome.Failed, "Le lieu n'est pas une commune française.");
        }

        if (schedule is null)
        {
            return new(Criterion.PlaceAndPeriod, CriterionOutcome.ToReview, "Les dates de l'édition ne sont pas encore connues : à vérifier.");
        }

        var period = schedule.PeriodFor(e.Location.RegionCode);
        var where = e.Location.RegionCode is { } region && schedule.HasRegionalPeriod(region) ? $" (période de la région {Regions.ByCode[region]})" : "";
        var outside = e.Sessions.Where(s => !s.FallsWithin(period)).ToList();
        return outside.Count == 0
            ? new(Criterion.PlaceAndPeriod, CriterionOutcome.Passed, $"{(e.Location.Mode == LocationMode.Online ? "En ligne" : $"À {e.Location.City}")} ; toutes les séances ont lieu du {ParisTime.FormatDate(period.Start)} au {ParisTime.FormatDate(period.End)}{where}.")
            : new(Criterion.PlaceAndPeriod, CriterionOutcome.Failed, $"Hors de la période du {ParisTime.FormatDate(period.Start)} au {ParisTime.FormatDate(period.End)}{where} : {string.Join(" ; ", outside.Select(s => ParisTime.FormatSession(s.Start, s.End)))}.");
    }

    private static CriterionResult OpenToPublic(EventDescription e) =>
        e.Audiences.Any(a => a != "Employees")
            ? new(Criterion.OpenToPublic, CriterionOutcome.Passed, "Au moins un public extérieur à l'organisation est accueilli.")
            : new(Criterion.OpenToPublic, CriterionOutcome.Failed, "Réservé aux salariés de l'organisation : l'événement doit être ouvert au public.");

    private static CriterionResult AboutIndustry(EventDescription e, bool confirmed) =>
        confirmed
            ? new(Criterion.AboutIndustry, CriterionOutcome.Passed, "Confirmé par le modérateur.")
            : new(Criterion.AboutIndustry, CriterionOutcome.ToReview, e.AboutIndustry
                ? "L'organisateur déclare faire découvrir l'industrie, ses métiers et ses formations ; le modérateur le confirme."
                : "L'organisateur ne déclare pas faire découvrir l'industrie : le modérateur en juge.");

    private static CriterionResult Free(EventDescription e) =>
        e.IsFree
            ? new(Criterion.FreeOfCharge, CriterionOutcome.Passed, "Gratuit.")
            : new(Criterion.FreeOfCharge, CriterionOutcome.Failed, "L'événement est payant : seuls les événements gratuits sont labellisés.");
}

/// <summary>The part of an edition the criteria need (Labelling's copy, from Editions' notifications).</summary>
internal sealed record EditionScheduleView(DatePeriod EventPeriod, IReadOnlyList<RegionalPeriod> RegionalPeriods)
{
    public DatePeriod PeriodFor(string? regionCode) => RegionalPeriods.FirstOrDefault(p => p.RegionCode == regionCode)?.Period ?? EventPeriod;

    public bool HasRegionalPeriod(string regionCode) => RegionalPeriods.Any(p => p.RegionCode == regionCode);
}
