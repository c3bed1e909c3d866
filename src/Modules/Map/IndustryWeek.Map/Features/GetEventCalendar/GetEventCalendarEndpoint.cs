using System.Globalization;
using System.Text;
using IndustryWeek.Map.Domain;
using IndustryWeek.Map.Features.GetMapEvents;
using IndustryWeek.Shared.Calendar;
using IndustryWeek.Shared.PublishedLanguage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IndustryWeek.Map.Features.GetEventCalendar;

/// <summary>GET /api/map/events/{id}.ics: every session of a public event, for the visitor's calendar.</summary>
internal static class GetEventCalendarEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/events/{id:guid}.ics", async (Guid id, HttpContext http, MapQuery map, CancellationToken cancellationToken) =>
            {
                var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                var preview = MapHttp.Preview(http, errors);
                if (errors.Count > 0)
                {
                    return MapHttp.Invalid(errors);
                }

                // As the event's page, which links here: from the labelling, not indexed before the map opens.
                if (await map.FindLabelledAsync(id, preview, cancellationToken) is not { Entry: var entry } found)
                {
                    return MapHttp.EventNotFound();
                }

                if (!found.Listed)
                {
                    http.Response.Headers["X-Robots-Tag"] = "noindex";
                }

                http.Response.Headers.CacheControl = preview ? "private, no-cache" : "public, max-age=60";
                var ics = EventCalendar.Write(entry);
                return Results.File(Encoding.UTF8.GetBytes(ics), SessionsCalendar.ContentType, EventCalendar.FileName(entry.Pin));
            })
            .AllowAnonymous()
            .WithName("GetMapEventCalendar")
            .WithSummary("Les séances d'un événement de la carte, au format iCalendar (.ics, heure de Paris).")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound);
}

/// <summary>An event's sessions as calendar entries; the same UIDs as the organiser's kit, so a calendar keeps one entry per session.</summary>
internal static class EventCalendar
{
    public static string Write(MapEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return SessionsCalendar.Write(Entries(entry), entry.Pin.PublishedAtUtc, entry.Pin.Title.Trim());
    }

    /// <summary>
    /// The calendar feed of a map's events (GET /api/map/events.ics): every session of each, with the same entries
    /// (UIDs included) as each event's own file, so a calendar that imported one and subscribes to the feed keeps
    /// one entry per session. Stamped with the latest publication among them: the same map version, the same bytes
    /// (the feed's ETag is the map's).
    /// </summary>
    public static byte[] Feed(IReadOnlyList<MapEntry> entries, string calendarName)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var stamp = entries.Count == 0 ? DateTime.UnixEpoch : entries.Max(e => e.Pin.PublishedAtUtc);
        return Encoding.UTF8.GetBytes(SessionsCalendar.Write(entries.SelectMany(Entries), stamp, calendarName));
    }

    private static IEnumerable<CalendarEntry> Entries(MapEntry entry)
    {
        var pin = entry.Pin;
        return CalendarEntry.ForSessions(pin.EventId, pin.Title, pin.Sessions).Select(session => session with
        {
            Description = $"{pin.Description.Trim()}\n\nOrganisé par {pin.OrganisationName}. Événement labellisé Semaine de l'industrie {pin.EditionYear} ({pin.LabelNumber}).\n{entry.Url}",
            Location = Place(pin),
            Url = entry.Url,
            Latitude = pin.Latitude,
            Longitude = pin.Longitude,
        });
    }

    public static string FileName(Pin pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        return string.IsNullOrEmpty(pin.LabelNumber) ? $"evenement-{pin.EventId:N}.ics" : $"{pin.LabelNumber}.ics";
    }

    /// <summary>« 1 rue de l'Industrie, 59300 Valenciennes », « en ligne : https://… », both for a hybrid event.</summary>
    public static string Place(Pin pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var address = EventLocation.FormatAddress(pin.Street, pin.PostalCode, pin.City);
        var online = pin.OnlineUrl is { Length: > 0 } url ? $"en ligne : {url}" : "en ligne";
        return pin.Mode switch
        {
            LocationMode.Online => online,
            LocationMode.Hybrid => address.Length > 0 ? $"{address} et {online}" : online,
            _ => address,
        };
    }
}
