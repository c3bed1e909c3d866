using System.Text.Json;
using IndustryWeek.Map.Features.GetMapEvents;

namespace IndustryWeek.Map.Features.GetMapPins;

/// <summary>
/// The map's pins in the compact form the public page draws (issue 22): per placed event, its id, its
/// coordinates and its title (the marker's tooltip and accessible name); nothing else, the popup asks for
/// the event's Feature when it opens. Online-only events have no place, so no pin.
/// </summary>
internal static class MapPins
{
    public const string ContentType = "application/json";

    /// <summary>The whole-edition document's name in <see cref="EditionMap.Derived"/>, and the ETag's variant.</summary>
    public const string Name = "pins";

    /// <summary>5 decimals of a degree: about 1 m, finer than a marker on any zoom the map allows.</summary>
    public const int Decimals = 5;

    /// <summary>UTF-8 JSON, with the map's encoder: organisers' markup is escaped as in the GeoJSON.</summary>
    public static byte[] Write(IEnumerable<MapEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var pins = new List<PinDto>();
        foreach (var entry in entries)
        {
            if (entry.Pin is { Latitude: { } latitude, Longitude: { } longitude } pin)
            {
                pins.Add(new PinDto(pin.EventId, Math.Round(latitude, Decimals), Math.Round(longitude, Decimals), pin.Title));
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(new PinsDto(pins), MapJson.Options);
    }
}

/// <summary>`{"pins": [...]}`: an object rather than a bare array, so that fields can be added without breaking readers.</summary>
internal sealed record PinsDto(IReadOnlyList<PinDto> Pins);

/// <param name="Lat">Latitude, WGS 84, rounded to <see cref="MapPins.Decimals"/> decimals.</param>
/// <param name="Lon">Longitude, WGS 84, rounded likewise.</param>
internal sealed record PinDto(Guid Id, double Lat, double Lon, string Title);
