using System.Globalization;
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
