using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using IndustryWeek.Testing;

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
    await MapSeed.SeedAsync(database, pins);
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
