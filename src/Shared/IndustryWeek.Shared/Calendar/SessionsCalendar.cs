using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace IndustryWeek.Shared.Calendar;

/// <summary>
/// The iCalendar file (RFC 5545) of events' sessions, written by Ical.Net: times given with TZID=Europe/Paris and
/// that zone described in a VTIMEZONE from NodaTime's zone data, so every calendar application shows the French
/// wall-clock time; the library escapes TEXT values and folds lines at 75 octets.
/// </summary>
public static class SessionsCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    private const string Paris = "Europe/Paris";

    private const int MaxLineOctets = 75;

    /// <param name="stampUtc">Every entry's DTSTAMP; with the entries, it alone decides the bytes (a feed's ETag relies on it).</param>
    public static string Write(IEnumerable<CalendarEntry> entries, DateTime stampUtc, string calendarName)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(calendarName);
        var list = entries.ToList();
        var calendar = new Ical.Net.Calendar
        {
            ProductId = "-//Semaine de l'industrie//Plateforme de labellisation//FR",
            Scale = "GREGORIAN",
            Method = "PUBLISH",
        };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", Paris);

        // The zone's rules from the earliest session on (not from « now »: the same entries give the same file).
        var earliest = list.Count == 0 ? stampUtc : list.Min(e => e.Session.Start);
        calendar.AddTimeZone(Paris, earliest, includeHistoricalData: false);

        var stamp = new CalDateTime(DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc), hasTime: true);
        foreach (var entry in list)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = entry.Uid,
                DtStamp = stamp,
                DtStart = ParisTime(entry.Session.Start),
                DtEnd = ParisTime(entry.Session.End),
                Summary = entry.Summary,
                Description = Blank(entry.Description),
                Location = Blank(entry.Location),
                Url = string.IsNullOrWhiteSpace(entry.Url) ? null : new Uri(entry.Url),
                GeographicLocation = entry is { Latitude: { } latitude, Longitude: { } longitude } ? new GeographicLocation(latitude, longitude) : null,
            });
        }

        return Refold(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }

    /// <summary>
    /// Ical.Net 5.2.4 folds at 75 octets but may cut an emoji's surrogate pair in two (the emoji then becomes « �� » once
    /// encoded as UTF-8): its folds are undone (a TEXT value never holds a raw line break, so every CRLF + space is a fold)
    /// and done again between whole characters.
    /// </summary>
    private static string Refold(string ics)
    {
        var folded = new StringBuilder(ics.Length + 64);
        foreach (var line in ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var octets = 0;
            var limit = MaxLineOctets;
            foreach (var rune in line.EnumerateRunes())
            {
                if (octets + rune.Utf8SequenceLength > limit)
                {
                    folded.Append("\r\n ");
                    octets = 0;
                    limit = MaxLineOctets - 1; // the leading space counts
                }

                folded.Append(rune.ToString());
                octets += rune.Utf8SequenceLength;
            }

            folded.Append("\r\n");
        }

        return folded.ToString();
    }

    /// <summary>A session's wall-clock time in Paris, as typed (never converted).</summary>
    private static CalDateTime ParisTime(DateTime parisLocal) =>
        new(DateTime.SpecifyKind(parisLocal, DateTimeKind.Unspecified), Paris, hasTime: true);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
