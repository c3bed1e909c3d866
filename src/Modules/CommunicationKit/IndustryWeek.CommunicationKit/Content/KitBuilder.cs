using System.IO.Compression;
using System.Text;
using IndustryWeek.Shared.Calendar;

namespace IndustryWeek.CommunicationKit.Content;

/// <summary>The built kit: its two PDFs (also attached to the mail) and the whole zip.</summary>
internal sealed record BuiltKit(byte[] Poster, byte[] Certificate, byte[] Zip)
{
    public const string PosterFile = "affiche.pdf";
    public const string CertificateFile = "attestation-de-labellisation.pdf";
    public const string SocialTextsFile = "textes-reseaux-sociaux.txt";
    public const string PressReleaseFile = "communique-de-presse.txt";
    public const string CalendarFile = "evenement.ics";
    public const string ReadMeFile = "LISEZ-MOI.txt";

    public static string ZipFileName(string labelNumber) => $"kit-{labelNumber}.zip";

    /// <summary>The poster and the certificate of a stored zip, for a mail sent again.</summary>
    public static (byte[] Poster, byte[] Certificate) PdfsOf(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return (Read(archive, PosterFile), Read(archive, CertificateFile));
    }

    private static byte[] Read(ZipArchive archive, string name)
    {
        var entry = archive.GetEntry(name) ?? throw new InvalidDataException($"The stored kit has no {name}.");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>Builds an event's kit: poster, certificate, social texts, press release, calendar, read-me, as one zip.</summary>
internal static class KitBuilder
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static BuiltKit Build(KitSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var poster = PosterDocument.Render(subject);
        var certificate = CertificateDocument.Render(subject);
        var files = new[] { BuiltKit.PosterFile, BuiltKit.CertificateFile, BuiltKit.SocialTextsFile, BuiltKit.PressReleaseFile, BuiltKit.CalendarFile };

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8))
        {
            // Entries dated with the label's grant, not the build: a rebuilt kit shows when it was granted.
            var stamp = new DateTimeOffset(DateTime.SpecifyKind(subject.GrantedAtUtc, DateTimeKind.Utc));
            Add(zip, BuiltKit.ReadMeFile, Text(KitTexts.ReadMe(subject, files)), stamp);
            Add(zip, BuiltKit.PosterFile, poster, stamp);
            Add(zip, BuiltKit.CertificateFile, certificate, stamp);
            // Windows' Notepad and Word guess the encoding of a .txt: the BOM makes the accents come out right.
            Add(zip, BuiltKit.SocialTextsFile, Text(KitTexts.SocialTexts(subject)), stamp);
            Add(zip, BuiltKit.PressReleaseFile, Text(KitTexts.PressRelease(subject)), stamp);
            Add(zip, BuiltKit.CalendarFile, Encoding.UTF8.GetBytes(KitCalendar.Write(subject)), stamp);
        }

        return new BuiltKit(poster, certificate, output.ToArray());
    }

    private static byte[] Text(string text) => [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(text.ReplaceLineEndings("\r\n"))];

    private static void Add(ZipArchive zip, string name, byte[] content, DateTimeOffset stamp)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = stamp;
        using var stream = entry.Open();
        stream.Write(content);
    }
}

/// <summary>The event's sessions as an iCalendar file, one entry per session.</summary>
internal static class KitCalendar
{
    public static string Write(KitSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var location = subject.Event.Location;
        var entries = CalendarEntry.ForSessions(subject.EventId, subject.Event.Title, subject.Event.Sessions).Select(entry => entry with
        {
            Description = $"{KitWording.Shorten(subject.Event.Description, 1000)}\n\nOrganisé par {subject.Organiser.OrganisationName}. Événement labellisé {subject.Edition.Name} ({subject.LabelNumber}).\n{subject.PublicPageUrl}",
            Location = location.Mode == Shared.PublishedLanguage.LocationMode.Online ? location.OnlineUrl ?? "En ligne" : KitWording.Place(location),
            Url = subject.PublicPageUrl,
            Latitude = location.Latitude,
            Longitude = location.Longitude,
        });
        return SessionsCalendar.Write(entries, subject.GrantedAtUtc, subject.Event.Title.Trim());
    }
}
