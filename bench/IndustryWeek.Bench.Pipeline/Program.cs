using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Testing;

// dotnet run -c Release --project bench/IndustryWeek.Bench.Pipeline -- [Sqlite|PostgreSql] [grants]
// PostgreSql needs INDUSTRYWEEK_TEST_POSTGRES (as the tests do).
var provider = args.Length > 0 ? args[0] : "Sqlite";
var grants = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;

await using var database = await TestDatabase.CreateAsync(provider);
await using var platform = new PlatformFactory(database);
using var moderator = await platform.SignedInClientAsync();
using var visitor = platform.CreateClient();

var events = Enumerable.Range(1, grants).Select(i => SampleEvents.FactoryVisit(title: $"Visite d'usine n° {i}")).ToList();
foreach (var submitted in events)
{
    await platform.PublishAsync(submitted);
}

// One warm-up grant, not measured (JIT, the first Hangfire fetch).
var warmUp = SampleEvents.FactoryVisit(title: "Échauffement");
await platform.PublishAsync(warmUp);
await GrantAndWaitAsync(warmUp.EventId, 1);

var latencies = new List<double>();
for (var i = 0; i < events.Count; i++)
{
    latencies.Add(await GrantAndWaitAsync(events[i].EventId, i + 2));
}

latencies.Sort();
double Percentile(double p) => latencies[(int)Math.Ceiling(p * latencies.Count) - 1];
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"{provider}: {latencies.Count} grants, grant -> mail written and pin visible: p50 {Percentile(0.50):0} ms, p95 {Percentile(0.95):0} ms, max {latencies[^1]:0} ms, mean {latencies.Average():0} ms"));

// Where the time goes, from the platform's own timestamps: the LabelGranted message's dispatch, then for each job
// the wait between its scheduling and its run (Hangfire's queue) and the run itself.
var dispatch = await StageAsync("""SELECT "OccurredAtUtc", "ProcessedAtUtc" FROM labelling_outbox WHERE "Type" LIKE '%LabelGranted%' AND "ProcessedAtUtc" IS NOT NULL""");
foreach (var type in new[] { "communication-kit.deliver", "map.publish-pin" })
{
    var queued = await StageAsync($"""SELECT j."CreatedAtUtc", a."StartedAtUtc" FROM platform_jobs j JOIN platform_job_attempts a ON a."JobId" = j."Id" WHERE j."Type" = '{type}' AND a."Number" = 1""");
    var ran = await StageAsync($"""SELECT a."StartedAtUtc", a."FinishedAtUtc" FROM platform_jobs j JOIN platform_job_attempts a ON a."JobId" = j."Id" WHERE j."Type" = '{type}' AND a."Number" = 1""");
    Console.WriteLine($"  {type}: scheduled -> started {queued}; run {ran}");
}

Console.WriteLine($"  LabelGranted: committed -> dispatched {dispatch}");

async Task<string> StageAsync(string sql)
{
    var spans = (await database.ValuesAsync(sql, r => (r.GetDateTime(1) - r.GetDateTime(0)).TotalMilliseconds)).Order().ToList();
    return spans.Count == 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"p50 {spans[spans.Count / 2]:0} ms, p95 {spans[(int)Math.Ceiling(0.95 * spans.Count) - 1]:0} ms");
}

async Task<double> GrantAndWaitAsync(Guid eventId, int expected)
{
    var clock = Stopwatch.StartNew();
    (await moderator.PostAsJsonAsync($"/api/labelling/applications/{eventId}/grant", new { })).EnsureSuccessStatusCode();
    await Eventually.WaitAsync(
        async () =>
        {
            if (platform.Mails().Count < expected)
            {
                return false;
            }

            var map = await visitor.GetFromJsonAsync<JsonElement>(new Uri("/api/map/events", UriKind.Relative));
            return map.GetProperty("features").EnumerateArray().Any(f => f.GetProperty("id").GetGuid() == eventId);
        },
        $"mail and pin of {eventId}",
        TimeSpan.FromSeconds(60));
    return clock.Elapsed.TotalMilliseconds;
}
