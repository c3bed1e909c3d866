using IndustryWeek.Shared.Web;

namespace IndustryWeek.Shared.PublishedLanguage;

// Value shapes that several modules' public notifications carry ("fat" events). They live in the
// shared kernel so that Contracts projects need not reference each other.

/// <summary>One session of an event, in Europe/Paris local time.</summary>
public sealed record EventSession([property: ApiLocalDateTime] DateTime Start, [property: ApiLocalDateTime] DateTime End)
{
    /// <summary>
    /// The day the session starts and the day it ends must both be in the period (an edition's
    /// eligible period). A session ending at midnight ends on the day it started (« 20 h – 0 h »);
    /// one ending at 1 h ends on the next day.
    /// </summary>
    public bool FallsWithin(DatePeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Contains(DateOnly.FromDateTime(Start)) && period.Contains(LastDay);
    }

    [System.Text.Json.Serialization.JsonIgnore]
    public DateOnly LastDay =>
        End.TimeOfDay == TimeSpan.Zero && End > Start ? DateOnly.FromDateTime(End).AddDays(-1) : DateOnly.FromDateTime(End);
}

public enum LocationMode
{
    OnSite,
    Online,
    Hybrid,
}

/// <summary>Where an event takes place. Codes are the official COG codes (INSEE commune, department, region).</summary>
public sealed record EventLocation
{
    public required LocationMode Mode { get; init; }

    public string? Street { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    public string? InseeCode { get; init; }

    public string? DepartmentCode { get; init; }

    public string? RegionCode { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public string? OnlineUrl { get; init; }

    /// <summary>« 1 rue de l'Industrie, 59300 Valenciennes » (empty for an online event).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Address => FormatAddress(Street, PostalCode, City);

    /// <summary>A postal address on one line, the parts given (trimmed) separated by a comma.</summary>
    public static string FormatAddress(string? street, string? postalCode, string? city) =>
        string.Join(", ", new[] { street?.Trim(), $"{postalCode} {city}".Trim() }.Where(p => !string.IsNullOrWhiteSpace(p)));
}

/// <summary>How the public books a place: not at all, through a link, or by contacting the organiser.</summary>
public sealed record EventBooking(bool Required, string? Url, int? Capacity);

/// <summary>Who the public contacts about an event (shown on the public page).</summary>
public sealed record EventContact(string? Email, string? Phone);

/// <summary>
/// An event as its organiser describes it, in the API's words (format « CompanyVisit », audiences
/// « Pupils »…): what Registration's notifications carry, what Labelling judges and grants a label
/// for, what the kit prints and what the map shows.
/// </summary>
public sealed record EventDescription
{
    public required string Title { get; init; }

    public required string Description { get; init; }

    [ApiValues(ApiVocabulary.Formats)]
    public required string Format { get; init; }

    [ApiValues(ApiVocabulary.Audiences)]
    public required IReadOnlyList<string> Audiences { get; init; }

    [ApiValues(ApiVocabulary.Sectors)]
    public required IReadOnlyList<string> Sectors { get; init; }

    /// <summary>The edition's focus topics the event takes part in.</summary>
    public required IReadOnlyList<string> Topics { get; init; }

    /// <summary>Europe/Paris wall-clock times, in chronological order.</summary>
    public required IReadOnlyList<EventSession> Sessions { get; init; }

    public required EventLocation Location { get; init; }

    public required bool IsFree { get; init; }

    public required EventBooking Booking { get; init; }

    public required EventContact PublicContact { get; init; }

    public required bool Accessible { get; init; }

    /// <summary>The organiser declares the event informs about industry, its trades and training (criterion 3, with the moderator).</summary>
    public required bool AboutIndustry { get; init; }
}

/// <summary>The organisation behind an event and the organiser account to write to.</summary>
public sealed record OrganiserContact(Guid OrganisationId, string OrganisationName, string Email);
