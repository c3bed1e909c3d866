using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using IndustryWeek.Map.Domain;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Web;

namespace IndustryWeek.Map.Features.GetMapEvents;

/// <summary>
/// One event as the public sees it, held in memory: the pin (read-only here), the address of its public
/// page, and its GeoJSON Feature already serialized, so that a response only copies bytes.
/// </summary>
internal sealed class MapEntry
{
    public MapEntry(Pin pin, string url)
    {
        ArgumentNullException.ThrowIfNull(pin);
        Pin = pin;
        Url = url;
        Feature = JsonSerializer.SerializeToUtf8Bytes(ToFeature(pin, url), MapJson.Options);
        SearchText = MapText.Fold(string.Join(' ', pin.Title, pin.Description, pin.City, pin.OrganisationName));
        Days = [.. pin.Sessions.Select(s => (DateOnly.FromDateTime(s.Start), s.LastDay))];
    }

    public Pin Pin { get; }

    public Guid EventId => Pin.EventId;

    /// <summary>The event's public page, absolute (Site:PublicUrl).</summary>
    public string Url { get; }

    /// <summary>The GeoJSON Feature, UTF-8 JSON; organisers' text is escaped (&lt; &gt; &amp; ' " as \u003C…).</summary>
    public byte[] Feature { get; }

    /// <summary>Title, description, city and organisation, lower case and without accents.</summary>
    public string SearchText { get; }

    /// <summary>The first and last day of each session (Paris dates).</summary>
    public IReadOnlyList<(DateOnly First, DateOnly Last)> Days { get; }

    public static FeatureDto ToFeature(Pin pin, string url)
    {
        ArgumentNullException.ThrowIfNull(pin);
        return new FeatureDto
        {
            Id = pin.EventId,
            Geometry = pin is { Latitude: { } lat, Longitude: { } lon } ? new PointDto { Coordinates = [lon, lat] } : null,
            Properties = new FeaturePropertiesDto
            {
                Title = pin.Title,
                Format = pin.Format,
                Audiences = pin.Audiences,
                Sectors = pin.Sectors,
                Sessions = pin.Sessions,
                City = pin.City,
                DepartmentCode = pin.DepartmentCode,
                RegionCode = pin.RegionCode,
                Organisation = pin.OrganisationName,
                Online = pin.Online,
                Url = url,
            },
        };
    }
}

/// <summary>How the map writes JSON: the API's camelCase; every character a page could take for markup escaped, accents kept.</summary>
internal static class MapJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Like the default encoder (<, >, &, ', ", + and ` escaped), but letting French letters through as they are.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static readonly byte[] CollectionStart = "{\"type\":\"FeatureCollection\",\"features\":["u8.ToArray();

    public static readonly byte[] CollectionEnd = "]}"u8.ToArray();

    public static readonly byte[] Separator = ","u8.ToArray();

    /// <summary>A FeatureCollection of the entries' pre-serialized features.</summary>
    public static byte[] Collection(IReadOnlyCollection<MapEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var document = new byte[CollectionLength(entries)];
        var at = 0;
        Copy(CollectionStart);
        var first = true;
        foreach (var entry in entries)
        {
            if (!first)
            {
                Copy(Separator);
            }

            Copy(entry.Feature);
            first = false;
        }

        Copy(CollectionEnd);
        return document;

        void Copy(byte[] bytes)
        {
            bytes.CopyTo(document, at);
            at += bytes.Length;
        }
    }

    public static int CollectionLength(IReadOnlyCollection<MapEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return CollectionStart.Length + CollectionEnd.Length + entries.Sum(e => e.Feature.Length) + Math.Max(0, entries.Count - 1);
    }
}

/// <summary>Free-text search: lower case, accents and ligatures folded (« Cœur » matches « coeur »).</summary>
internal static class MapText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                    break;
                default:
                    folded.Append(c switch
                    {
                        'œ' or 'Œ' => "oe",
                        'æ' or 'Æ' => "ae",
                        'ß' => "ss",
                        _ => char.ToLowerInvariant(c).ToString(),
                    });
                    break;
            }
        }

        return folded.ToString();
    }
}

// GeoJSON (RFC 7946) as API.md describes it, members in the usual order.

internal sealed record FeatureDto
{
    public string Type { get; } = "Feature";

    public required Guid Id { get; init; }

    public required PointDto? Geometry { get; init; }

    public required FeaturePropertiesDto Properties { get; init; }
}

internal sealed record PointDto
{
    public string Type { get; } = "Point";

    /// <summary>[longitude, latitude].</summary>
    public required double[] Coordinates { get; init; }
}

internal sealed record FeaturePropertiesDto
{
    public required string Title { get; init; }

    [ApiValues(ApiVocabulary.Formats)]
    public required string Format { get; init; }

    [ApiValues(ApiVocabulary.Audiences)]
    public required IReadOnlyList<string> Audiences { get; init; }

    [ApiValues(ApiVocabulary.Sectors)]
    public required IReadOnlyList<string> Sectors { get; init; }

    public required IReadOnlyList<EventSession> Sessions { get; init; }

    public required string? City { get; init; }

    public required string? DepartmentCode { get; init; }

    public required string? RegionCode { get; init; }

    public required string Organisation { get; init; }

    /// <summary>The event has an online part.</summary>
    public required bool Online { get; init; }

    /// <summary>The event's public page.</summary>
    public required string Url { get; init; }
}
