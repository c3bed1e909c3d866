using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IndustryWeek.Map.Domain;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace IndustryWeek.Map.Features.GetMapEvents;

/// <summary>A rectangle of longitudes and latitudes (WGS 84), bounds included.</summary>
internal readonly record struct BoundingBox(double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude)
{
    public bool Contains(double longitude, double latitude) =>
        MinLongitude <= longitude && longitude <= MaxLongitude && MinLatitude <= latitude && latitude <= MaxLatitude;
}

/// <summary>
/// Which of an edition's events to show (API.md: region, department, format, audience, sector, from,
/// to, online, q, bbox). Each criterion given narrows the result; a criterion with several values
/// (`format=OpenDay&amp;format=Workshop`, or `format=OpenDay,Workshop`) keeps events matching any of them.
/// </summary>
internal sealed partial record MapFilter
{
    public const int MaxTextLength = 200;

    // (Declared before None, which uses it: static fields initialise in order.)
    private static readonly IReadOnlySet<string> Nothing = new HashSet<string>(StringComparer.Ordinal);

    public static readonly MapFilter None = new();

    private readonly string? _text;

    /// <summary>Region codes (COG).</summary>
    public IReadOnlySet<string> Regions { get; init; } = Nothing;

    /// <summary>Department codes (COG: 59, 2A, 974).</summary>
    public IReadOnlySet<string> Departments { get; init; } = Nothing;

    /// <summary>API names (CompanyVisit…).</summary>
    public IReadOnlySet<string> Formats { get; init; } = Nothing;

    public IReadOnlySet<string> Audiences { get; init; } = Nothing;

    public IReadOnlySet<string> Sectors { get; init; } = Nothing;

    /// <summary>A session must end on or after this day.</summary>
    public DateOnly? From { get; init; }

    /// <summary>A session must start on or before this day.</summary>
    public DateOnly? To { get; init; }

    /// <summary>true: events with an online part; false: on-site only.</summary>
    public bool? Online { get; init; }

    /// <summary>The free text as typed.</summary>
    public string? Text
    {
        get => _text;
        init
        {
            _text = value;
            Words = MapText.Fold(value).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        }
    }

    /// <summary>The free text's words, folded (lower case, no accents); an event must contain each.</summary>
    public IReadOnlyList<string> Words { get; private init; } = [];

    /// <summary>Only events placed in this rectangle (online-only events have no place).</summary>
    public BoundingBox? Box { get; init; }

    public bool IsEmpty =>
        Regions.Count == 0 && Departments.Count == 0 && Formats.Count == 0 && Audiences.Count == 0 && Sectors.Count == 0
        && From is null && To is null && Online is null && Words.Count == 0 && Box is null;

    public bool Matches(MapEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var pin = entry.Pin;
        return (Regions.Count == 0 || (pin.RegionCode is { } region && Regions.Contains(region)))
            && (Departments.Count == 0 || (pin.DepartmentCode is { } department && Departments.Contains(department)))
            && (Formats.Count == 0 || Formats.Contains(pin.Format))
            && (Audiences.Count == 0 || pin.Audiences.Exists(Audiences.Contains))
            && (Sectors.Count == 0 || pin.Sectors.Exists(Sectors.Contains))
            && (Online is not { } online || pin.Online == online)
            && (Box is not { } box || (pin is { Longitude: { } lon, Latitude: { } lat } && box.Contains(lon, lat)))
            && ((From is null && To is null) || entry.Days.Any(d => (From is not { } from || d.Last >= from) && (To is not { } to || d.First <= to)))
            && Words.All(w => entry.SearchText.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>The same filter always gives the same key, whatever the order its values were given in (for the ETag).</summary>
    public string Key
    {
        get
        {
            var key = new StringBuilder();
            Append("region", Regions);
            Append("department", Departments);
            Append("format", Formats);
            Append("audience", Audiences);
            Append("sector", Sectors);
            key.Append(CultureInfo.InvariantCulture, $"|from={From:yyyy-MM-dd}|to={To:yyyy-MM-dd}|online={Online}|q={string.Join(' ', Words)}");
            if (Box is { } box)
            {
                key.Append(CultureInfo.InvariantCulture, $"|bbox={box.MinLongitude:R},{box.MinLatitude:R},{box.MaxLongitude:R},{box.MaxLatitude:R}");
            }

            return key.ToString();

            void Append(string name, IReadOnlySet<string> values) =>
                key.Append('|').Append(name).Append('=').AppendJoin(',', values.Order(StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// Reads the filter from a query string. Every value is checked; what is wrong comes back as French
    /// messages by parameter name (a 400 problem), never as an exception.
    /// </summary>
    /// <summary>The edition and the filters, as the API document declares them (API.md: the same for the collection and its exports).</summary>
    public static IReadOnlyList<QueryParameterDoc> Documented { get; } =
    [
        new("edition", "L'édition : son identifiant ou son année (2027). Par défaut, l'édition en cours."),
        new("region", "Code INSEE d'une région (32 pour les Hauts-de-France).", Repeatable: true),
        new("department", "Code d'un département (59, 2A, 974).", Repeatable: true),
        new("format", "Format de l'événement.", Values: [.. EventWords.Formats.Keys], Repeatable: true),
        new("audience", "Public visé.", Values: [.. EventWords.Audiences.Keys], Repeatable: true),
        new("sector", "Secteur d'activité.", Values: [.. EventWords.Sectors.Keys], Repeatable: true),
        new("from", "Une séance se termine ce jour ou après.", Format: "date"),
        new("to", "Une séance commence ce jour ou avant.", Format: "date"),
        new("online", "true : événements avec une partie en ligne ; false : sur place uniquement.", Type: "boolean"),
        new("q", $"Texte cherché dans le titre, la description, la commune et l'organisation (au plus {MaxTextLength} caractères)."),
        new("bbox", "Zone : longitude minimale, latitude minimale, longitude maximale, latitude maximale (2.2,48.8,2.5,48.9)."),
    ];

    public static MapFilter Parse(IQueryCollection query, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        var filter = new MapFilter
        {
            Regions = Codes(query, "region", IndustryWeek.Shared.PublishedLanguage.Regions.IsRegionCode, "Région inconnue : « {0} ». Les régions sont désignées par leur code INSEE (32 pour les Hauts-de-France, 11 pour l'Île-de-France…).", errors),
            Departments = Codes(query, "department", d => DepartmentPattern().IsMatch(d), "Département inconnu : « {0} ». Les départements sont désignés par leur code (59, 2A, 974…).", errors),
            Formats = Codes(query, "format", EventWords.Formats.ContainsKey, $"Format inconnu : « {{0}} ». Formats possibles : {string.Join(", ", EventWords.Formats.Keys)}.", errors),
            Audiences = Codes(query, "audience", EventWords.Audiences.ContainsKey, $"Public inconnu : « {{0}} ». Publics possibles : {string.Join(", ", EventWords.Audiences.Keys)}.", errors),
            Sectors = Codes(query, "sector", EventWords.Sectors.ContainsKey, $"Secteur inconnu : « {{0}} ». Secteurs possibles : {string.Join(", ", EventWords.Sectors.Keys)}.", errors),
            From = Date(query, "from", errors),
            To = Date(query, "to", errors),
            Online = Boolean(query, "online", "Le paramètre online vaut true (événements avec une partie en ligne) ou false (sur place uniquement).", errors),
            Text = ReadText(query, errors),
            Box = ReadBox(query, errors),
        };
        if (filter is { From: { } from, To: { } to } && from > to)
        {
            errors["to"] = ["La date de fin (to) doit être postérieure ou égale à la date de début (from)."];
        }

        return filter;
    }

    /// <summary>A yes/no parameter: absent is null; « true » or « false » (any case); anything else is an error.</summary>
    public static bool? Boolean(IQueryCollection query, string name, string message, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        var value = Single(query, name, errors);
        if (value is null)
        {
            return null;
        }

        if (bool.TryParse(value, out var parsed))
        {
            return parsed;
        }

        errors[name] = [message];
        return null;
    }

    private static HashSet<string> Codes(IQueryCollection query, string name, Func<string, bool> known, string unknownMessage, IDictionary<string, string[]> errors)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var wrong = new List<string>();
        foreach (var value in Values(query[name]))
        {
            if (known(value))
            {
                codes.Add(value);
            }
            else
            {
                wrong.Add(string.Format(CultureInfo.InvariantCulture, unknownMessage, Shorten(value)));
            }
        }

        if (wrong.Count > 0)
        {
            errors[name] = [.. wrong];
        }

        return codes;
    }

    private static IEnumerable<string> Values(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string? Single(IQueryCollection query, string name, IDictionary<string, string[]> errors)
    {
        var values = query[name];
        if (values.Count > 1)
        {
            errors[name] = [$"Le paramètre {name} ne se donne qu'une fois."];
            return null;
        }

        return string.IsNullOrWhiteSpace(values.ToString()) ? null : values.ToString().Trim();
    }

    private static DateOnly? Date(IQueryCollection query, string name, IDictionary<string, string[]> errors)
    {
        var value = Single(query, name, errors);
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[name] = [$"« {Shorten(value)} » n'est pas une date : écrivez-la AAAA-MM-JJ (par exemple 2020-11-16)."];
        return null;
    }

    private static string? ReadText(IQueryCollection query, IDictionary<string, string[]> errors)
    {
        var value = Single(query, "q", errors);
        if (value is { Length: > MaxTextLength })
        {
            errors["q"] = [$"La recherche ne dépasse pas {MaxTextLength} caractères."];
            return null;
        }

        return value;
    }

    private static BoundingBox? ReadBox(IQueryCollection query, IDictionary<string, string[]> errors)
    {
        var value = Single(query, "bbox", errors);
        if (value is null)
        {
            return null;
        }

        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        var numbers = new double[parts.Length];
        if (parts.Length != 4 || !parts.Select((p, i) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) && double.IsFinite(numbers[i])).All(ok => ok))
        {
            errors["bbox"] = ["La zone (bbox) compte quatre nombres séparés par des virgules, avec un point décimal : longitude minimale, latitude minimale, longitude maximale, latitude maximale (par exemple 2.2,48.8,2.5,48.9)."];
            return null;
        }

        var box = new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
        if (numbers.Where((_, i) => i % 2 == 0).Any(lon => lon is < -180 or > 180) || numbers.Where((_, i) => i % 2 == 1).Any(lat => lat is < -90 or > 90))
        {
            errors["bbox"] = ["Dans la zone (bbox), les longitudes vont de -180 à 180 et les latitudes de -90 à 90."];
            return null;
        }

        if (box.MinLongitude > box.MaxLongitude || box.MinLatitude > box.MaxLatitude)
        {
            errors["bbox"] = ["Dans la zone (bbox), chaque minimum doit être inférieur ou égal au maximum correspondant (longitude minimale, latitude minimale, longitude maximale, latitude maximale)."];
            return null;
        }

        return box;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$")]
    private static partial Regex DepartmentPattern();
}
