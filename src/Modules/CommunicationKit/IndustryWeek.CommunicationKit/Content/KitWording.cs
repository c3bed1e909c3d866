using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Time;

namespace IndustryWeek.CommunicationKit.Content;

/// <summary>The French phrases the poster, the certificate, the texts and the mails share.</summary>
internal static class KitWording
{
    /// <summary>« 12 rue de l'Usine, 59000 Lille », « en ligne », « 12 rue de l'Usine, 59000 Lille et en ligne ».</summary>
    public static string Place(EventLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.Mode == LocationMode.Online)
        {
            return "en ligne";
        }

        return location.Mode == LocationMode.Hybrid ? $"{location.Address} et en ligne" : location.Address;
    }

    /// <summary>The town for short texts: « à Lille », « en ligne ».</summary>
    public static string Where(EventLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Mode == LocationMode.Online || string.IsNullOrWhiteSpace(location.City) ? "en ligne" : $"à {location.City.Trim()}";
    }

    public static IReadOnlyList<string> Sessions(EventDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return [.. description.Sessions.OrderBy(s => s.Start).Select(s => ParisTime.FormatSession(s.Start, s.End))];
    }

    /// <summary>« le lundi 16 novembre 2020 », « du lundi 16 novembre 2020 au vendredi 20 novembre 2020 ».</summary>
    public static string When(EventDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var first = DateOnly.FromDateTime(description.Sessions.Min(s => s.Start));
        var last = description.Sessions.Max(s => s.LastDay);
        return first == last
            ? $"le {ParisTime.FormatDayAndDate(first)}"
            : $"du {ParisTime.FormatDayAndDate(first)} au {ParisTime.FormatDayAndDate(last)}";
    }

    /// <summary>Cuts a text at a word boundary to at most <paramref name="maxLength"/> characters, with « … ».</summary>
    public static string Shorten(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = text[..(maxLength - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > maxLength / 2 ? cut[..space] : cut).TrimEnd(' ', ',', ';', ':', '.') + "…";
    }
}
