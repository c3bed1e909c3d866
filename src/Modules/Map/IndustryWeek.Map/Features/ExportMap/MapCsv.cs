using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.Configuration.Attributes;
using IndustryWeek.Map.Domain;
using IndustryWeek.Map.Features.GetMapEvents;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Map.Features.ExportMap;

/// <summary>
/// The open-data CSV of an edition's public map: one line per event with every session, semicolon
/// separated, UTF-8 with a BOM (a French spreadsheet opens it as is). Columns documented in
/// docs/open-data.md. Organisers' text stays text: a cell that a spreadsheet would run as a formula
/// (starting with = + - @, a tab or a carriage return) is defused with a leading apostrophe, as
/// CsvHelper's InjectionOptions.Escape does; numbers (a negative longitude) are left as they are.
/// </summary>
internal static partial class MapCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(IEnumerable<MapEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", InjectionOptions = InjectionOptions.None }))
        {
            csv.WriteRecords(entries.Select(Row));
        }

        return buffer.ToArray();
    }

    public static MapCsvRow Row(MapEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var pin = entry.Pin;
        return new MapCsvRow
        {
            Identifiant = pin.EventId.ToString(),
            NumeroLabel = Defuse(pin.LabelNumber),
            Edition = pin.EditionYear.ToString(CultureInfo.InvariantCulture),
            Titre = Defuse(pin.Title),
            Description = Defuse(pin.Description),
            Format = Defuse(pin.Format),
            FormatLibelle = Defuse(EventWords.Label(EventWords.Formats, pin.Format)),
            Publics = Defuse(string.Join('|', pin.Audiences)),
            Secteurs = Defuse(string.Join('|', pin.Sectors)),
            Thematiques = Defuse(string.Join('|', pin.Topics)),
            Seances = string.Join('|', pin.Sessions.Select(s => $"{Local(s.Start)}/{Local(s.End)}")),
            PremierJour = pin.Sessions.Count == 0 ? "" : Day(pin.Sessions.Min(s => DateOnly.FromDateTime(s.Start))),
            DernierJour = pin.Sessions.Count == 0 ? "" : Day(pin.Sessions.Max(s => s.LastDay)),
            Modalite = pin.Mode.ToString(),
            Adresse = Defuse(pin.Street),
            CodePostal = Defuse(pin.PostalCode),
            Commune = Defuse(pin.City),
            CodeInsee = Defuse(pin.InseeCode),
            CodeDepartement = Defuse(pin.DepartmentCode),
            CodeRegion = Defuse(pin.RegionCode),
            Region = pin.RegionCode is { } region ? Defuse(Regions.ByCode.GetValueOrDefault(region, region)) : "",
            Latitude = Number(pin.Latitude),
            Longitude = Number(pin.Longitude),
            UrlEnLigne = Defuse(pin.OnlineUrl),
            Gratuit = YesNo(pin.IsFree),
            ReservationObligatoire = YesNo(pin.BookingRequired),
            UrlReservation = Defuse(pin.BookingUrl),
            Capacite = pin.BookingCapacity?.ToString(CultureInfo.InvariantCulture) ?? "",
            ContactEmail = Defuse(pin.ContactEmail),
            ContactTelephone = Defuse(pin.ContactPhone),
            Accessible = YesNo(pin.Accessible),
            Organisation = Defuse(pin.OrganisationName),
            PagePublique = Defuse(entry.Url),
        };
    }

    /// <summary>A cell a spreadsheet would take for a formula gets a leading apostrophe; plain numbers stay numbers.</summary>
    public static string Defuse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(value) ? "'" + value : value;
    }

    private static string Local(DateTime parisTime) => parisTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string YesNo(bool value) => value ? "oui" : "non";

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$")]
    private static partial Regex PlainNumber();
}

/// <summary>One line of the open-data CSV; the French headers are its documented columns (docs/open-data.md).</summary>
internal sealed record MapCsvRow
{
    [Name("identifiant")]
    [Index(0)]
    public required string Identifiant { get; init; }

    [Name("numero_label")]
    [Index(1)]
    public required string NumeroLabel { get; init; }

    [Name("edition")]
    [Index(2)]
    public required string Edition { get; init; }

    [Name("titre")]
    [Index(3)]
    public required string Titre { get; init; }

    [Name("description")]
    [Index(4)]
    public required string Description { get; init; }

    [Name("format")]
    [Index(5)]
    public required string Format { get; init; }

    [Name("format_libelle")]
    [Index(6)]
    public required string FormatLibelle { get; init; }

    [Name("publics")]
    [Index(7)]
    public required string Publics { get; init; }

    [Name("secteurs")]
    [Index(8)]
    public required string Secteurs { get; init; }

    [Name("thematiques")]
    [Index(9)]
    public required string Thematiques { get; init; }

    [Name("seances")]
    [Index(10)]
    public required string Seances { get; init; }

    [Name("premier_jour")]
    [Index(11)]
    public required string PremierJour { get; init; }

    [Name("dernier_jour")]
    [Index(12)]
    public required string DernierJour { get; init; }

    [Name("modalite")]
    [Index(13)]
    public required string Modalite { get; init; }

    [Name("adresse")]
    [Index(14)]
    public required string Adresse { get; init; }

    [Name("code_postal")]
    [Index(15)]
    public required string CodePostal { get; init; }

    [Name("commune")]
    [Index(16)]
    public required string Commune { get; init; }

    [Name("code_insee")]
    [Index(17)]
    public required string CodeInsee { get; init; }

    [Name("code_departement")]
    [Index(18)]
    public required string CodeDepartement { get; init; }

    [Name("code_region")]
    [Index(19)]
    public required string CodeRegion { get; init; }

    [Name("region")]
    [Index(20)]
    public required string Region { get; init; }

    [Name("latitude")]
    [Index(21)]
    public required string Latitude { get; init; }

    [Name("longitude")]
    [Index(22)]
    public required string Longitude { get; init; }

    [Name("url_en_ligne")]
    [Index(23)]
    public required string UrlEnLigne { get; init; }

    [Name("gratuit")]
    [Index(24)]
    public required string Gratuit { get; init; }

    [Name("reservation_obligatoire")]
    [Index(25)]
    public required string ReservationObligatoire { get; init; }

    [Name("url_reservation")]
    [Index(26)]
    public required string UrlReservation { get; init; }

    [Name("capacite")]
    [Index(27)]
    public required string Capacite { get; init; }

    [Name("contact_email")]
    [Index(28)]
    public required string ContactEmail { get; init; }

    [Name("contact_telephone")]
    [Index(29)]
    public required string ContactTelephone { get; init; }

    [Name("accessible")]
    [Index(30)]
    public required string Accessible { get; init; }

    [Name("organisation")]
    [Index(31)]
    public required string Organisation { get; init; }

    [Name("page_publique")]
    [Index(32)]
    public required string PagePublique { get; init; }
}
