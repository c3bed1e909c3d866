using System.Diagnostics;
using System.Globalization;
using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Map;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The benchmarks' map (docs/performance.md): a SQLite database holding an edition of demo pins, published by the
/// Map module's own handler and jobs. Shared by bench/IndustryWeek.Bench.Map and bench/IndustryWeek.Bench.Phone.
/// </summary>
internal static class MapSeed
{
    /// <summary>One real commune per region (COG codes, town-hall coordinates), demo events scattered around it.</summary>
    private static readonly (string Region, string Department, string City, string PostalCode, string Insee, double Latitude, double Longitude)[] Places =
    [
        ("01", "971", "Pointe-à-Pitre", "97110", "97120", 16.2411, -61.5331),
        ("02", "972", "Fort-de-France", "97200", "97209", 14.6161, -61.0588),
        ("03", "973", "Cayenne", "97300", "97302", 4.9372, -52.3260),
        ("04", "974", "Saint-Denis", "97400", "97411", -20.8821, 55.4507),
        ("06", "976", "Mamoudzou", "97600", "97611", -12.7806, 45.2279),
        ("11", "75", "Paris", "75013", "75113", 48.8323, 2.3561),
        ("24", "45", "Orléans", "45000", "45234", 47.9030, 1.9093),
        ("27", "25", "Besançon", "25000", "25056", 47.2378, 6.0241),
        ("28", "76", "Rouen", "76000", "76540", 49.4431, 1.0993),
        ("32", "59", "Valenciennes", "59300", "59606", 50.3570, 3.5230),
        ("44", "67", "Strasbourg", "67000", "67482", 48.5734, 7.7521),
        ("52", "44", "Nantes", "44000", "44109", 47.2184, -1.5536),
        ("53", "35", "Rennes", "35000", "35238", 48.1173, -1.6778),
        ("75", "33", "Bordeaux", "33000", "33063", 44.8378, -0.5792),
        ("76", "31", "Toulouse", "31000", "31555", 43.6047, 1.4442),
        ("84", "69", "Lyon", "69007", "69387", 45.7485, 4.8467),
        ("93", "13", "Marseille", "13002", "13202", 43.2965, 5.3698),
        ("94", "2A", "Ajaccio", "20000", "2A004", 41.9192, 8.7386),
    ];

    public static async Task SeedAsync(string database, int pins)
    {
        var clock = Stopwatch.StartNew();
        var testDatabase = TestDatabase.CreateSqlite();
        await using (var platform = new PlatformFactory(testDatabase))
        {
            var random = new Random(7);
            for (var i = 0; i < pins; i++)
            {
                await using var scope = platform.Services.CreateAsyncScope();
                await MapHandler(scope.ServiceProvider).Handle(DemoGrant(random, i), CancellationToken.None);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pins} LabelGranted handled in {clock.Elapsed.TotalSeconds:0} s; waiting for the publication jobs…"));
            await Eventually.WaitAsync(
                async () => await testDatabase.ScalarAsync("SELECT COUNT(*) FROM map_pins") >= pins,
                $"{pins} pins published",
                TimeSpan.FromMinutes(30));
        }

        await testDatabase.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)"); // everything in the main file before copying it
        File.Copy(Path.Combine(testDatabase.Directory, "industryweek.db"), database);
        await testDatabase.DisposeAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {pins} pins in {clock.Elapsed.TotalSeconds:0} s"));
    }

    // The Map module's own handler of LabelGranted (records the event and schedules its publication job).
    private static INotificationHandler<LabelGranted> MapHandler(IServiceProvider services) =>
        services.GetServices<INotificationHandler<LabelGranted>>().Single(h => h.GetType().Assembly == typeof(MapModule).Assembly);

    private static LabelGranted DemoGrant(Random random, int index)
    {
        var (region, department, city, postalCode, insee, latitude, longitude) = Places[index % Places.Length];
        string[] formats = ["CompanyVisit", "OpenDay", "JobDating", "JobForum", "Conference", "WebConference", "Workshop", "Exhibition", "ClassIntervention", "VirtualVisit"];
        string[] audiences = ["GeneralPublic", "Pupils", "Students", "JobSeekers", "Teachers", "CareersAdvisers"];
        string[] sectors = ["Aeronautics", "Automotive", "Rail", "Naval", "Energy", "Chemistry", "Agrifood", "Wood", "Electronics", "Digital", "Mechanical"];
        var format = formats[random.Next(formats.Length)];
        var mode = random.Next(10) switch { 0 => LocationMode.Online, 1 => LocationMode.Hybrid, _ => LocationMode.OnSite };
        var day = new DateTime(2020, 11, 16).AddDays(random.Next(7));
        var sessions = Enumerable.Range(0, 1 + random.Next(3))
            .Select(s => new EventSession(day.AddDays(s).AddHours(9 + random.Next(6)), day.AddDays(s).AddHours(15 + random.Next(3))))
            .ToList();
        var eventId = new Guid(index + 1, 0x2020, 0x5000, [0, 0, 0, 0, 0, 0, 0, 1]);
        return new LabelGranted
        {
            EventId = eventId,
            EditionId = SampleEvents.Edition2020,
            EditionYear = 2020,
            LabelNumber = string.Create(CultureInfo.InvariantCulture, $"SDI-2020-{index + 1:000000}"),
            LabelVersion = 1,
            Event = new EventDescription
            {
                Title = string.Create(CultureInfo.InvariantCulture, $"{Words(format)} à {city} n° {index + 1}"),
                Description = "Découverte des ateliers, des métiers de la production et de la maintenance, rencontre avec des apprentis et des techniciens du site, présentation des formations.",
                Format = format,
                Audiences = [.. audiences.OrderBy(_ => random.Next()).Take(1 + random.Next(3))],
                Sectors = [sectors[random.Next(sectors.Length)]],
                Topics = [],
                Sessions = sessions,
                Location = new EventLocation
                {
                    Mode = mode,
                    Street = mode == LocationMode.Online ? null : string.Create(CultureInfo.InvariantCulture, $"{1 + random.Next(200)} rue de l'Industrie"),
                    PostalCode = mode == LocationMode.Online ? null : postalCode,
                    City = mode == LocationMode.Online ? null : city,
                    InseeCode = mode == LocationMode.Online ? null : insee,
                    DepartmentCode = mode == LocationMode.Online ? null : department,
                    RegionCode = mode == LocationMode.Online ? null : region,
                    Latitude = mode == LocationMode.Online ? null : Math.Round(latitude + (random.NextDouble() - 0.5) * 0.4, 5),
                    Longitude = mode == LocationMode.Online ? null : Math.Round(longitude + (random.NextDouble() - 0.5) * 0.4, 5),
                    OnlineUrl = mode == LocationMode.OnSite ? null : "https://webinaire.example.fr/semaine-industrie",
                },
                IsFree = true,
                Booking = new EventBooking(random.Next(2) == 0, "https://reservation.example.fr/visites", 20 + random.Next(80)),
                PublicContact = new EventContact("contact@usine.example.fr", "03 27 00 00 00"),
                Accessible = random.Next(2) == 0,
                AboutIndustry = true,
            },
            Organiser = new OrganiserContact(Guid.NewGuid(), string.Create(CultureInfo.InvariantCulture, $"Entreprise industrielle n° {1 + index % 200}"), "organisateur@usine.example.fr"),
            GrantedAtUtc = DateTime.UtcNow,
        };

        static string Words(string format) => format switch
        {
            "CompanyVisit" => "Visite d'entreprise",
            "OpenDay" => "Portes ouvertes",
            "JobDating" => "Job dating",
            "JobForum" => "Forum des métiers",
            "Conference" => "Conférence",
            "WebConference" => "Webconférence",
            "Workshop" => "Atelier",
            "Exhibition" => "Exposition",
            "ClassIntervention" => "Intervention en classe",
            _ => "Visite virtuelle",
        };
    }
}
