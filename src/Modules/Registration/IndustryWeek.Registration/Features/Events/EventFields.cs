using System.Globalization;
using System.Text.RegularExpressions;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Time;
using IndustryWeek.Shared.Web;

namespace IndustryWeek.Registration.Features.Events;

internal sealed record SessionFields
{
    /// <summary>Europe/Paris wall-clock time, « 2020-11-16T09:00 » (an explicit offset is converted to Paris time).</summary>
    [ApiLocalDateTime]
    public string? Start { get; init; }

    [ApiLocalDateTime]
    public string? End { get; init; }

    public static bool TryParse(string? value, out DateTime parisLocal)
    {
        parisLocal = default;
        if (string.IsNullOrWhiteSpace(value) || value.Length > 40)
        {
            return false;
        }

        var text = value.Trim();
        string[] localFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];
        if (DateTime.TryParseExact(text, localFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            parisLocal = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            return local.Year is >= 2000 and <= 2100;
        }

        if (OffsetPattern().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            parisLocal = DateTime.SpecifyKind(ParisTime.ToParis(instant), DateTimeKind.Unspecified);
            return parisLocal.Year is >= 2000 and <= 2100;
        }

        return false;
    }

    private static Regex OffsetPattern() => OffsetRegex;

    private static readonly Regex OffsetRegex = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
}

internal sealed record LocationFields
{
    /// <summary>OnSite, Online or Hybrid.</summary>
    [ApiValues(typeof(LocationMode))]
    public string? Mode { get; init; }

    public string? Street { get; init; }

    public string? PostalCode { get; init; }

    /// <summary>The commune's name; needed only when the postal code serves several communes and no INSEE code is given.</summary>
    public string? City { get; init; }

    public string? InseeCode { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public string? OnlineUrl { get; init; }
}

internal sealed record BookingFields
{
    public bool Required { get; init; }

    public string? Url { get; init; }

    public int? Capacity { get; init; }
}

internal sealed record PublicContactFields
{
    public string? Email { get; init; }

    public string? Phone { get; init; }
}

/// <summary>What an organiser writes about an event: the body of POST and PUT /api/events (API.md's Event, without what the platform sets).</summary>
internal abstract record EventFields
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    [ApiValues(ApiVocabulary.Formats)]
    public string? Format { get; init; }

    [ApiValues(ApiVocabulary.Audiences)]
    public IReadOnlyList<string>? Audiences { get; init; }

    [ApiValues(ApiVocabulary.Sectors)]
    public IReadOnlyList<string>? Sectors { get; init; }

    public IReadOnlyList<string>? Topics { get; init; }

    public IReadOnlyList<SessionFields>? Sessions { get; init; }

    public LocationFields? Location { get; init; }

    public bool? IsFree { get; init; }

    public BookingFields? Booking { get; init; }

    public PublicContactFields? PublicContact { get; init; }

    public bool Accessible { get; init; }

    public bool AboutIndustry { get; init; }
}
