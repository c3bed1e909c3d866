using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Map;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

// The public map against a static file (issue 7, docs/performance.md).
//
//   dotnet run -c Release --project bench/IndustryWeek.Bench.Map -- [pins=5000] [seconds=15] [connections=16] [rounds=2]
//       [save=<file.db>: keep the seeded database] [database=<file.db>: measure a copy of a database seeded before]
//
// 1. Seeds a SQLite database: <pins> LabelGranted notifications published in the host (in process) to
//    the Map module's handler, whose durable jobs publish the pins (the kit's handler is left out: it
//    would build and mail 5,000 PDF kits, which is not what is measured here).
// 2. Starts the real host on a copy of that database: `dotnet run -c Release --no-build --project src/Host`.
// 3. Takes GET /api/map/events (the whole current edition), writes the same bytes to
//    src/Host/wwwroot/bench-map-<guid>.geojson (served by the host's static file middleware; deleted at
//    the end, never committed), checks both URLs answer the same bytes.
// 4. Runs wrk on each URL in turn, `rounds` times, after a warm-up, and prints requests per second;
//    then, for information, a few filtered requests.
var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
var pins = int.Parse(options.GetValueOrDefault("pins", "5000"), CultureInfo.InvariantCulture);
var seconds = int.Parse(options.GetValueOrDefault("seconds", "15"), CultureInfo.InvariantCulture);
var connections = int.Parse(options.GetValueOrDefault("connections", "16"), CultureInfo.InvariantCulture);
var rounds = int.Parse(options.GetValueOrDefault("rounds", "2"), CultureInfo.InvariantCulture);
var repository = HostProcess.RepositoryRoot;
var work = Directory.CreateTempSubdirectory("bench-map-");
var database = Path.Combine(work.FullName, "industryweek.db");

if (options.TryGetValue("database", out var existing))
{
    File.Copy(existing, database);
    Console.WriteLine($"Database: a copy of {existing}");
}
else
{
    await SeedAsync(database, pins);
    if (options.TryGetValue("save", out var save))
    {
        File.Copy(database, save, overwrite: true);
        Console.WriteLine($"Seeded database saved as {save} (database={save} reuses it)");
    }
}

var port = FreePort();
var baseUrl = $"http://127.0.0.1:{port}";
var staticName = $"bench-map-{Guid.NewGuid():N}.geojson";
var staticFile = Path.Combine(repository, "src", "Host", "wwwroot", staticName);
using var host = StartHost(repository, database, Path.Combine(work.FullName, "mail"), baseUrl);
try
{
    using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
    await Eventually.WaitAsync(async () => await ReadyAsync(client, host), "the host is ready", TimeSpan.FromMinutes(2));
    var body = await client.GetByteArrayAsync(new Uri("/api/map/events", UriKind.Relative));
    await File.WriteAllBytesAsync(staticFile, body);
    var served = await client.GetByteArrayAsync(new Uri("/" + staticName, UriKind.Relative));
    if (!served.AsSpan().SequenceEqual(body))
    {
        throw new InvalidOperationException("The static file does not answer the same bytes as the API.");
    }

    var features = Regex.Count(System.Text.Encoding.UTF8.GetString(body), "\"type\":\"Feature\"");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GET /api/map/events: {features} features, {body.Length:N0} bytes; the same bytes at /{staticName}"));
    var api = $"{baseUrl}/api/map/events";
    var file = $"{baseUrl}/{staticName}";
    Console.WriteLine($"Warm-up ({Math.Min(seconds, 5)} s each)…");
    await WrkAsync(api, Math.Min(seconds, 5), connections);
    await WrkAsync(file, Math.Min(seconds, 5), connections);

    var results = new List<(string Name, double Rate, string Latency)>();
    for (var round = 1; round <= rounds; round++)
    {
        foreach (var (name, url) in new[] { ("API", api), ("static file", file) })
        {
            var (rate, latency) = await WrkAsync(url, seconds, connections);
            results.Add((name, rate, latency));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}, {name}: {rate:0} requests/s (latency p50 {latency})"));
        }
    }

    // For information (no static counterpart): filtered requests walk the 5,000 entries and copy the matching features.
    foreach (var filter in new[] { "?region=32", "?format=Workshop&from=2020-11-18&to=2020-11-19", "?q=atelier%20lyon&online=false", "?bbox=2.2,48.7,2.5,49" })
    {
        var (rate, latency) = await WrkAsync($"{api}{filter}", seconds, connections);
        var matching = Regex.Count(await client.GetStringAsync(new Uri("/api/map/events" + filter, UriKind.Relative)), "\"type\":\"Feature\"");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"filtered {filter} ({matching} features): {rate:0} requests/s (latency p50 {latency})"));
    }

    var apiRate = results.Where(r => r.Name == "API").Average(r => r.Rate);
    var fileRate = results.Where(r => r.Name == "static file").Average(r => r.Rate);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{features} pins, {body.Length / 1024.0 / 1024.0:0.00} MB, wrk -t2 -c{connections} -d{seconds}s, {rounds} rounds: API {apiRate:0} req/s, static file {fileRate:0} req/s, ratio {apiRate / fileRate:0.00}"));
}
finally
{
    File.Delete(staticFile);
    host.Kill(entireProcessTree: true);
    await host.WaitForExitAsync();
    work.Delete(recursive: true);
}

static async Task SeedAsync(string database, int pins)
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
static INotificationHandler<LabelGranted> MapHandler(IServiceProvider services) =>
    services.GetServices<INotificationHandler<LabelGranted>>().Single(h => h.GetType().Assembly == typeof(MapModule).Assembly);

static LabelGranted DemoGrant(Random random, int index)
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

static Process StartHost(string repository, string database, string mail, string url)
{
    var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repository, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in new[]
             {
                 "run", "-c", "Release", "--no-build", "--no-launch-profile", "--project", "src/Host", "--",
                 "--urls", url, "--ConnectionStrings:Default", $"Data Source={database}", "--Mail:PickupDirectory", mail,
                 "--Logging:LogLevel:Default", "Warning",
             })
    {
        start.ArgumentList.Add(argument);
    }

    start.Environment["DOTNET_NOLOGO"] = "1";
    var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet run did not start.");
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) =>
    {
        if (e.Data is { Length: > 0 } line)
        {
            Console.Error.WriteLine($"host: {line}");
        }
    };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static async Task<bool> ReadyAsync(HttpClient client, Process host)
{
    if (host.HasExited)
    {
        throw new InvalidOperationException($"The host exited ({host.ExitCode}).");
    }

    try
    {
        return (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK;
    }
    catch (HttpRequestException)
    {
        return false;
    }
}

static async Task<(double Rate, string Latency)> WrkAsync(string url, int seconds, int connections)
{
    var start = new ProcessStartInfo("wrk") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in new[] { "-t2", $"-c{connections}", $"-d{seconds}s", "--latency", url })
    {
        start.ArgumentList.Add(argument);
    }

    using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start: apt-get install -y wrk");
    var output = await wrk.StandardOutput.ReadToEndAsync();
    await wrk.WaitForExitAsync();
    var rate = Regex.Match(output, @"Requests/sec:\s+([0-9.]+)");
    if (wrk.ExitCode != 0 || !rate.Success || output.Contains("Non-2xx", StringComparison.Ordinal) || output.Contains("Socket errors", StringComparison.Ordinal))
    {
        throw new InvalidOperationException($"wrk failed or saw errors:\n{output}{await wrk.StandardError.ReadToEndAsync()}");
    }

    var latency = Regex.Match(output, @"50%\s+(\S+)");
    return (double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture), latency.Success ? latency.Groups[1].Value : "?");
}

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

internal static partial class Program
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
}
