using System.Globalization;
using System.Text;
using FluentValidation;
using FluentValidation.Results;
using IndustryWeek.Registration.Domain.Editions;
using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Registration.Domain.Places;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Time;

namespace IndustryWeek.Registration.Features.Events;

/// <summary>
/// Turns checked fields into an event's details, with the rules that need the edition and the official
/// communes: the commune of the postal code (→ department → region), the position inside that
/// territory, the focus topics of the edition, and every session inside the region's eligible period.
/// Failures are per field, like the validator's.
/// </summary>
internal sealed class EventDetailsFactory(CommuneDirectory communes)
{
    /// <exception cref="ValidationException">The fields break a rule of the edition or of the official data.</exception>
    public EventDetails Build(EventFields fields, Edition edition)
    {
        var failures = new List<ValidationFailure>();
        var location = Locate(fields.Location!, failures);
        var sessions = fields.Sessions!.Select(s => SessionFieldsValidator.Parse(s)!).ToList();
        var period = edition.EligiblePeriodFor(location.RegionCode);
        for (var i = 0; i < sessions.Count; i++)
        {
            if (!sessions[i].FallsWithin(period))
            {
                failures.Add(new ValidationFailure($"Sessions[{i}].Start", OutsidePeriod(edition, location.RegionCode, period)));
            }
        }

        var topics = (fields.Topics ?? []).Select(t => t.Trim()).ToList();
        for (var i = 0; i < topics.Count; i++)
        {
            if (!edition.Snapshot.FocusTopics.Contains(topics[i], StringComparer.Ordinal))
            {
                failures.Add(new ValidationFailure($"Topics[{i}]", $"« {EventFieldsValidator.Shorten(topics[i])} » n'est pas un thème de l'édition {edition.Year} ; thèmes possibles : {string.Join(", ", edition.Snapshot.FocusTopics)}."));
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return new EventDetails
        {
            Title = fields.Title!.Trim(),
            Description = fields.Description!.Trim(),
            Format = Enum.Parse<EventFormat>(fields.Format!),
            Audiences = [.. fields.Audiences!.Select(Enum.Parse<Audience>)],
            Sectors = [.. fields.Sectors!.Select(Enum.Parse<IndustrySector>)],
            Topics = topics,
            Sessions = [.. sessions.OrderBy(s => s.Start)],
            Location = location,
            IsFree = fields.IsFree!.Value,
            Booking = new EventBooking(fields.Booking!.Required, Blank(fields.Booking.Url), fields.Booking.Capacity),
            PublicContact = new EventContact(Blank(fields.PublicContact?.Email), Blank(fields.PublicContact?.Phone)),
            Accessible = fields.Accessible,
            AboutIndustry = fields.AboutIndustry,
        };
    }

    /// <summary>The message of a session outside the period, also used when a rescheduling or a reconduction moves dates.</summary>
    public static string OutsidePeriod(Edition edition, string? regionCode, DatePeriod period) =>
        regionCode is not null && edition.Snapshot.Schedule.RegionalPeriods.Any(p => p.RegionCode == regionCode)
            ? $"Les séances ont lieu pendant la période de l'édition {edition.Year} pour la région {Regions.ByCode[regionCode]} : du {ParisTime.FormatDate(period.Start)} au {ParisTime.FormatDate(period.End)}."
            : $"Les séances ont lieu pendant la période de l'édition {edition.Year} : du {ParisTime.FormatDate(period.Start)} au {ParisTime.FormatDate(period.End)}.";

    private EventLocation Locate(LocationFields fields, List<ValidationFailure> failures)
    {
        var mode = Enum.Parse<LocationMode>(fields.Mode!);
        var onlineUrl = mode is LocationMode.OnSite ? null : fields.OnlineUrl!.Trim();
        if (mode is LocationMode.Online)
        {
            return new EventLocation { Mode = mode, OnlineUrl = onlineUrl };
        }

        var postalCode = fields.PostalCode!;
        var candidates = communes.ByPostalCode(postalCode);
        Commune? commune = null;
        if (candidates.Count == 0)
        {
            failures.Add(new ValidationFailure("Location.PostalCode", $"Le code postal {postalCode} n'existe pas dans le code officiel géographique."));
        }
        else if (!string.IsNullOrEmpty(fields.InseeCode))
        {
            commune = communes.Find(postalCode, fields.InseeCode);
            if (commune is null)
            {
                failures.Add(new ValidationFailure("Location.InseeCode", $"La commune {fields.InseeCode} n'a pas le code postal {postalCode} ; communes de ce code postal : {Names(candidates)}."));
            }
        }
        else
        {
            var named = string.IsNullOrWhiteSpace(fields.City) ? [] : candidates.Where(c => SameName(c.Name, fields.City)).ToList();
            commune = candidates.Count == 1 ? candidates[0] : named.Count == 1 ? named[0] : null;
            if (commune is null)
            {
                failures.Add(new ValidationFailure("Location.City", string.IsNullOrWhiteSpace(fields.City)
                    ? $"Plusieurs communes ont le code postal {postalCode} : {Names(candidates)}. Précisez laquelle."
                    : $"« {EventFieldsValidator.Shorten(fields.City)} » n'a pas le code postal {postalCode} ; communes de ce code postal : {Names(candidates)}."));
            }
        }

        var latitude = fields.Latitude!.Value;
        var longitude = fields.Longitude!.Value;
        if (commune is not null && !FrenchTerritory.Contains(commune.RegionCode, latitude, longitude, out var territory))
        {
            failures.Add(new ValidationFailure("Location.Latitude", $"Ce point est hors de {territory}, où se trouve {commune.Name} : placez l'événement sur la carte à son adresse."));
        }

        return new EventLocation
        {
            Mode = mode,
            Street = Blank(fields.Street),
            PostalCode = postalCode,
            City = commune?.Name ?? fields.City?.Trim(),
            InseeCode = commune?.InseeCode,
            DepartmentCode = commune?.DepartmentCode,
            RegionCode = commune?.RegionCode,
            Latitude = Math.Round(latitude, 6),
            Longitude = Math.Round(longitude, 6),
            OnlineUrl = onlineUrl,
        };
    }

    private static string Names(IReadOnlyList<Commune> candidates) => string.Join(", ", candidates.Select(c => $"{c.Name} ({c.InseeCode})"));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>« saint-amand les eaux » is « Saint-Amand-les-Eaux ».</summary>
    private static bool SameName(string official, string typed) => Fold(official) == Fold(typed);

    private static string Fold(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            text.Append(char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : ' ');
        }

        return string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace("SAINTE ", "STE ", StringComparison.Ordinal).Replace("SAINT ", "ST ", StringComparison.Ordinal);
    }
}
