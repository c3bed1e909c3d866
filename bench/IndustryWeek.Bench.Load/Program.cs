using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

// Load on the real host (issue 9, docs/performance.md).
//
//   dotnet build -c Release && dotnet run -c Release --no-build --project bench/IndustryWeek.Bench.Load -- \
//       [Sqlite|PostgreSql] [rate=200] [seconds=60] [events=4000] [granted=800] [dashboard=0]
//
// PostgreSql needs INDUSTRYWEEK_TEST_POSTGRES (as the tests do).
// 1. A fresh database: `seed-demo --events <events>` run by the built host (the upcoming demo edition, its
//    organisations and events, four in five submitted), a moderator of every region added.
// 2. The host started as its own process (src/Host/bin/Release), as in production, logs at Warning.
// 3. <granted> applications granted beforehand (bulk-grant), and their kits and pins left to finish, so the
//    map and the public pages have content.
// 4. An open loop: one request every 1/<rate> s for <seconds> s, whatever the answers (a slow answer does
//    not slow the schedule down; its latency counts from when it was due). The mix, per 20 requests:
//    8 map collections (whole edition, by region, by format, by text, by box), 2 map features,
//    5 public event pages (HTML), 1 event created by an organiser, 1 submission of a created draft,
//    2 grants by the moderator, 1 read of the moderator's queue.
// With dashboard=<n>: before the load, <n> reads of the edition dashboard and of one of its CSV files (see below).
// 5. Errors (transport errors, time-outs and unexpected statuses), p50/p95/p99 overall and per kind, the
//    host's resident memory (start, peak, end), then how long the background work (kit mails and pins of the
//    grants made under load) took to finish after the load stopped.
var arguments = args.Where(a => !a.Contains('=', StringComparison.Ordinal)).ToList();
var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
var provider = arguments.Count > 0 ? arguments[0] : "Sqlite";
var rate = int.Parse(options.GetValueOrDefault("rate", "200"), CultureInfo.InvariantCulture);
var seconds = int.Parse(options.GetValueOrDefault("seconds", "60"), CultureInfo.InvariantCulture);
var seededEvents = int.Parse(options.GetValueOrDefault("events", "4000"), CultureInfo.InvariantCulture);
var grantedBefore = int.Parse(options.GetValueOrDefault("granted", "800"), CultureInfo.InvariantCulture);
var dashboardReads = int.Parse(options.GetValueOrDefault("dashboard", "0"), CultureInfo.InvariantCulture);
const string ModeratorEmail = "moderatrice.nationale@bench.local";
const string ModeratorPassword = "Moderatrice-Bench-2027";
const string OrganiserPassword = "Organisateur-Demo-2027"; // RegistrationDemoSeeder's first three accounts
string[] regions = ["84", "27", "53", "24", "94", "44", "32", "11", "28", "75", "76", "52", "93", "01", "02", "03", "04", "06"];

await using var database = await TestDatabase.CreateAsync(provider);
var mailDirectory = Path.Combine(database.Directory, "mail");
var contentRoot = Path.Combine(HostProcess.RepositoryRoot, "src", "Host"); // the COG data and the kit's fonts, as `dotnet run` has them
var settings = PlatformFactory.SettingsFor(database, mailDirectory)
    .Append(new("Logging:LogLevel:Default", "Warning"))
    .ToList();

Console.WriteLine($"{provider}: seeding {seededEvents} demo events…");
var seeding = Stopwatch.StartNew();
await SeedAsync(settings, contentRoot, seededEvents);
await using (var platform = new PlatformFactory(database))
{
    await platform.CreateUserAsync(ModeratorEmail, ModeratorPassword, [PlatformRoles.Moderator], regions);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded in {seeding.Elapsed.TotalSeconds:0} s"));

await using var host = HostProcess.Start(contentRoot, settings);
await host.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
using var visitor = Client(null);
using var moderator = Client(await TokenAsync(ModeratorEmail, ModeratorPassword));
var organisers = new List<HttpClient>();
for (var i = 1; i <= 3; i++)
{
    organisers.Add(Client(await TokenAsync(string.Create(CultureInfo.InvariantCulture, $"organisateur{i:000}@demo.semaine-industrie.fr"), OrganiserPassword)));
}

// The submissions of the seed reach Labelling through the outbox once the host runs.
var submitted = await database.ScalarAsync("SELECT COUNT(*) FROM registration_events WHERE \"Status\" = 'Submitted'");
await Eventually.WaitAsync(
    async () => await database.ScalarAsync("SELECT COUNT(*) FROM labelling_applications") >= submitted,
    $"Labelling has the {submitted} submitted applications",
    TimeSpan.FromMinutes(5));
var pending = await PendingAsync(); // online events have no region: an administrator's, not in this list
Console.WriteLine($"{pending.Count} applications pending that meet the criteria");

var edition = await visitor.GetFromJsonAsync<JsonElement>(new Uri("/api/editions/current", UriKind.Relative));
var editionId = edition.GetProperty("id").GetGuid();
var sessionDay = edition.GetProperty("regionalPeriods").EnumerateArray().First(p => p.GetProperty("regionCode").GetString() == "32").GetProperty("start").GetString()!;

// The demo edition shows its map 30 days before registration closes: from today here, as in the campaign's busy weeks.
using (var administrator = Client(await TokenAsync(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword)))
{
    var fields = edition.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value, StringComparer.Ordinal);
    fields["mapVisibleFrom"] = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    (await administrator.PutAsJsonAsync($"/api/editions/{editionId}", fields)).EnsureSuccessStatusCode();
}

// Content for the map and the public pages: granted before the measure, background work finished.
var warm = Stopwatch.StartNew();
var labelled = new List<Guid>();
using (var patientModerator = Client(await TokenAsync(ModeratorEmail, ModeratorPassword), TimeSpan.FromMinutes(10)))
{
    foreach (var chunk in pending.Take(grantedBefore).Chunk(100))
    {
        var bulk = await patientModerator.PostAsJsonAsync("/api/labelling/applications/bulk-grant", new { ids = chunk });
        bulk.EnsureSuccessStatusCode();
        foreach (var outcome in (await bulk.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray())
        {
            if (outcome.GetProperty("outcome").GetString() == "granted")
            {
                labelled.Add(outcome.GetProperty("id").GetGuid());
            }
            else
            {
                Console.WriteLine($"not granted: {outcome}");
            }
        }
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{labelled.Count} granted by bulk-grant in {warm.Elapsed.TotalSeconds:0} s"));

var pool = new ConcurrentQueue<Guid>(pending.Skip(grantedBefore));
await WaitForBackgroundWorkAsync(labelled.Count, TimeSpan.FromMinutes(10));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{labelled.Count} granted beforehand; kits mailed and pins shown in {warm.Elapsed.TotalSeconds:0} s"));

await Eventually.WaitAsync(
    async () => (await visitor.GetAsync(new Uri($"/evenements/{labelled[0]}", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
    "the public pages show the granted events",
    TimeSpan.FromMinutes(2));

// The administrators' edition dashboard (issue 21) on this edition: <dashboard> reads one after the other, alone on the
// host, of the page and of one of its CSV files (each reads the edition's and the previous one's applications and
// audit trails, and the drafts), before the load; the first of each not counted (JIT).
if (dashboardReads > 0)
{
    // Pages take the session cookie, not a bearer token; no redirect followed (a sign-in page is not the dashboard).
    using var cookies = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
    using var administrator = new HttpClient(cookies) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
    (await administrator.PostAsJsonAsync("/api/identity/login?useCookies=true", new { email = PlatformFactory.AdminEmail, password = PlatformFactory.AdminPassword })).EnsureSuccessStatusCode();
    foreach (var path in new[] { $"/admin/editions/{editionId}/tableau-de-bord", $"/admin/editions/{editionId}/tableau-de-bord/regions.csv" })
    {
        var times = new List<double>();
        for (var i = 0; i <= dashboardReads; i++)
        {
            var watch = Stopwatch.StartNew();
            using var answer = await administrator.GetAsync(new Uri(path, UriKind.Relative));
            var body = await answer.Content.ReadAsStringAsync();
            if (answer.StatusCode != HttpStatusCode.OK || !body.Contains(path.EndsWith(".csv", StringComparison.Ordinal) ? "Région;" : "Tableau de bord", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{path}: {(int)answer.StatusCode}");
            }

            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dashboard {path[(path.LastIndexOf('/') + 1)..]}: {times.Count} reads, p50 {Percentile(times, 0.50):0} ms, max {times[^1]:0} ms"));
    }
}

// Warm-up (JIT, caches), not measured.
foreach (var url in new[] { "/api/map/events", $"/evenements/{labelled[0]}", $"/api/map/events/{labelled[0]}" })
{
    (await visitor.GetAsync(new Uri(url, UriKind.Relative))).EnsureSuccessStatusCode();
}

var random = new Random(2027);
var drafts = new ConcurrentQueue<(HttpClient Organiser, Guid Id)>();
var samples = new ConcurrentBag<(string Kind, double Milliseconds, string? Error)>();
var grantedUnderLoad = 0;
var memory = new List<long>();
using var sampling = new CancellationTokenSource();
var sampler = Task.Run(async () =>
{
    while (!sampling.IsCancellationRequested)
    {
        memory.Add(ResidentBytes(host.Process.Id));
        try
        {
            await Task.Delay(500, sampling.Token);
        }
        catch (OperationCanceledException)
        {
            break;
        }
    }
});

string[] mix = ["map", "map", "map", "map", "map", "map", "map", "map", "feature", "feature", "page", "page", "page", "page", "page", "create", "submit", "grant", "grant", "queue"];
var total = rate * seconds;
var interval = TimeSpan.FromSeconds(1.0 / rate);
var running = new List<Task>(total);
Console.WriteLine($"load: {rate} requests/s for {seconds} s ({total} requests)…");
var clock = Stopwatch.StartNew();
for (var i = 0; i < total; i++)
{
    var due = interval * i;
    var early = due - clock.Elapsed;
    if (early > TimeSpan.FromMilliseconds(1))
    {
        await Task.Delay(early);
    }

    var kind = mix[i % mix.Length];
    var pick = random.Next();
    running.Add(Task.Run(() => MeasureAsync(kind, due, pick)));
}

var scheduled = clock.Elapsed;
await Task.WhenAll(running);
var loadEnded = clock.Elapsed;
await sampling.CancelAsync();
await sampler;

var drain = Stopwatch.StartNew();
await WaitForBackgroundWorkAsync(labelled.Count + grantedUnderLoad, TimeSpan.FromMinutes(15));
var drained = drain.Elapsed;

var all = samples.ToList();
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}, {rate} requests/s for {seconds} s: {all.Count} requests sent in {scheduled.TotalSeconds:0.0} s, all answered after {loadEnded.TotalSeconds:0.0} s"));
Console.WriteLine("| kind | requests | errors | p50 | p95 | p99 | max |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var group in all.GroupBy(s => s.Kind).OrderBy(g => Array.IndexOf(mix, g.Key)).Append(all.GroupBy(_ => "all").Single()))
{
    var latencies = group.Select(s => s.Milliseconds).Order().ToList();
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"| {group.Key} | {latencies.Count} | {group.Count(s => s.Error is not null)} | {Percentile(latencies, 0.50):0} ms | {Percentile(latencies, 0.95):0} ms | {Percentile(latencies, 0.99):0} ms | {latencies[^1]:0} ms |"));
}

foreach (var error in all.Where(s => s.Error is not null).GroupBy(s => $"{s.Kind}: {s.Error}").OrderByDescending(g => g.Count()).Take(10))
{
    Console.WriteLine($"  {error.Count()} × {error.Key}");
}

Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"host resident memory: {Mb(memory[0])} MB at the start of the load, peak {Mb(memory.Max())} MB, {Mb(memory[^1])} MB at its end (peak of the whole run, VmHWM: {Mb(PeakResidentBytes(host.Process.Id))} MB)"));
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"{grantedUnderLoad} grants under load: their kit mails and pins all done {drained.TotalSeconds:0} s after the last answer"));
foreach (var organiser in organisers)
{
    organiser.Dispose();
}

async Task MeasureAsync(string kind, TimeSpan due, int pick)
{
    string? error;
    try
    {
        error = await SendAsync(kind, pick);
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
    {
        error = e.GetType().Name;
    }

    samples.Add((kind, (clock.Elapsed - due).TotalMilliseconds, error));
}

// Null when the answer is what a user would expect, else what went wrong.
async Task<string?> SendAsync(string kind, int pick)
{
    switch (kind)
    {
        case "map":
            var filter = (pick % 5) switch
            {
                0 => "",
                1 => $"?region={regions[pick / 5 % regions.Length]}",
                2 => "?format=CompanyVisit",
                3 => "?q=atelier",
                _ => "?bbox=2.2,48.7,2.5,49",
            };
            return Expect(await visitor.GetAsync(new Uri("/api/map/events" + filter, UriKind.Relative)), HttpStatusCode.OK);
        case "feature":
            return Expect(await visitor.GetAsync(new Uri($"/api/map/events/{labelled[pick % labelled.Count]}", UriKind.Relative)), HttpStatusCode.OK);
        case "page":
            return Expect(await visitor.GetAsync(new Uri($"/evenements/{labelled[pick % labelled.Count]}", UriKind.Relative)), HttpStatusCode.OK);
        case "create":
            var organiser = organisers[pick % organisers.Count];
            var created = await organiser.PostAsJsonAsync("/api/events", EventBody(pick));
            if (created.StatusCode == HttpStatusCode.Created)
            {
                drafts.Enqueue((organiser, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
            }

            return Expect(created, HttpStatusCode.Created);
        case "submit":
            if (!drafts.TryDequeue(out var draft))
            {
                return await SendAsync("create", pick); // nothing created yet: the organiser creates instead
            }

            return Expect(await draft.Organiser.PostAsync(new Uri($"/api/events/{draft.Id}/submit", UriKind.Relative), null), HttpStatusCode.OK);
        case "grant":
            if (!pool.TryDequeue(out var application))
            {
                return "no application left to grant (seed more events)";
            }

            var granted = await moderator.PostAsJsonAsync($"/api/labelling/applications/{application}/grant", new { comment = "Les critères sont remplis." });
            if (granted.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref grantedUnderLoad);
            }

            return Expect(granted, HttpStatusCode.OK);
        default:
            return Expect(await moderator.GetAsync(new Uri($"/api/labelling/applications?status=Pending&region={regions[pick % regions.Length]}", UriKind.Relative)), HttpStatusCode.OK);
    }
}

static string? Expect(HttpResponseMessage response, HttpStatusCode expected)
{
    using (response)
    {
        return response.StatusCode == expected ? null : $"{(int)response.StatusCode} {response.StatusCode}";
    }
}

Dictionary<string, object?> EventBody(int pick) => new()
{
    ["editionId"] = editionId,
    ["title"] = string.Create(CultureInfo.InvariantCulture, $"Visite de l'atelier d'usinage n° {pick % 100_000}"),
    ["description"] = "Découverte des lignes d'assemblage et des métiers de la production, avec les apprentis du site.",
    ["format"] = "CompanyVisit",
    ["audiences"] = new[] { "Pupils", "JobSeekers" },
    ["sectors"] = new[] { "Automotive" },
    ["topics"] = Array.Empty<string>(),
    ["sessions"] = new[] { new { start = $"{sessionDay}T09:00", end = $"{sessionDay}T12:00" } },
    ["location"] = new { mode = "OnSite", street = "1 rue de l'Industrie", postalCode = "59300", inseeCode = "59606", latitude = 50.357, longitude = 3.523 },
    ["isFree"] = true,
    ["booking"] = new { required = true, url = "https://usine-exemple.fr/visites", capacity = 25 },
    ["publicContact"] = new { email = "visites@usine-exemple.fr", phone = "03 27 00 00 00" },
    ["accessible"] = true,
    ["aboutIndustry"] = true,
};

// The moderator's pending applications that meet the four criteria (the others would be refused, not granted).
async Task<List<Guid>> PendingAsync()
{
    var ids = new List<Guid>();
    var seen = 0;
    for (var page = 1; ; page++)
    {
        var answer = await moderator.GetFromJsonAsync<JsonElement>(new Uri(string.Create(CultureInfo.InvariantCulture, $"/api/labelling/applications?status=Pending&pageSize=500&page={page}"), UriKind.Relative));
        var items = answer.GetProperty("items").EnumerateArray().ToList();
        seen += items.Count;
        ids.AddRange(items.Where(a => a.GetProperty("failedCriteria").GetInt32() == 0).Select(a => a.GetProperty("id").GetGuid()));
        if (items.Count == 0 || seen >= answer.GetProperty("total").GetInt32())
        {
            return ids;
        }
    }
}

// Every grant has its kit mail written and its pin on the map.
async Task WaitForBackgroundWorkAsync(int grants, TimeSpan timeout)
{
    var (mails, pins) = (0, 0L);
    try
    {
        await Eventually.WaitAsync(
            async () =>
            {
                mails = Directory.Exists(mailDirectory) ? Directory.GetFiles(mailDirectory, "*.eml").Length : 0;
                pins = await database.ScalarAsync("SELECT COUNT(*) FROM map_pins");
                return mails >= grants && pins >= grants;
            },
            $"{grants} kit mails and pins",
            timeout);
    }
    catch (TimeoutException)
    {
        Console.Error.WriteLine($"{mails} mails, {pins} pins; failed jobs: {await database.ScalarAsync("SELECT COUNT(*) FROM platform_jobs WHERE \"State\" = 'Failed'")}; the host's errors:\n{host.Errors}\n{host.Output[^Math.Min(host.Output.Length, 5000)..]}");
        throw;
    }
}

async Task<string> TokenAsync(string email, string password)
{
    using var client = Client(null);
    var login = await client.PostAsJsonAsync("/api/identity/login", new { email, password });
    login.EnsureSuccessStatusCode();
    return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
}

HttpClient Client(string? token, TimeSpan? timeout = null)
{
    var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = host.BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
    if (token is not null)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    return client;
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

static long Mb(long bytes) => bytes / (1024 * 1024);

static long ResidentBytes(int pid) => StatusKilobytes(pid, "VmRSS:") * 1024;

static long PeakResidentBytes(int pid) => StatusKilobytes(pid, "VmHWM:") * 1024;

static long StatusKilobytes(int pid, string field)
{
    var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
    return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
}

static async Task SeedAsync(IEnumerable<KeyValuePair<string, string?>> settings, string workingDirectory, int events)
{
    var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in new[] { HostProcess.HostAssembly, "seed-demo", "--events", events.ToString(CultureInfo.InvariantCulture) })
    {
        start.ArgumentList.Add(argument);
    }

    foreach (var (key, value) in settings)
    {
        start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
    }

    using var seed = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    var output = seed.StandardOutput.ReadToEndAsync();
    var errors = seed.StandardError.ReadToEndAsync();
    await seed.WaitForExitAsync();
    if (seed.ExitCode != 0)
    {
        throw new InvalidOperationException($"seed-demo exited with {seed.ExitCode}: {await errors}\n{await output}");
    }
}
