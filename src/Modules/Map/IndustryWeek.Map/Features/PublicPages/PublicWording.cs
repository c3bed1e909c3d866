using IndustryWeek.Map.Domain;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Time;

namespace IndustryWeek.Map.Features.PublicPages;

/// <summary>How the public pages say an event's dates and place in French.</summary>
internal static class PublicWording
{
    public static IReadOnlyList<string> Sessions(Pin pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        return [.. pin.Sessions.OrderBy(s => s.Start).Select(s => ParisTime.FormatSession(s.Start, s.End))];
    }

    /// <summary>« lundi 16 novembre 2020 » or « lundi 16 novembre 2020 (+ 2 autres dates) ».</summary>
    public static string FirstDate(Pin pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        if (pin.Sessions.Count == 0)
        {
            return "";
        }

        var first = ParisTime.FormatDayAndDate(DateOnly.FromDateTime(pin.Sessions.Min(s => s.Start)));
        return pin.Sessions.Count switch
        {
            1 => first,
            2 => $"{first} (et une autre date)",
            var n => $"{first} (et {n - 1} autres dates)",
        };
    }

    /// <summary>« Valenciennes (59) », « En ligne », « Lille (59) et en ligne ».</summary>
    public static string Where(Pin pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        if (pin.Mode == LocationMode.Online)
        {
            return "En ligne";
        }

        var town = string.IsNullOrWhiteSpace(pin.DepartmentCode) ? pin.City ?? "" : $"{pin.City} ({pin.DepartmentCode})";
        return pin.Mode == LocationMode.Hybrid ? $"{town} et en ligne" : town;
    }

    public static string Address(Pin pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        return EventLocation.FormatAddress(pin.Street, pin.PostalCode, pin.City);
    }

    /// <summary>An organiser's link, only if it is a web address: never a « javascript: » one in an href.</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;

    public static string Region(string? code) => code is not null && Regions.ByCode.TryGetValue(code, out var name) ? name : "";
}
