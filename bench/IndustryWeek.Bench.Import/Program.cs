using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IndustryWeek.Shared;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

// dotnet run -c Release --project bench/IndustryWeek.Bench.Import -- [Sqlite|PostgreSql] [rows]
// One file of <rows> events (2,000 by default, the limit) made from the template's on-site example, each with its own
// reference and title: checked (dryRun=true), imported as drafts, then imported again (every row an update).
var provider = args.Length > 0 ? args[0] : "Sqlite";
var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
const string Email = "partenaire@agence-hdf.fr";
const string Password = "Mot-de-passe-2027";

await using var database = await TestDatabase.CreateAsync(provider);
await using var platform = new PlatformFactory(database);
await platform.Services.SeedDemoAsync(new DemoOptions(Events: 0)); // the upcoming edition, registration open
await Eventually.WaitAsync(
    async () => await database.ScalarAsync("""SELECT COUNT(*) FROM editions_outbox WHERE "ProcessedAtUtc" IS NULL""") == 0,
    "Registration received every edition", TimeSpan.FromSeconds(60));
await platform.CreateUserAsync(Email, Password, [PlatformRoles.Organiser]);
using var organiser = await platform.SignedInClientAsync(Email, Password);
(await organiser.PutAsJsonAsync("/api/me/organisation", new
{
    name = "Agence régionale HDF",
    type = "Association",
    address = new { street = "1 rue de l'Industrie", postalCode = "59300", city = "Valenciennes" },
    contactName = "Camille Martin",
})).EnsureSuccessStatusCode();

var template = Encoding.UTF8.GetString(await organiser.GetByteArrayAsync(new Uri("/api/events/import/template.csv", UriKind.Relative))).TrimStart('\uFEFF');
var lines = template.TrimEnd().Split("\r\n");
var file = new StringBuilder(lines[0]).Append("\r\n");
for (var i = 1; i <= rows; i++)
{
    file.Append(lines[1].Replace("VISITE-2027-001", $"VISITE-{i:00000}", StringComparison.Ordinal)
        .Replace("Visite de l'usine de Valenciennes", $"Visite de l'usine n° {i}", StringComparison.Ordinal)).Append("\r\n");
}

var bytes = Encoding.UTF8.GetBytes(file.ToString());
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: {rows} rows, {bytes.Length / 1024} KB"));

// A first small import, not measured (JIT, the first queries).
await ImportAsync(Encoding.UTF8.GetBytes(lines[0] + "\r\n" + lines[2] + "\r\n"), "");
await MeasureAsync("dry run", "?dryRun=true");
await MeasureAsync("import (created)", "");
await MeasureAsync("again (updated)", "");

async Task MeasureAsync(string what, string query)
{
    var clock = Stopwatch.StartNew();
    var report = await ImportAsync(bytes, query);
    clock.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what}: {clock.Elapsed.TotalSeconds:0.0} s ({rows / clock.Elapsed.TotalSeconds:0} rows/s): created {report.GetProperty("created")}, updated {report.GetProperty("updated")}, failed {report.GetProperty("failed")}"));
}

async Task<JsonElement> ImportAsync(byte[] csv, string query)
{
    var content = new ByteArrayContent(csv);
    content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
    using var form = new MultipartFormDataContent { { content, "file", "evenements.csv" } };
    var answer = await organiser.PostAsync(new Uri("/api/events/import" + query, UriKind.Relative), form);
    var body = await answer.Content.ReadAsStringAsync();
    return answer.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement : throw new InvalidOperationException($"{(int)answer.StatusCode} {body}");
}
