using Microsoft.AspNetCore.Http;

namespace IndustryWeek.Registration.Features.ImportEvents;

/// <summary>Why an uploaded import file is refused before it is read, for the API and the page alike.</summary>
internal sealed record ImportFileRefusal(string Message, bool TooLarge = false);

/// <summary>The checks of an uploaded file that need no reading: present, not empty, not too big, announced as text.</summary>
internal static class ImportFile
{
    public static readonly string TooLargeMessage = $"Le fichier dépasse {EventCsv.MaxBytes / 1024 / 1024} Mo : découpez-le en plusieurs fichiers de {EventCsv.MaxRows / 1000} 000 lignes au plus.";

    /// <summary>
    /// What browsers and clients announce for a CSV: Windows says application/vnd.ms-excel, others text/csv, some
    /// nothing or application/octet-stream. A PDF or an image is refused here; an .xlsx, announced as anything, when read.
    /// </summary>
    private static readonly string[] CsvTypes =
    [
        "text/csv", "text/plain", "application/csv", "text/x-csv", "text/comma-separated-values", "application/vnd.ms-excel", "application/octet-stream",
    ];

    public static ImportFileRefusal? Refusal(IFormFile? file)
    {
        if (file is null)
        {
            return new("Joignez le fichier CSV des événements (champ « file »).");
        }

        if (file.Length == 0)
        {
            return new("Le fichier est vide : il faut la ligne d'en-tête (les noms des colonnes) puis une ligne par événement.");
        }

        if (file.Length > EventCsv.MaxBytes)
        {
            return new(TooLargeMessage, TooLarge: true);
        }

        var type = (file.ContentType ?? "").Split(';')[0].Trim();
        return type.Length == 0 || CsvTypes.Contains(type, StringComparer.OrdinalIgnoreCase)
            ? null
            : new($"Ce fichier (« {Shown(type)} ») n'est pas un CSV : dans votre tableur, enregistrez-le au format « CSV UTF-8 ».");
    }

    public static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static string Shown(string type) => type.Length <= 60 && !type.Any(char.IsControl) ? type : "type inconnu";
}
