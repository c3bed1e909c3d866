using System.Globalization;
using System.Text.Json.Nodes;
using IndustryWeek.Map.Domain;
using IndustryWeek.Map.Features.GetMapEvents;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Time;

namespace IndustryWeek.Map.Features.PublicPages;

/// <summary>
/// What an event's public page tells search engines and social networks: schema.org `Event` JSON-LD
/// (https://schema.org/Event) and the Open Graph description. Dates carry Paris's offset of that day (+01:00 or +02:00).
/// </summary>
internal static class EventStructuredData
{
    private const string Schema = "https://schema.org/";

    /// <summary>Longest Open Graph and meta description: what networks and search engines show of it.</summary>
    public const int SummaryLength = 200;

    /// <summary>
    /// The JSON-LD, to write as is inside &lt;script type="application/ld+json"&gt;: written with the map's encoder, which
    /// escapes &lt; &gt; &amp; ' " as \u003C…, so an organiser's « &lt;/script&gt; » or « &lt;!-- » cannot end or change the element.
    /// </summary>
    public static string JsonLd(MapEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var pin = entry.Pin;
        var sessions = pin.Sessions.OrderBy(s => s.Start).ToList();
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["name"] = pin.Title.Trim(),
            ["description"] = pin.Description.Trim(),
            ["url"] = entry.Url,
            ["eventStatus"] = Schema + "EventScheduled", // a cancelled or withdrawn event leaves the map, its page with it
            ["eventAttendanceMode"] = Schema + pin.Mode switch
            {
                LocationMode.Online => "OnlineEventAttendanceMode",
                LocationMode.Hybrid => "MixedEventAttendanceMode",
                _ => "OfflineEventAttendanceMode",
            },
            ["isAccessibleForFree"] = pin.IsFree,
            ["inLanguage"] = "fr",
            ["organizer"] = new JsonObject { ["@type"] = "Organization", ["name"] = pin.OrganisationName.Trim() },
            ["location"] = Location(entry),
        };
        if (sessions.Count > 0)
        {
            json["startDate"] = Instant(sessions[0].Start);
            json["endDate"] = Instant(sessions.Max(s => s.End));
        }

        if (pin.BookingCapacity is { } capacity)
        {
            json["maximumAttendeeCapacity"] = capacity;
        }

        if (sessions.Count > 1)
        {
            // One event on several dates: each session as a sub-event, so that the days between are not taken for part of it.
            json["subEvent"] = new JsonArray([.. sessions.Select((s, i) => (JsonNode)new JsonObject
            {
                ["@type"] = "Event",
                ["name"] = string.Create(CultureInfo.InvariantCulture, $"{pin.Title.Trim()} ({i + 1}/{sessions.Count})"),
                ["startDate"] = Instant(s.Start),
                ["endDate"] = Instant(s.End),
                ["url"] = entry.Url,
            })]);
        }

        return json.ToJsonString(MapJson.Options);
    }

    /// <summary>The description cut at a word under <see cref="SummaryLength"/> characters, on one line.</summary>
    public static string Summary(Pin pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var text = string.Join(' ', pin.Description.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= SummaryLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', SummaryLength - 1);
        return text[..(cut > SummaryLength / 2 ? cut : SummaryLength - 1)].TrimEnd(',', ';', ':', '.') + "…";
    }

    /// <summary>« 2020-11-16T09:00:00+01:00 »: the Paris wall-clock time with that day's offset.</summary>
    public static string Instant(DateTime parisLocal) =>
        TimeZoneInfo.ConvertTime(ParisTime.ToInstant(parisLocal), ParisTime.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static JsonNode Location(MapEntry entry)
    {
        var pin = entry.Pin;
        var online = new JsonObject { ["@type"] = "VirtualLocation", ["url"] = PublicWording.SafeUrl(pin.OnlineUrl) ?? entry.Url };
        if (pin.Mode == LocationMode.Online)
        {
            return online;
        }

        var address = new JsonObject { ["@type"] = "PostalAddress" };
        Add(address, "streetAddress", pin.Street);
        Add(address, "postalCode", pin.PostalCode);
        Add(address, "addressLocality", pin.City);
        Add(address, "addressRegion", PublicWording.Region(pin.RegionCode));
        address["addressCountry"] = "FR";
        var place = new JsonObject
        {
            ["@type"] = "Place",
            ["name"] = PublicWording.Address(pin) is { Length: > 0 } line ? line : pin.City ?? "",
            ["address"] = address,
        };
        if (pin is { Latitude: { } latitude, Longitude: { } longitude })
        {
            place["geo"] = new JsonObject { ["@type"] = "GeoCoordinates", ["latitude"] = latitude, ["longitude"] = longitude };
        }

        return pin.Mode == LocationMode.Hybrid ? new JsonArray(place, online) : place;
    }

    private static void Add(JsonObject json, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            json[name] = value.Trim();
        }
    }
}
