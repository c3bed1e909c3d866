using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using IndustryWeek.Testing;
using Microsoft.Playwright;

// A phone on the public map (issue 22, docs/performance-phone.md). A measurement, not a test: it prints figures.
//
//   dotnet build -c Release bench/IndustryWeek.Bench.Phone
//   dotnet run -c Release --no-build --project bench/IndustryWeek.Bench.Phone -- [<path of IndustryWeek.Host.dll>]
//       [pins=5000] [runs=3] [label=<the build's name in the table>]
//       [save=<file.db>: keep the seeded database (runs=0: seed only)] [database=<file.db>: a copy of a database seeded before]
//       [profile=true: on the map, print where the page's main thread spent its time until the first pins (DevTools sampling)]
//
// 1. A SQLite database holding an edition of <pins> labelled events on the map (MapSeed, the pins of
//    bench/IndustryWeek.Bench.Map), or a copy of one seeded before (database=).
// 2. The host to measure, started as its own process (`dotnet <dll>`, Production, logs at Warning) on a copy of that
//    database: by default this repository's Release build (src/Host/bin/Release/net10.0); any other build may be given,
//    an older commit's too, as long as its migrations are the seed's. A published folder runs as it is; a build output
//    is first published (`dotnet publish --no-build`), as a deployment runs it, except a build from before the front-end
//    files were published (d0099d6), which runs from its project folder as `dotnet run` ran it.
// 3. Debian's chromium driven by Playwright, as a mid-range phone (412 × 823 CSS pixels, 1.75 device pixels each), with
//    the DevTools protocol: Network.emulateNetworkConditions (150 ms latency, 200,000 bytes/s down = 1.6 Mbit/s,
//    93,750 bytes/s up = 750 kbit/s) and Emulation.setCPUThrottlingRate 4.
// 4. Each run: /carte in a new browser context (empty cache), then in a new tab of the same context (warm cache, a new
//    navigation); then an event's page, /evenements/{id}, likewise in another new context. A visit's bytes are the sum of
//    Network.loadingFinished.encodedDataLength over its requests, counted until the network is idle; its first pins are
//    performance.now() (from navigation start) when the first marker or cluster enters the map's DOM, seen by a
//    MutationObserver installed before the page's own scripts.
// 5. Prints the medians beside the issue's targets as a markdown table, then the requests of the first run's visits.
var arguments = args.Where(a => !a.Contains('=', StringComparison.Ordinal)).ToList();
var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
var repository = HostProcess.RepositoryRoot;
var hostAssembly = Path.GetFullPath(arguments.Count > 0 ? arguments[0] : Path.Combine(repository, "src", "Host", "bin", "Release", "net10.0", "IndustryWeek.Host.dll"));
var pins = int.Parse(options.GetValueOrDefault("pins", "5000"), CultureInfo.InvariantCulture);
var runs = int.Parse(options.GetValueOrDefault("runs", "3"), CultureInfo.InvariantCulture);
var label = options.GetValueOrDefault("label", hostAssembly);
var profile = options.GetValueOrDefault("profile") == "true";
if (!File.Exists(hostAssembly))
{
    throw new FileNotFoundException("No host to run: build it (dotnet build -c Release src/Host) or give the path of an IndustryWeek.Host.dll.", hostAssembly);
}

var work = Directory.CreateTempSubdirectory("bench-phone-");
try
{
    var database = Path.Combine(work.FullName, "industryweek.db");
    if (options.TryGetValue("database", out var seeded))
    {
        File.Copy(seeded, database);
        Console.WriteLine($"Database: a copy of {seeded}");
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

    if (runs == 0)
    {
        return;
    }

    var (deployed, contentRoot) = await DeployableAsync(hostAssembly, work.FullName);
    Console.WriteLine($"Host: dotnet {deployed} (content root {contentRoot})");
    await using var host = HostProcess.Start(contentRoot, HostSettings(database, Path.Combine(work.FullName, "mail")), deployed);
    await host.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));
    var (events, eventPath) = await WarmUpAsync(host);

    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    var visits = new List<(int Run, string Name, Visit Visit)>();
    for (var run = 1; run <= runs; run++)
    {
        foreach (var (name, path, map) in new[] { ("/carte", "/carte", true), ("/evenements/{id}", eventPath, false) })
        {
            await using var context = await browser.NewContextAsync(Phone(host.BaseAddress));
            var first = await VisitAsync(context, path, map, profile);
            var repeat = await VisitAsync(context, path, map, profile);
            visits.Add((run, $"{name}, first visit", first));
            visits.Add((run, $"{name}, repeat visit", repeat));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}, {name}: first {Kb(first.Bytes)} KB{Pins(first)}, repeat {Kb(repeat.Bytes)} KB{Pins(repeat)}"));
        }
    }

    // The issue's targets: bytes (1 KB = 1,000 bytes) and seconds to the first pins.
    var targets = new Dictionary<string, (int Kb, double? Seconds)>(StringComparer.Ordinal)
    {
        ["/carte, first visit"] = (600, 3.0),
        ["/carte, repeat visit"] = (60, 1.5),
        ["/evenements/{id}, first visit"] = (250, null),
        ["/evenements/{id}, repeat visit"] = (20, null),
    };
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {events} events on the map, {runs} runs, medians (min – max); 1 KB = 1,000 bytes"));
    Console.WriteLine();
    Console.WriteLine("| build | visit | transferred | target | first pins | target |");
    Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
    foreach (var (name, (kb, seconds)) in targets)
    {
        var these = visits.Where(v => v.Name == name).Select(v => v.Visit).ToList();
        var bytes = these.Select(v => (double)v.Bytes).Order().ToList();
        var transferred = string.Create(CultureInfo.InvariantCulture, $"{Kb(Median(bytes))} KB ({Kb(bytes[0])} – {Kb(bytes[^1])})");
        var bytesTarget = $"≤ {kb} KB {(Median(bytes) <= kb * 1000 ? "✓" : "✗")}";
        var firstPins = "";
        var pinsTarget = "";
        if (seconds is { } limit)
        {
            var times = these.Select(v => v.FirstPinsMilliseconds ?? double.PositiveInfinity).Order().ToList();
            firstPins = string.Create(CultureInfo.InvariantCulture, $"{Median(times) / 1000:0.00} s ({times[0] / 1000:0.00} – {times[^1] / 1000:0.00})");
            pinsTarget = string.Create(CultureInfo.InvariantCulture, $"≤ {limit:0.0} s {(Median(times) <= limit * 1000 ? "✓" : "✗")}");
        }

        Console.WriteLine($"| {label} | {name} | {transferred} | {bytesTarget} | {firstPins} | {pinsTarget} |");
    }

    foreach (var (_, name, visit) in visits.Where(v => v.Run == 1))
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Run 1, {name}: {visit.Requests.Count} requests, {visit.Bytes:N0} bytes"));
        foreach (var request in visit.Requests.OrderByDescending(r => r.Bytes))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {request.Bytes,10:N0}  {request.Status,-18} {request.Url}"));
        }

        foreach (var problem in visit.Problems)
        {
            Console.WriteLine($"  PROBLEM: {problem}");
        }
    }

    var problems = visits.SelectMany(v => v.Visit.Problems.Select(p => $"run {v.Run}, {v.Name}: {p}")).ToList();
    Console.WriteLine();
    Console.WriteLine(problems.Count == 0
        ? "No request left 127.0.0.1, no console error (CSP included), no failed request."
        : $"{problems.Count} problems:\n  " + string.Join("\n  ", problems));
    if (!string.IsNullOrWhiteSpace(host.Errors))
    {
        Console.WriteLine($"The host's standard error:\n{host.Errors}");
    }
}
finally
{
    work.Delete(recursive: true);
}

// What a deployment runs. A published folder (it holds wwwroot) as it is. A build output is published first, with no
// second compilation (a build's compressed static files live under obj/ and are served in Development only); a build
// from before the front-end files were in the publish output (d0099d6) runs from its project folder, as `dotnet run` ran it.
static async Task<(string Assembly, string ContentRoot)> DeployableAsync(string hostAssembly, string work)
{
    var folder = Path.GetDirectoryName(hostAssembly)!;
    if (Directory.Exists(Path.Combine(folder, "wwwroot")))
    {
        return (hostAssembly, folder);
    }

    var project = new DirectoryInfo(folder);
    while (project is not null && !File.Exists(Path.Combine(project.FullName, "IndustryWeek.Host.csproj")))
    {
        project = project.Parent;
    }

    if (project is null)
    {
        throw new DirectoryNotFoundException($"Neither wwwroot beside {hostAssembly} nor IndustryWeek.Host.csproj above it.");
    }

    var configuration = new DirectoryInfo(folder).Parent!.Name; // bin/<configuration>/net10.0
    var published = Path.Combine(work, "published");
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var argument in new[] { "publish", Path.Combine(project.FullName, "IndustryWeek.Host.csproj"), "--no-build", "-c", configuration, "-o", published, "-nologo" })
    {
        start.ArgumentList.Add(argument);
    }

    using var publish = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start.");
    var output = publish.StandardOutput.ReadToEndAsync();
    await publish.StandardError.ReadToEndAsync();
    await publish.WaitForExitAsync();
    if (publish.ExitCode == 0 && File.Exists(Path.Combine(published, "wwwroot", "lib", "leaflet", "leaflet.js")))
    {
        return (Path.Combine(published, "IndustryWeek.Host.dll"), published);
    }

    // Before d0099d6 the publish output lacked the front-end files (or failed: NETSDK1152, two files for one path).
    var reason = publish.ExitCode == 0 ? "without the front-end files" : $"failed ({(await output).Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.Ordinal))?.Trim()})";
    Console.WriteLine($"dotnet publish {reason}: the build output runs from its project folder, as `dotnet run` ran it.");
    return (hostAssembly, project.FullName);
}

static IEnumerable<KeyValuePair<string, string?>> HostSettings(string database, string mail) =>
[
    new("Database:Provider", "Sqlite"),
    new("ConnectionStrings:Default", $"Data Source={database}"),
    new("Mail:Delivery", "Pickup"),
    new("Mail:PickupDirectory", mail),
    new("Logging:LogLevel:Default", "Warning"),
    // No tiles: the Géoplateforme cannot be reached from here, and the targets are about what the platform sends.
    new("Map:TileUrl", ""),
];

// The host's first answers (JIT, the edition's map built in memory) are not what a phone waits for: asked once here.
// Returns the number of events on the map and the public page of the first placed one.
static async Task<(int Events, string EventPath)> WarmUpAsync(HostProcess host)
{
    using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
    var body = await client.GetByteArrayAsync(new Uri("/api/map/events", UriKind.Relative));
    using var document = JsonDocument.Parse(body);
    var features = document.RootElement.GetProperty("features").EnumerateArray().ToList();
    var placed = features.First(f => f.GetProperty("geometry").ValueKind != JsonValueKind.Null).GetProperty("id").GetGuid();
    using var pins = await client.GetAsync(new Uri("/api/map/pins", UriKind.Relative)); // 404 on builds before it
    var pinsBody = pins.IsSuccessStatusCode ? await pins.Content.ReadAsByteArrayAsync() : null;
    var pinsSize = pinsBody is null ? $"{(int)pins.StatusCode}" : string.Create(CultureInfo.InvariantCulture, $"{pinsBody.Length:N0} bytes {Compressed(pinsBody)}");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The map: {features.Count} events; GET /api/map/events {body.Length:N0} bytes {Compressed(body)}, GET /api/map/pins {pinsSize}; the event page measured: /evenements/{placed}"));
    foreach (var path in new[] { "/carte", $"/evenements/{placed}", $"/api/map/events/{placed}" })
    {
        using var _ = await client.GetAsync(new Uri(path, UriKind.Relative));
    }

    return (features.Count, $"/evenements/{placed}");
}

// Lighthouse's mobile screen, French, Paris time.
static BrowserNewContextOptions Phone(Uri address) => new()
{
    BaseURL = address.ToString(),
    Locale = "fr-FR",
    TimezoneId = "Europe/Paris",
    ViewportSize = new() { Width = 412, Height = 823 },
    DeviceScaleFactor = 1.75f,
    IsMobile = true,
    HasTouch = true,
};

// One visit in a new tab of the context: its requests (until the network is idle) and, on the map, its first pins.
static async Task<Visit> VisitAsync(IBrowserContext context, string path, bool map, bool profile)
{
    var page = await context.NewPageAsync();

    var devTools = await context.NewCDPSessionAsync(page);
    var urls = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
    var statuses = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
    var bytes = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
    var problems = new ConcurrentQueue<string>();
    var traceEvents = new ConcurrentQueue<JsonElement>();
    var traceComplete = new TaskCompletionSource();
    devTools.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
    {
        var url = e!.Value.GetProperty("request").GetProperty("url").GetString()!;
        urls[e.Value.GetProperty("requestId").GetString()!] = url;
        if (!url.StartsWith("data:", StringComparison.Ordinal) && !url.StartsWith("blob:", StringComparison.Ordinal) && new Uri(url).Host != "127.0.0.1")
        {
            problems.Enqueue($"a request left 127.0.0.1: {url}");
        }
    };
    devTools.Event("Network.responseReceived").OnEvent += (_, e) =>
    {
        var response = e!.Value.GetProperty("response");
        var cached = response.TryGetProperty("fromDiskCache", out var disk) && disk.GetBoolean() ? " (disk cache)"
            : response.TryGetProperty("fromMemoryCache", out var memory) && memory.GetBoolean() ? " (memory cache)" : "";
        statuses[e.Value.GetProperty("requestId").GetString()!] = response.GetProperty("status").GetInt32().ToString(CultureInfo.InvariantCulture) + cached;
    };
    devTools.Event("Network.loadingFinished").OnEvent += (_, e) =>
        bytes[e!.Value.GetProperty("requestId").GetString()!] = (long)e.Value.GetProperty("encodedDataLength").GetDouble();
    devTools.Event("Network.loadingFailed").OnEvent += (_, e) =>
        problems.Enqueue($"request failed: {urls.GetValueOrDefault(e!.Value.GetProperty("requestId").GetString()!)} ({e.Value.GetProperty("errorText").GetString()})");
    page.Console += (_, message) =>
    {
        if (message.Type == "error")
        {
            problems.Enqueue($"console: {message.Text}");
        }
    };
    page.PageError += (_, error) => problems.Enqueue($"page error: {error}");

    await devTools.SendAsync("Network.enable");
    await devTools.SendAsync("Network.emulateNetworkConditions", new()
    {
        ["offline"] = false,
        ["latency"] = 150,
        ["downloadThroughput"] = 200_000,
        ["uploadThroughput"] = 93_750,
    });
    await devTools.SendAsync("Emulation.setCPUThrottlingRate", new() { ["rate"] = 4 });
    if (map)
    {
        // Before any of the page's scripts: resolves with performance.now() when the first marker or cluster (both
        // .leaflet-marker-icon) enters the DOM, or with -1 when the map says it has no pins or failed.
        await page.AddInitScriptAsync("""
            window.__firstPins = new Promise(resolve => {
                new MutationObserver((records, observer) => {
                    for (const record of records) {
                        const drawn = [...record.addedNodes].some(n => n.classList && n.classList.contains('leaflet-marker-icon'));
                        const none = record.type === 'attributes' && ['0', 'error'].includes(record.target.getAttribute('data-pins'));
                        if (drawn || none) {
                            observer.disconnect();
                            window.__firstPinsAt = performance.now();
                            resolve(drawn ? window.__firstPinsAt : -1);
                            return;
                        }
                    }
                }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-pins'] });
            });
            """);
    }

    if (map && profile)
    {
        await devTools.SendAsync("Profiler.enable");
        await devTools.SendAsync("Profiler.setSamplingInterval", new() { ["interval"] = 1000 });
        await devTools.SendAsync("Profiler.start");
        devTools.Event("Tracing.dataCollected").OnEvent += (_, e) =>
        {
            foreach (var traced in e!.Value.GetProperty("value").EnumerateArray())
            {
                traceEvents.Enqueue(traced.Clone());
            }
        };
        devTools.Event("Tracing.tracingComplete").OnEvent += (_, _) => traceComplete.TrySetResult();
        await devTools.SendAsync("Tracing.start", new() { ["categories"] = "devtools.timeline", ["transferMode"] = "ReportEvents" });
    }

    var timeout = (float)TimeSpan.FromMinutes(3).TotalMilliseconds;
    await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load, Timeout = timeout });
    double? firstPins = null;
    string? timeline = null;
    if (map)
    {
        var drawing = page.EvaluateAsync<double>("() => window.__firstPins");
        if (await Task.WhenAny(drawing, Task.Delay(TimeSpan.FromMinutes(3))) == drawing && await drawing >= 0)
        {
            firstPins = await drawing;
            // Where the time went: the page's HTML, its scripts run, the map's data.
            timeline = await page.EvaluateAsync<string>("""
                () => {
                    const navigation = performance.getEntriesByType('navigation')[0];
                    const data = performance.getEntriesByType('resource').find(r => /\/api\/map\/(pins|events)/.test(r.name));
                    const s = ms => (ms / 1000).toFixed(2) + ' s';
                    return `HTML ${s(navigation.responseEnd)}, DOMContentLoaded ${s(navigation.domContentLoadedEventEnd)}, map data ${data ? s(data.responseEnd) : '?'}, first pins ${s(window.__firstPinsAt)}`;
                }
                """);
        }
        else
        {
            var state = await page.EvaluateAsync<string>("() => `data-pins = ${document.querySelector('#events-map')?.getAttribute('data-pins')}, ${document.querySelectorAll('.leaflet-marker-icon').length} markers`");
            problems.Enqueue($"no pins drawn ({state})");
        }
    }

    if (map && profile)
    {
        var stopped = await devTools.SendAsync("Profiler.stop");
        Console.WriteLine($"{path}: main thread's self time by function until the pins (and a little after), ms:");
        Console.WriteLine(SelfTimes(stopped!.Value.GetProperty("profile"), firstPins));
        Console.WriteLine($"{path}: the renderer's main thread by task kind until the pins, ms:");
        await devTools.SendAsync("Tracing.end");
        await traceComplete.Task.WaitAsync(TimeSpan.FromMinutes(1));
        Console.WriteLine(Timeline([.. traceEvents], firstPins));
    }

    await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = timeout });
    await devTools.DetachAsync();
    await page.CloseAsync();
    var requests = urls.Select(u => new Request(u.Value, bytes.GetValueOrDefault(u.Key), statuses.GetValueOrDefault(u.Key, "?"))).ToList();
    return new Visit(requests.Sum(r => r.Bytes), firstPins, timeline, requests, [.. problems]);
}

// A DevTools CPU profile summed by function (self time), samples up to the first pins only, the 15 largest.
static string SelfTimes(JsonElement cpuProfile, double? untilMilliseconds)
{
    var names = new Dictionary<int, string>();
    foreach (var node in cpuProfile.GetProperty("nodes").EnumerateArray())
    {
        var frame = node.GetProperty("callFrame");
        var url = frame.GetProperty("url").GetString() ?? "";
        var function = frame.GetProperty("functionName").GetString() is { Length: > 0 } f ? f : "(anonymous)";
        names[node.GetProperty("id").GetInt32()] = $"{function} {url[(url.LastIndexOf('/') + 1)..]}:{frame.GetProperty("lineNumber").GetInt32()}";
    }

    var samples = cpuProfile.GetProperty("samples").EnumerateArray().Select(s => s.GetInt32()).ToList();
    var deltas = cpuProfile.GetProperty("timeDeltas").EnumerateArray().Select(d => d.GetDouble() / 1000).ToList();
    var totals = new Dictionary<string, double>(StringComparer.Ordinal);
    var elapsed = 0.0;
    for (var i = 0; i < samples.Count - 1; i++)
    {
        elapsed += deltas[i];
        if (untilMilliseconds is { } until && elapsed > until + 200)
        {
            break;
        }

        var name = names[samples[i]];
        totals[name] = totals.GetValueOrDefault(name) + deltas[i + 1];
    }

    return string.Join('\n', totals.OrderByDescending(t => t.Value).Take(15).Select(t => string.Create(CultureInfo.InvariantCulture, $"  {t.Value,8:N0}  {t.Key}")));
}

// A DevTools timeline summed by event name: the renderer's main thread's complete events (ph X), nested time not
// subtracted (a FunctionCall holds its Layout), from the navigation's first event until the first pins.
static string Timeline(List<JsonElement> events, double? untilMilliseconds)
{
    var main = events.FirstOrDefault(e => e.GetProperty("name").GetString() == "thread_name" && e.GetProperty("args").GetProperty("name").GetString() == "CrRendererMain");
    if (main.ValueKind == JsonValueKind.Undefined)
    {
        return "  (no renderer main thread in the trace)";
    }

    var (pid, tid) = (main.GetProperty("pid").GetInt32(), main.GetProperty("tid").GetInt32());
    var onMain = events.Where(e => e.GetProperty("pid").GetInt32() == pid && e.GetProperty("tid").GetInt32() == tid
        && e.GetProperty("ph").GetString() == "X" && e.TryGetProperty("dur", out _)).ToList();
    var start = onMain.Min(e => e.GetProperty("ts").GetDouble());
    var end = start + ((untilMilliseconds ?? 60_000) * 1000);
    var totals = onMain.Where(e => e.GetProperty("ts").GetDouble() < end)
        .GroupBy(e => e.GetProperty("name").GetString()!)
        .Select(g => (Name: g.Key, Milliseconds: g.Sum(e => e.GetProperty("dur").GetDouble()) / 1000, Count: g.Count()))
        .OrderByDescending(t => t.Milliseconds).Take(15);
    return string.Join('\n', totals.Select(t => string.Create(CultureInfo.InvariantCulture, $"  {t.Milliseconds,8:N0}  {t.Name} ×{t.Count}")));
}

// For information: what gzip and Brotli make of a document the host sent uncompressed (as a precomputed form would be).
static string Compressed(byte[] document)
{
    using var gzip = new MemoryStream();
    using (var stream = new GZipStream(gzip, CompressionLevel.SmallestSize, leaveOpen: true))
    {
        stream.Write(document);
    }

    using var brotli = new MemoryStream();
    using (var stream = new BrotliStream(brotli, CompressionLevel.SmallestSize, leaveOpen: true))
    {
        stream.Write(document);
    }

    return string.Create(CultureInfo.InvariantCulture, $"(uncompressed; gzip {gzip.Length:N0}, br {brotli.Length:N0})");
}

static double Median(List<double> sorted) => sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

static string Kb(double bytes) => (bytes / 1000).ToString("N0", CultureInfo.InvariantCulture);

static string Pins(Visit visit) => visit.Timeline is { } timeline ? $" ({timeline})" : "";

internal sealed record Request(string Url, long Bytes, string Status);

/// <param name="FirstPinsMilliseconds">From navigation start; null on pages without the map, or when no pin was drawn.</param>
/// <param name="Timeline">On the map: when the HTML, the DOMContentLoaded event, the map's data and the first pins came.</param>
internal sealed record Visit(long Bytes, double? FirstPinsMilliseconds, string? Timeline, IReadOnlyList<Request> Requests, IReadOnlyList<string> Problems);
