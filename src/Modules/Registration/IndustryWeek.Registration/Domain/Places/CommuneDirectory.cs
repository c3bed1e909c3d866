using System.Text.Json;
using System.Text.Json.Serialization;

namespace IndustryWeek.Registration.Domain.Places;

/// <summary>A commune of the official geographic code (COG) with the department and region it belongs to, and where its pin goes.</summary>
internal sealed record Commune(string InseeCode, string Name, string PostalCode, string DepartmentCode, string DepartmentName, string RegionCode, string RegionName, CommuneCentre? Centre);

/// <summary>
/// Where an event's pin is placed when its commune is chosen, before the organiser moves it: the commune's centre
/// (GeoNames) or, for a commune GeoNames does not list, its department's chef-lieu (<see cref="OfCommune"/> false).
/// </summary>
internal sealed record CommuneCentre(double Latitude, double Longitude, bool OfCommune);

/// <summary>
/// Postal code → communes → department → region, from the official data of
/// `@etalab/decoupage-administratif` (npm), read once on first use, with the centres written by the build
/// (src/Host/commune-centres.mjs, « centres.json »). A postal code may cover several
/// communes (59300: Aulnoy-lez-Valenciennes, Famars, Valenciennes), and a commune several postal codes.
/// </summary>
internal sealed class CommuneDirectory
{
    private static readonly string[] Files = ["regions.json", "departements.json", "communes.json", "centres.json"];

    private readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<Commune>>> _byPostalCode;

    public CommuneDirectory(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        _byPostalCode = new Lazy<IReadOnlyDictionary<string, IReadOnlyList<Commune>>>(() => Load(dataDirectory));
    }

    public string DataDirectory { get; }

    /// <summary>The data files absent from <see cref="DataDirectory"/>: none when the directory can be read.</summary>
    public IReadOnlyList<string> MissingFiles() => [.. Files.Where(f => !File.Exists(Path.Combine(DataDirectory, f)))];

    /// <summary>The communes a postal code serves, by name; none for an unknown code.</summary>
    public IReadOnlyList<Commune> ByPostalCode(string postalCode) =>
        _byPostalCode.Value.TryGetValue(postalCode, out var communes) ? communes : [];

    /// <summary>The commune of <paramref name="inseeCode"/> if <paramref name="postalCode"/> serves it: an address is consistent.</summary>
    public Commune? Find(string postalCode, string inseeCode) =>
        ByPostalCode(postalCode).FirstOrDefault(c => c.InseeCode == inseeCode);

    private static Dictionary<string, IReadOnlyList<Commune>> Load(string dataDirectory)
    {
        var regions = Read<List<RegionRecord>>(dataDirectory, "regions.json").ToDictionary(r => r.Code, r => r.Nom, StringComparer.Ordinal);
        var departments = Read<List<DepartmentRecord>>(dataDirectory, "departements.json").ToDictionary(d => d.Code, d => d.Nom, StringComparer.Ordinal);
        var centres = Read<CentresRecord>(dataDirectory, "centres.json");
        var french = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);
        return Read<List<CommuneRecord>>(dataDirectory, "communes.json")
            .Where(c => c.Type == "commune-actuelle" && c.Departement is not null && c.Region is not null)
            .SelectMany(c => (c.CodesPostaux ?? []).Select(postalCode => new Commune(
                c.Code, c.Nom, postalCode, c.Departement!, departments.GetValueOrDefault(c.Departement!, c.Departement!), c.Region!, regions.GetValueOrDefault(c.Region!, c.Region!),
                Centre(centres, c.Code, c.Departement!))))
            .GroupBy(c => c.PostalCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Commune>)[.. g.OrderBy(c => c.Name, french)], StringComparer.Ordinal);
    }

    private static CommuneCentre? Centre(CentresRecord centres, string inseeCode, string departmentCode) =>
        centres.Communes.TryGetValue(inseeCode, out var commune) ? new CommuneCentre(commune[0], commune[1], OfCommune: true)
        : centres.Departments.TryGetValue(departmentCode, out var department) ? new CommuneCentre(department[0], department[1], OfCommune: false)
        : null;

    private static T Read<T>(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Official COG data missing: {path} (copied beside the application by the build from npm @etalab/decoupage-administratif, centres.json written by src/Host/commune-centres.mjs; see Cog:DataDirectory).", path);
        }

        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, JsonSerializerOptions.Web)!;
    }

    private sealed record CentresRecord(Dictionary<string, double[]> Communes, Dictionary<string, double[]> Departments);

    private sealed record RegionRecord(string Code, string Nom);

    private sealed record DepartmentRecord(string Code, string Nom);

    private sealed record CommuneRecord(string Code, string Nom, string Type, string? Departement, string? Region, [property: JsonPropertyName("codesPostaux")] List<string>? CodesPostaux);
}
