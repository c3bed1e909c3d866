using BenchmarkDotNet.Attributes;
using IndustryWeek.CommunicationKit.Content;
using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Bench.Kit;

/// <summary>One kit for a typical event (two sessions, on site): the whole zip, and its two PDFs alone.</summary>
[MemoryDiagnoser]
public class BuildKitBenchmarks
{
    private KitSubject _subject = null!;

    [GlobalSetup]
    public void Setup()
    {
        var fonts = KitFonts.Find(null, null, out var problem) ?? throw new InvalidOperationException(problem);
        KitFonts.Install(fonts.Regular, fonts.Bold);
        _subject = Sample();
    }

    [Benchmark]
    public int WholeKit() => KitBuilder.Build(_subject).Zip.Length;

    [Benchmark]
    public int Poster() => PosterDocument.Render(_subject).Length;

    [Benchmark]
    public int Certificate() => CertificateDocument.Render(_subject).Length;

    internal static void WriteSample(string folder)
    {
        var benchmarks = new BuildKitBenchmarks();
        benchmarks.Setup();
        Directory.CreateDirectory(folder);
        System.IO.Compression.ZipFile.ExtractToDirectory(new MemoryStream(KitBuilder.Build(benchmarks._subject).Zip), folder, overwriteFiles: true);
    }

    internal static KitSubject Sample()
    {
        var editionId = Guid.Parse("2020aaaa-0000-0000-0000-000000000010");
        var edition = KitEdition.Unknown(editionId, 2020) with
        {
            Theme = "Inventer un avenir durable",
            ThemeDescription = "L'industrie invente les solutions d'un avenir durable : énergie, matériaux, recyclage.",
        };
        var description = new EventDescription
        {
            Title = "Visite de l'usine de Valenciennes : la fabrication des rames de métro",
            Description = "Découvrez les métiers de la construction ferroviaire : soudage, câblage, peinture, essais. Rencontre avec des apprentis et des formateurs.",
            Format = "CompanyVisit",
            Audiences = ["Pupils", "JobSeekers"],
            Sectors = ["Transport"],
            Topics = [],
            Sessions = [new(new DateTime(2020, 11, 16, 9, 0, 0), new DateTime(2020, 11, 16, 12, 0, 0)), new(new DateTime(2020, 11, 18, 14, 0, 0), new DateTime(2020, 11, 18, 17, 30, 0))],
            Location = new EventLocation { Mode = LocationMode.OnSite, Street = "12 avenue de l'Industrie", PostalCode = "59300", City = "Valenciennes", InseeCode = "59606", DepartmentCode = "59", RegionCode = "32", Latitude = 50.357, Longitude = 3.523 },
            IsFree = true,
            Booking = new EventBooking(true, "https://usine-exemple.fr/inscription", 30),
            PublicContact = new EventContact("contact@usine-exemple.fr", "03 27 00 00 00"),
            Accessible = true,
            AboutIndustry = true,
        };
        return new KitSubject(edition, Guid.NewGuid(), "SDI-2020-000001", description, new OrganiserContact(Guid.NewGuid(), "Usine Exemple SAS", "organisatrice@usine-exemple.fr"), new DateTime(2020, 10, 1, 8, 0, 0, DateTimeKind.Utc), "https://semaine-industrie.example.fr/evenements/0d9b7c6e-8a51-4f0e-9d8c-3d1c2b8e7f10");
    }
}
