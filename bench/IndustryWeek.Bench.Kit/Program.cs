using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using BenchmarkDotNet.Running;
using IndustryWeek.Bench.Kit;
using IndustryWeek.Testing;

// dotnet run -c Release --project bench/IndustryWeek.Bench.Kit -- build          (BenchmarkDotNet: one kit)
// dotnet run -c Release --project bench/IndustryWeek.Bench.Kit -- throughput [Sqlite|PostgreSql] [kits]
// dotnet run -c Release --project bench/IndustryWeek.Bench.Kit -- sample <folder>  (the sample kit's files, to look at)
if (args.Length == 2 && args[0] == "sample")
{
    BuildKitBenchmarks.WriteSample(args[1]);
    return;
}

if (args.Length == 0 || args[0] == "build")
{
    BenchmarkRunner.Run<BuildKitBenchmarks>(args: args.Skip(1).ToArray());
    return;
}

var provider = args.Length > 1 ? args[1] : "Sqlite";
var kits = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;

await using var database = await TestDatabase.CreateAsync(provider);
await using var platform = new PlatformFactory(database);
using var moderator = await platform.SignedInClientAsync();

// One kit first, not measured (JIT, fonts, the first Hangfire fetch).
var warmUp = SampleEvents.FactoryVisit(title: "Échauffement");
await platform.PublishAsync(warmUp);
(await moderator.PostAsJsonAsync($"/api/labelling/applications/{warmUp.EventId}/grant", new { })).EnsureSuccessStatusCode();
await Eventually.WaitAsync(() => Task.FromResult(platform.Mails().Count == 1), "the warm-up kit", TimeSpan.FromSeconds(60));

var events = Enumerable.Range(1, kits).Select(i => SampleEvents.FactoryVisit(title: $"Visite d'usine n° {i} : les métiers de la fabrication")).ToList();
foreach (var submitted in events)
{
    await platform.PublishAsync(submitted);
}

var clock = Stopwatch.StartNew();
foreach (var batch in events.Chunk(500))
{
    (await moderator.PostAsJsonAsync("/api/labelling/applications/bulk-grant", new { ids = batch.Select(e => e.EventId) })).EnsureSuccessStatusCode();
}

var granted = clock.Elapsed;
await Eventually.WaitAsync(() => Task.FromResult(platform.Mails().Count == kits + 1), $"{kits} kit mails", TimeSpan.FromMinutes(30));
var total = clock.Elapsed;
var memory = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"{provider}: {kits} kits, bulk grants {granted.TotalSeconds:0.0} s, last kit mail after {total.TotalSeconds:0.0} s: {kits / total.TotalSeconds:0.0} kits/s, peak working set {memory} MB"));
