using System.IO.Compression;
using System.Text;
using IndustryWeek.CommunicationKit.Content;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.CommunicationKit.Tests.Content;

public sealed class KitBuilderTests
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public KitBuilderTests() => PdfTools.InstallFonts();

    private static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    private static KitSubject TwoSessions() =>
        KitSamples.Subject(KitSamples.FactoryVisit(sessions: [KitSamples.Wednesday18Afternoon(), KitSamples.Monday16Morning()]));

    [Fact]
    public void Build_WhenLabelled_ZipHoldsExactlyTheSixFilesOfTheKit()
    {
        var kit = KitBuilder.Build(KitSamples.Subject());

        var names = Entries(kit.Zip).Keys.Order(StringComparer.Ordinal);

        Assert.Equal(
            ["LISEZ-MOI.txt", "affiche.pdf", "attestation-de-labellisation.pdf", "communique-de-presse.txt", "evenement.ics", "textes-reseaux-sociaux.txt"],
            names);
    }

    [Theory]
    [InlineData(BuiltKit.SocialTextsFile)]
    [InlineData(BuiltKit.PressReleaseFile)]
    [InlineData(BuiltKit.ReadMeFile)]
    public void Build_WhenLabelled_TextFileStartsWithUtf8BomAndUsesCrlf(string file)
    {
        var content = Entries(KitBuilder.Build(KitSamples.Subject()).Zip)[file];

        Assert.Equal(Utf8Bom, content[..3]);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content, 3, content.Length - 3);
        Assert.Contains("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Visite de l'usine de Lille", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WhenLabelled_TextFilesHoldTheSocialTextsPressReleaseAndReadMe()
    {
        var subject = KitSamples.Subject();

        var entries = Entries(KitBuilder.Build(subject).Zip);

        string Text(string file) => Encoding.UTF8.GetString(entries[file].AsSpan(3));
        Assert.Equal(KitTexts.SocialTexts(subject).ReplaceLineEndings("\r\n"), Text(BuiltKit.SocialTextsFile));
        Assert.Equal(KitTexts.PressRelease(subject).ReplaceLineEndings("\r\n"), Text(BuiltKit.PressReleaseFile));
        var readMe = Text(BuiltKit.ReadMeFile);
        Assert.Contains("– affiche.pdf : l'affiche à imprimer (A4)", readMe, StringComparison.Ordinal);
        Assert.Contains("– evenement.ics : les séances, à importer dans un agenda", readMe, StringComparison.Ordinal);
        Assert.DoesNotContain("LISEZ-MOI.txt", readMe, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WhenLabelled_ZipHoldsTheSamePdfsAsTheMailAttachments()
    {
        var kit = KitBuilder.Build(KitSamples.Subject());

        var entries = Entries(kit.Zip);

        Assert.Equal(kit.Poster, entries[BuiltKit.PosterFile]);
        Assert.Equal(kit.Certificate, entries[BuiltKit.CertificateFile]);
        Assert.Equal("%PDF-"u8.ToArray(), kit.Poster[..5]);
        Assert.Equal("%PDF-"u8.ToArray(), kit.Certificate[..5]);
    }

    [Fact]
    public void PdfsOf_WhenGivenAStoredZip_ReturnsTheSameBytesAsTheBuiltPdfs()
    {
        var kit = KitBuilder.Build(KitSamples.Subject());

        var (poster, certificate) = BuiltKit.PdfsOf(kit.Zip);

        Assert.Equal(kit.Poster, poster);
        Assert.Equal(kit.Certificate, certificate);
    }

    [Fact]
    public void PdfsOf_WhenZipHasNoPoster_SaysWhichFileIsMissing()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry(BuiltKit.CertificateFile);
        }

        var error = Assert.Throws<InvalidDataException>(() => BuiltKit.PdfsOf(output.ToArray()));

        Assert.Contains("affiche.pdf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WhenTwoSessions_CalendarHasOneEventPerSessionInChronologicalOrder()
    {
        var entries = Entries(KitBuilder.Build(TwoSessions()).Zip);

        var ics = Encoding.UTF8.GetString(entries[BuiltKit.CalendarFile]);
        var lines = ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n");

        Assert.False(entries[BuiltKit.CalendarFile].AsSpan().StartsWith(Utf8Bom), "A calendar file starts with BEGIN:VCALENDAR, without a BOM.");
        Assert.Equal(2, lines.Count(l => l == "BEGIN:VEVENT"));
        Assert.Equal(
            ["SUMMARY:Visite de l'usine de Lille (1/2)", "SUMMARY:Visite de l'usine de Lille (2/2)"],
            lines.Where(l => l.StartsWith("SUMMARY:", StringComparison.Ordinal)));
        Assert.Equal(
            ["DTSTART;TZID=Europe/Paris:20201116T090000", "DTSTART;TZID=Europe/Paris:20201118T140000"],
            lines.Where(l => l.StartsWith("DTSTART;", StringComparison.Ordinal)));
        Assert.Equal(
            ["UID:5a1e0000202040008000000000000123-1@semaine-industrie", "UID:5a1e0000202040008000000000000123-2@semaine-industrie"],
            lines.Where(l => l.StartsWith("UID:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Write_WhenOnSite_GivesTheAddressTheCoordinatesAndThePublicPage()
    {
        var ics = KitCalendar.Write(KitSamples.Subject()).Replace("\r\n ", "", StringComparison.Ordinal);

        var lines = ics.Split("\r\n");
        Assert.Contains(@"LOCATION:12 rue de l'Usine\, 59000 Lille", lines);
        // Every session at the event's place, as a calendar application reads it.
        Assert.Equal((50.62925, 3.057256), Ical.Net.Calendar.Load(ics)!.Events.Select(e => (e.GeographicLocation!.Latitude, e.GeographicLocation.Longitude)).Distinct().Single());
        Assert.Contains("URL:" + KitSamples.PublicPageUrl, lines);
        Assert.Contains("DTSTAMP:20201020T133000Z", lines);
        Assert.Contains(lines, l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal)
            && l.Contains(@"Organisé par Aciéries du Nord. Événement labellisé Semaine de l'industrie 2020 (SDI-2020-000123).", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_WhenOnline_GivesTheOnlineLinkAsLocation()
    {
        var online = new EventLocation { Mode = LocationMode.Online, OnlineUrl = "https://visio.example.fr/acieries" };

        var lines = KitCalendar.Write(KitSamples.Subject(KitSamples.FactoryVisit(location: online))).Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n");

        Assert.Contains("LOCATION:https://visio.example.fr/acieries", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("GEO:", StringComparison.Ordinal));
    }

    [Fact]
    public void ZipFileName_WhenGivenALabelNumber_NamesTheKitAfterIt()
    {
        Assert.Equal("kit-SDI-2020-000123.zip", BuiltKit.ZipFileName(KitSamples.LabelNumber));
    }
}
