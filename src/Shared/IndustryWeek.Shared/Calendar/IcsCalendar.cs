using System.Globalization;
using System.Text;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Shared.Calendar;

/// <summary>One session of an event as a calendar entry (VEVENT). Times are Europe/Paris wall-clock times.</summary>
public sealed record CalendarEntry(string Uid, string Summary, EventSession Session)
{
    public string? Description { get; init; }

    public string? Location { get; init; }

    public string? Url { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    /// <summary>
    /// One entry per session, in chronological order: UID « {event}-{n}@semaine-industrie » and the title
    /// numbered « (n/N) » when there are several. The kit's file and the public page's file use these, so
    /// a calendar that imports both keeps one entry per session.
    /// </summary>
    public static IEnumerable<CalendarEntry> ForSessions(Guid eventId, string title, IEnumerable<EventSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(title);
        var ordered = sessions.OrderBy(s => s.Start).ToList();
        return ordered.Select((session, index) => new CalendarEntry(
            string.Create(CultureInfo.InvariantCulture, $"{eventId:N}-{index + 1}@semaine-industrie"),
            ordered.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $"{title.Trim()} ({index + 1}/{ordered.Count})") : title.Trim(),
            session));
    }
}

/// <summary>
/// Writes an iCalendar file (RFC 5545) of events' sessions: CRLF lines folded at 75 octets without
/// splitting a UTF-8 character, TEXT values escaped, times given with TZID=Europe/Paris and that zone
/// described in a VTIMEZONE, so that every calendar application shows the French wall-clock time.
/// </summary>
public static class IcsCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    private const int MaxLineOctets = 75;

    public static string Write(IEnumerable<CalendarEntry> entries, DateTime stampUtc, string calendarName)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//Semaine de l'industrie//Plateforme de labellisation//FR");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, "METHOD:PUBLISH");
        Line(ics, "X-WR-CALNAME:" + EscapeText(calendarName));
        Line(ics, "X-WR-TIMEZONE:Europe/Paris");
        foreach (var line in ParisTimeZone)
        {
            Line(ics, line);
        }

        var stamp = Utc(stampUtc);
        foreach (var entry in entries)
        {
            Line(ics, "BEGIN:VEVENT");
            Line(ics, "UID:" + EscapeText(entry.Uid));
            Line(ics, "DTSTAMP:" + stamp);
            Line(ics, "DTSTART;TZID=Europe/Paris:" + Local(entry.Session.Start));
            Line(ics, "DTEND;TZID=Europe/Paris:" + Local(entry.Session.End));
            Line(ics, "SUMMARY:" + EscapeText(entry.Summary));
            if (!string.IsNullOrWhiteSpace(entry.Description))
            {
                Line(ics, "DESCRIPTION:" + EscapeText(entry.Description));
            }

            if (!string.IsNullOrWhiteSpace(entry.Location))
            {
                Line(ics, "LOCATION:" + EscapeText(entry.Location));
            }

            if (entry is { Latitude: { } latitude, Longitude: { } longitude })
            {
                Line(ics, string.Create(CultureInfo.InvariantCulture, $"GEO:{latitude:0.######};{longitude:0.######}"));
            }

            if (!string.IsNullOrWhiteSpace(entry.Url))
            {
                Line(ics, "URL:" + entry.Url);
            }

            Line(ics, "END:VEVENT");
        }

        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    /// <summary>RFC 5545 §3.3.11: backslash, semicolon and comma escaped, every line break as \n.</summary>
    public static string EscapeText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
    }

    /// <summary>RFC 5545 §3.1: lines longer than 75 octets go on as continuation lines starting with a space.</summary>
    private static void Line(StringBuilder ics, string content)
    {
        var octets = 0;
        var limit = MaxLineOctets;
        var runes = content.EnumerateRunes();
        foreach (var rune in runes)
        {
            var length = rune.Utf8SequenceLength;
            if (octets + length > limit)
            {
                ics.Append("\r\n ");
                octets = 0;
                limit = MaxLineOctets - 1; // the leading space counts
            }

            ics.Append(rune.ToString());
            octets += length;
        }

        ics.Append("\r\n");
    }

    private static string Local(DateTime parisLocal) => parisLocal.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    private static string Utc(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    // Europe/Paris since 1996: summer time from the last Sunday of March, 2 h, to the last Sunday of October, 3 h.
    private static readonly string[] ParisTimeZone =
    [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Paris",
        "X-LIC-LOCATION:Europe/Paris",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ];
}
