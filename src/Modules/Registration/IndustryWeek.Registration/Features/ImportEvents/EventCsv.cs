using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using FluentValidation;
using ValidationException = FluentValidation.ValidationException;
using FluentValidation.Results;
using IndustryWeek.Registration.Domain.Places;
using IndustryWeek.Registration.Features.Events;

namespace IndustryWeek.Registration.Features.ImportEvents;

/// <summary>One column of the import file: its name is the API's field (« location.postalCode »), so a row's errors name their columns.</summary>
/// <param name="Required">The header must have it (every row needs it); the others may be left out.</param>
/// <param name="Help">What to write in it, in French, for the page and docs/import.md.</param>
internal sealed record EventColumn(string Name, bool Required, string Help);

/// <summary>One event row of the file, read: its fields for the event API's commands and the cells that could not be read.</summary>
/// <param name="Row">The line of the spreadsheet (the header is line 1).</param>
/// <param name="CellErrors">Cells that are not what their column takes (a « peut-être » for a yes/no), by column.</param>
internal sealed record ImportedRow(int Row, string? ExternalId, ImportedEventFields Fields, IReadOnlyDictionary<string, string> CellErrors);

/// <summary>An event's fields as a row of the file gives them, before they go to the event API's create or update command.</summary>
internal sealed record ImportedEventFields : EventFields;

/// <summary>
/// The CSV of the bulk import (issue 21): a header row of column names, then one event a row; « ; » or « , »
/// separated (found from the header), UTF-8 with or without BOM. Lists (audiences, sectors, topics) are separated
/// by « | », sessions are « start/end » pairs separated by « | », yes/no cells take oui/non. Only the reading is
/// here: every rule of the fields is the event API's (<see cref="EventFieldsValidator"/>, <see cref="EventDetailsFactory"/>).
/// A file that cannot be read as a whole is refused with a ValidationException on « file ».
/// </summary>
internal static class EventCsv
{
    public const int MaxRows = 2_000;
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>Longer lists are cut here, past every limit of the validator: it says « at most 30 sessions » without checking a million.</summary>
    public const int MaxListItems = 50;

    public const string ExternalId = "externalId";
    public const string FileField = "File";

    public static readonly IReadOnlyList<EventColumn> Columns =
    [
        new(ExternalId, false, "Votre référence de l'événement (100 caractères au plus), unique dans votre organisation : importer à nouveau une ligne de même référence met l'événement à jour au lieu d'en créer un autre. Vide : un nouvel événement à chaque import."),
        new("title", true, "Le titre, de 5 à 150 caractères, sur une ligne."),
        new("description", true, "La description, de 20 à 4 000 caractères (sauts de ligne permis dans une cellule entre guillemets)."),
        new("format", true, "Un format : CompanyVisit (visite d'entreprise), OpenDay (portes ouvertes), JobDating, JobForum (forum des métiers), Conference, WebConference, Workshop (atelier), Exhibition (exposition), ClassIntervention (intervention en classe), VirtualVisit (visite virtuelle), Contest (concours), Other."),
        new("audiences", true, "Les publics, séparés par « | » : GeneralPublic (grand public), Pupils (collégiens, lycéens), Students (étudiants), JobSeekers (demandeurs d'emploi), Teachers (enseignants), CareersAdvisers (conseillers d'orientation), Employees (salariés), Other."),
        new("sectors", true, "Les secteurs industriels, séparés par « | » : Aeronautics, Automotive, Rail, Naval, Nuclear, Energy, Chemistry, Agrifood, Wood, Fashion, HealthIndustries, MiningAndMetallurgy, ConstructionMaterials, Electronics, Digital, SecurityIndustries, IndustryOfTheFuture, WasteRecovery, Mechanical, Other."),
        new("topics", false, "Les thèmes de l'édition, séparés par « | », écrits comme l'édition les nomme (facultatif)."),
        new("sessions", true, "Les séances, heure de Paris : début/fin, séparées par « | », par exemple 2027-03-22T09:00/2027-03-22T12:00|2027-03-23T14:00/2027-03-23T17:00 (30 au plus)."),
        new("location.mode", true, "OnSite (sur place), Online (en ligne) ou Hybrid (les deux)."),
        new("location.street", false, "Sur place : l'adresse (facultative, la commune suffit)."),
        new("location.postalCode", false, "Sur place : le code postal (5 chiffres)."),
        new("location.city", false, "Sur place : la commune, quand le code postal en dessert plusieurs."),
        new("location.inseeCode", false, "Sur place : le code INSEE de la commune (facultatif, il lève toute ambiguïté)."),
        new("location.latitude", false, "Sur place : la latitude (50.357 ou 50,357). Vide avec la longitude : le centre de la commune, si le code postal ou le code INSEE la désigne."),
        new("location.longitude", false, "Sur place : la longitude (3.523 ou 3,523)."),
        new("location.onlineUrl", false, "En ligne ou hybride : le lien de l'événement (https://…)."),
        new("isFree", true, "oui si l'événement est gratuit (un critère du label), non sinon."),
        new("booking.required", false, "oui si une réservation est nécessaire (vide : non)."),
        new("booking.url", false, "Le lien de réservation (https://…)."),
        new("booking.capacity", false, "Le nombre de places (1 à 100 000)."),
        new("publicContact.email", false, "Le courriel de contact du public."),
        new("publicContact.phone", false, "Le téléphone de contact du public (par exemple 03 20 96 48 06)."),
        new("accessible", false, "oui si l'événement est accessible aux personnes handicapées (vide : non)."),
        new("aboutIndustry", false, "oui si l'événement fait découvrir l'industrie et ses métiers (un critère du label ; vide : non)."),
    ];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The rows of <paramref name="content"/>; blank rows (a spreadsheet's trailing « ;;;; ») are skipped.</summary>
    /// <exception cref="ValidationException">The file as a whole cannot be read (« file »), in French.</exception>
    public static IReadOnlyList<ImportedRow> Read(ReadOnlySpan<byte> content, CommuneDirectory communes)
    {
        ArgumentNullException.ThrowIfNull(communes);
        var text = Decode(content);
        var delimiter = Delimiter(text);
        var badRows = new HashSet<int>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = false,
            IgnoreBlankLines = true,
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
        };
        configuration.BadDataFound = args => badRows.Add(args.Context.Parser!.Row);
        using var input = new StringReader(text);
        using (var reader = new CsvReader(input, configuration))
        {
            if (!reader.Read())
            {
                throw FileError("Le fichier est vide : il faut la ligne d'en-tête (les noms des colonnes) puis une ligne par événement.");
            }

            var header = Header(reader.Parser.Record ?? []);
            var rows = new List<ImportedRow>();
            while (reader.Read())
            {
                var record = reader.Parser.Record ?? [];
                if (record.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (rows.Count == MaxRows)
                {
                    throw FileError("Le fichier compte plus de 2 000 lignes d'événements : découpez-le en plusieurs fichiers.");
                }

                rows.Add(Row(reader.Parser.Row, record, header, badRows.Contains(reader.Parser.Row), communes));
            }

            return rows.Count == 0 ? throw FileError("Le fichier n'a aucune ligne d'événement sous la ligne d'en-tête.") : rows;
        }
    }

    /// <summary>The template: the header and two example rows that the current edition accepts (one on site, one online with two sessions).</summary>
    public static byte[] Template(EventEditionDto? edition, DateOnly today)
    {
        // Sessions inside the edition's periods: the national one for the online event, Hauts-de-France's for the visit in Valenciennes.
        var national = edition?.EventPeriod.Start ?? new DateOnly(today.Year + 1, 3, 22);
        var regional = edition?.RegionalPeriods.FirstOrDefault(p => p.RegionCode == "32") is { } hdf ? hdf.Start : national;
        var lastDay = edition?.EventPeriod.End ?? national.AddDays(6);
        var secondDay = national < lastDay ? national.AddDays(1) : national;
        var topic = edition is { FocusTopics.Count: > 0 } ? edition.FocusTopics[0] : "";
        string Session(DateOnly day, string start, string end) => $"{Day(day)}T{start}/{Day(day)}T{end}";

        var rows = new[]
        {
            new Dictionary<string, string>
            {
                [ExternalId] = "VISITE-2027-001",
                ["title"] = "Visite de l'usine de Valenciennes",
                ["description"] = "Découverte des lignes d'assemblage et des métiers de la production, avec les apprentis du site.",
                ["format"] = "CompanyVisit",
                ["audiences"] = "Pupils|JobSeekers",
                ["sectors"] = "Automotive",
                ["topics"] = topic,
                ["sessions"] = Session(regional, "09:00", "12:00"),
                ["location.mode"] = "OnSite",
                ["location.street"] = "1 rue de l'Industrie",
                ["location.postalCode"] = "59300",
                ["location.city"] = "Valenciennes",
                ["location.latitude"] = "50.357",
                ["location.longitude"] = "3.523",
                ["isFree"] = "oui",
                ["booking.required"] = "oui",
                ["booking.url"] = "https://usine-exemple.fr/visites",
                ["booking.capacity"] = "25",
                ["publicContact.email"] = "visites@usine-exemple.fr",
                ["publicContact.phone"] = "03 27 00 00 00",
                ["accessible"] = "oui",
                ["aboutIndustry"] = "oui",
            },
            new Dictionary<string, string>
            {
                [ExternalId] = "WEBCONF-2027-002",
                ["title"] = "Les métiers de la chimie verte, en direct",
                ["description"] = "Deux webconférences avec des ingénieures et des techniciens, questions des élèves en direct.",
                ["format"] = "WebConference",
                ["audiences"] = "Pupils|Students|Teachers",
                ["sectors"] = "Chemistry|Energy",
                ["sessions"] = Session(national, "10:00", "11:00") + "|" + Session(secondDay, "14:00", "15:00"),
                ["location.mode"] = "Online",
                ["location.onlineUrl"] = "https://visio.exemple.fr/chimie-verte",
                ["isFree"] = "oui",
                ["booking.required"] = "non",
                ["publicContact.email"] = "contact@chimie-exemple.fr",
                ["accessible"] = "oui",
                ["aboutIndustry"] = "oui",
            },
        };

        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" }))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column.Name);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var column in Columns)
                {
                    csv.WriteField(row.GetValueOrDefault(column.Name, ""));
                }

                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }

    private static string Decode(ReadOnlySpan<byte> content)
    {
        if (content.Length > MaxBytes)
        {
            throw FileError($"Le fichier dépasse {MaxBytes / 1024 / 1024} Mo : découpez-le en plusieurs fichiers.");
        }

        if (content.StartsWith("PK\u0003\u0004"u8) || content.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            throw FileError("Ce fichier est un classeur (Excel, LibreOffice), pas un CSV : dans votre tableur, enregistrez-le au format « CSV UTF-8 ».");
        }

        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }

        try
        {
            var text = StrictUtf8.GetString(content);
            return string.IsNullOrWhiteSpace(text)
                ? throw FileError("Le fichier est vide : il faut la ligne d'en-tête (les noms des colonnes) puis une ligne par événement.")
                : text;
        }
        catch (DecoderFallbackException)
        {
            throw FileError("Le fichier n'est pas encodé en UTF-8 : dans votre tableur, enregistrez-le au format « CSV UTF-8 » (ou choisissez l'encodage Unicode UTF-8).");
        }
    }

    /// <summary>« ; » (a French spreadsheet's) or « , », whichever separates the header's names (which hold neither).</summary>
    private static string Delimiter(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        return header.Count(c => c == ',') > header.Count(c => c == ';') ? "," : ";";
    }

    /// <summary>Each cell of the header: the column it names (names are the template's, in any case), or null for a blank trailing cell.</summary>
    private static EventColumn?[] Header(string[] names)
    {
        var failures = new List<string>();
        var header = new EventColumn?[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i].Trim();
            if (name.Length == 0)
            {
                continue;
            }

            header[i] = Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (header[i] is null)
            {
                failures.Add($"La colonne « {EventFieldsValidator.Shorten(new string([.. name.Select(c => char.IsControl(c) ? '\uFFFD' : c)]))} » n'existe pas.");
            }
        }

        var repeated = header.OfType<EventColumn>().GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            failures.Add($"Ces colonnes sont en double : {string.Join(", ", repeated)}.");
        }

        var missing = Columns.Where(c => c.Required && !header.Contains(c)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            failures.Add($"Il manque ces colonnes : {string.Join(", ", missing)}.");
        }

        if (failures.Count > 0)
        {
            failures.Add($"La première ligne nomme les colonnes, séparées par « ; » ou « , » : {string.Join(", ", Columns.Select(c => c.Name))} (voir le modèle).");
            throw new ValidationException(failures.Select(f => new ValidationFailure(FileField, f)));
        }

        return header;
    }

    private static ImportedRow Row(int row, string[] record, EventColumn?[] header, bool badQuotes, CommuneDirectory communes)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (badQuotes)
        {
            errors["row"] = "La ligne est mal formée : un guillemet est mal placé (une cellule qui contient le séparateur ou un guillemet s'écrit entre guillemets, ses guillemets doublés).";
        }

        var extra = record.Skip(header.Length).Count(c => !string.IsNullOrWhiteSpace(c));
        if (extra > 0)
        {
            errors["row"] = $"La ligne a {extra} cellule(s) de plus que la ligne d'en-tête : un séparateur en trop, ou une cellule à mettre entre guillemets ?";
        }

        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length && i < record.Length; i++)
        {
            if (header[i] is { } column && record[i].Trim() is { Length: > 0 } value)
            {
                if (value.Contains('\0', StringComparison.Ordinal))
                {
                    errors[column.Name] = "Cette cellule contient un caractère NUL, refusé.";
                    continue;
                }

                cells[column.Name] = value;
            }
        }

        string? Text(string name) => cells.GetValueOrDefault(name);
        IReadOnlyList<string>? List(string name) => Text(name)?.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(MaxListItems).ToList();
        bool? Bool(string name) => YesNo(name, Text(name), errors);
        double? Number(string name) => Decimal(name, Text(name), errors);

        int? capacity = null;
        if (Text("booking.capacity") is { } typed)
        {
            capacity = int.TryParse(typed, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var places)
                ? places
                : Error<int?>(errors, "booking.capacity", "La capacité d'accueil est un nombre entier de places (par exemple 25).");
        }

        string[] locationColumns = ["location.mode", "location.street", "location.postalCode", "location.city", "location.inseeCode", "location.latitude", "location.longitude", "location.onlineUrl"];
        LocationFields? location = null;
        if (locationColumns.Any(cells.ContainsKey))
        {
            location = new LocationFields
            {
                Mode = Text("location.mode"),
                Street = Text("location.street"),
                PostalCode = Text("location.postalCode"),
                City = Text("location.city"),
                InseeCode = Text("location.inseeCode"),
                Latitude = Number("location.latitude"),
                Longitude = Number("location.longitude"),
                OnlineUrl = Text("location.onlineUrl"),
            };
            location = WithCommuneCentre(location, cells, communes);
        }

        var fields = new ImportedEventFields
        {
            Title = Text("title"),
            Description = Text("description"),
            Format = Text("format"),
            Audiences = List("audiences"),
            Sectors = List("sectors"),
            Topics = List("topics"),
            Sessions = List("sessions")?.Select(Session).ToList(),
            Location = location,
            IsFree = Bool("isFree"),
            Booking = new BookingFields { Required = Bool("booking.required") ?? false, Url = Text("booking.url"), Capacity = capacity },
            PublicContact = Text("publicContact.email") is null && Text("publicContact.phone") is null
                ? null
                : new PublicContactFields { Email = Text("publicContact.email"), Phone = Text("publicContact.phone") },
            Accessible = Bool("accessible") ?? false,
            AboutIndustry = Bool("aboutIndustry") ?? false,
        };
        return new ImportedRow(row, Text(ExternalId), fields, errors);
    }

    /// <summary>« start/end »; a part without « / » is a start without an end, which the validator names.</summary>
    private static SessionFields Session(string pair)
    {
        var slash = pair.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? new SessionFields { Start = pair }
            : new SessionFields { Start = pair[..slash].Trim(), End = pair[(slash + 1)..].Trim() };
    }

    /// <summary>On site without coordinates: the centre of the commune the postal code (or INSEE code) names, as the event form's map starts from.</summary>
    private static LocationFields WithCommuneCentre(LocationFields location, Dictionary<string, string> cells, CommuneDirectory communes)
    {
        if (location.Mode is not ("OnSite" or "Hybrid") || cells.ContainsKey("location.latitude") || cells.ContainsKey("location.longitude")
            || location.PostalCode is not { Length: 5 } postalCode || !postalCode.All(char.IsAsciiDigit))
        {
            return location;
        }

        var candidates = communes.ByPostalCode(postalCode);
        var commune = location.InseeCode is { } insee ? communes.Find(postalCode, insee) : candidates.Count == 1 ? candidates[0] : null;
        return commune?.Centre is { } centre ? location with { Latitude = centre.Latitude, Longitude = centre.Longitude } : location;
    }

    private static bool? YesNo(string column, string? value, Dictionary<string, string> errors) =>
        value?.ToLowerInvariant() switch
        {
            null => null,
            "oui" or "o" or "vrai" or "true" or "1" or "yes" => true,
            "non" or "n" or "faux" or "false" or "0" or "no" => false,
            _ => Error<bool?>(errors, column, $"« {EventFieldsValidator.Shorten(value)} » n'est pas oui ou non."),
        };

    private static double? Decimal(string column, string? value, Dictionary<string, string> errors) =>
        value is null ? null
        : double.TryParse(value.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : Error<double?>(errors, column, $"« {EventFieldsValidator.Shorten(value)} » n'est pas un nombre décimal (par exemple 50.357).");

    private static T? Error<T>(Dictionary<string, string> errors, string column, string message)
    {
        errors[column] = message;
        return default;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ValidationException FileError(string message) => new([new ValidationFailure(FileField, message)]);
}
