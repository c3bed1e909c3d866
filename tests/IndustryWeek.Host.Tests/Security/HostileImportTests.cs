using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IndustryWeek.Host.Tests.CommunicationKit;
using IndustryWeek.Host.Tests.Registration;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Security;

/// <summary>
/// Issue 21, hostile CSV files to POST /api/events/import, on SQLite and PostgreSQL (where a NUL is not text): a
/// cell with a NUL, a control character, 100,000 characters or a million sessions is its row's French field error
/// and writes nothing; a file that is not a CSV is a French problem and writes nothing; formulas, markup and SQL
/// in the texts are kept as typed (the pages encode them, the open-data CSV defuses formulas). Never a 5xx.
/// </summary>
public sealed class HostileImportTests
{
    public static TheoryData<string> Providers() => TestDatabase.Providers();

    private const string Formula = "=HYPERLINK(\"http://evil.example\";\"clic\")";
    private const string Markup = "<script>alert('xss')</script><img src=x onerror=\"alert(1)\">";

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Hostile_csv_files_never_fail_and_bad_cells_are_their_rows_French_errors(string provider)
    {
        await using var scene = await KitScene.StartAsync(provider);
        using var organiser = await scene.OrganiserAsync(AuthorizationScene.OrganiserAEmail, AuthorizationScene.OrganisationA);
        var template = Encoding.UTF8.GetString(await organiser.GetByteArrayAsync(new Uri("/api/events/import/template.csv", UriKind.Relative))).TrimStart('\uFEFF');
        var lines = template.TrimEnd().Split("\r\n");
        var header = lines[0].Split(';');
        string Row(params (string Column, string Value)[] cells)
        {
            var row = Cells(lines[1]);
            foreach (var (column, value) in cells)
            {
                row[Array.IndexOf(header, column)] = "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            }

            return string.Join(';', row);
        }

        // (what, file, the column its row's error names; null: a problem for the whole file)
        (string What, byte[] File, string? Column)[] refused =
        [
            ("a NUL in the title", Csv(lines[0], Row(("title", "Visite\0de l'usine"))), "title"),
            ("a NUL in the reference", Csv(lines[0], Row(("externalId", "A\0B"))), "externalId"),
            ("a line break in the title", Csv(lines[0], Row(("title", "Visite\r\nBcc: victime@exemple.fr"))), "title"),
            ("a 100,000-character title", Csv(lines[0], Row(("title", HostileRequests.Huge))), "title"),
            ("a 4 MB description", Csv(lines[0], Row(("description", new string('d', 4_000_000)))), "description"),
            ("a million sessions", Csv(lines[0], Row(("sessions", string.Concat(Enumerable.Repeat("x|", 1_000_000))))), "sessions"),
            ("a 200-character reference", Csv(lines[0], Row(("externalId", new string('r', 200)))), "externalId"),
            ("a formula as the format", Csv(lines[0], Row(("format", Formula))), "format"),
            ("a stray quote", Csv(lines[0], lines[1].Replace(";Visite de l'usine", ";Visite \"de\" l'usine", StringComparison.Ordinal)), "row"),
            ("10,000 cells in a row", Csv(lines[0], lines[1] + string.Concat(Enumerable.Repeat(";x", 10_000))), "row"),
            ("a NUL in the header", Csv(lines[0].Replace("title", "ti\0tle", StringComparison.Ordinal), lines[1]), null),
            ("markup as a column name", Csv(lines[0] + ";" + Markup, lines[1]), null),
            ("UTF-16", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(template)], null),
            ("binary", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 256))], null),
            ("only separators", Csv(";;;;", ";;;;"), null),
        ];
        var before = await DatabaseSnapshot.TakeAsync(scene.Database);
        var failures = new List<string>();
        foreach (var (what, file, column) in refused)
        {
            var (status, body) = await SendAsync(organiser, file);
            if (column is null)
            {
                Check(failures, what, status == 400 && body.RootElement.GetProperty("errors").TryGetProperty("file", out _), status, body);
            }
            else
            {
                var row = status == 200 ? body.RootElement.GetProperty("rows")[0] : default;
                Check(failures, what, status == 200 && row.GetProperty("outcome").GetString() == "error" && row.GetProperty("errors").TryGetProperty(column, out _), status, body);
            }

            if (status == 200 && body.RootElement.GetProperty("rows").EnumerateArray().SelectMany(r => r.GetProperty("errors") is { ValueKind: JsonValueKind.Object } e ? e.EnumerateObject() : [])
                    .SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString()!).FirstOrDefault(m => HostileRunner.EnglishWords().IsMatch(m) || m.Length > 1_000) is { } odd)
            {
                failures.Add($"{what}: a message not in French, or echoing the cell: {odd[..Math.Min(200, odd.Length)]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Empty((await DatabaseSnapshot.TakeAsync(scene.Database)).ChangesSince(before));

        // Formulas, markup and SQL are texts an organiser may type: kept as typed, never run.
        var kept = Csv(lines[0],
            Row(("externalId", "'; DROP TABLE registration_events; --"), ("title", Formula), ("description", Markup + " Une visite pour les collégiens."), ("location.street", "@SUM(1+1)*cmd|' /C calc'!A0")),
            lines[2]);
        var (accepted, report) = await SendAsync(organiser, kept);
        Assert.True(accepted == 200, report.RootElement.ToString());
        Assert.Equal(2, report.RootElement.GetProperty("created").GetInt32());
        var id = report.RootElement.GetProperty("rows")[0].GetProperty("eventId").GetGuid();
        var saved = await organiser.GetFromJsonAsync<JsonElement>($"/api/events/{id}");
        Assert.Equal(Formula, saved.GetProperty("title").GetString());
        Assert.StartsWith(Markup, saved.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("@SUM(1+1)*cmd|' /C calc'!A0", saved.GetProperty("location").GetProperty("street").GetString());
    }

    private static void Check(List<string> failures, string what, bool passed, int status, JsonDocument body)
    {
        if (!passed)
        {
            var text = body.RootElement.ToString();
            failures.Add($"{what}: {status} {text[..Math.Min(400, text.Length)]}");
        }
    }

    private static async Task<(int Status, JsonDocument Body)> SendAsync(HttpClient organiser, byte[] file)
    {
        var answer = await organiser.PostAsync(new Uri("/api/events/import", UriKind.Relative), ImportEventsApiTests.File(file));
        var status = (int)answer.StatusCode;
        Assert.True(status < 500, $"{status}: {await answer.Content.ReadAsStringAsync()}");
        Assert.True(status == 200 || answer.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{status} as {answer.Content.Headers.ContentType}");
        return (status, JsonDocument.Parse(await answer.Content.ReadAsStringAsync()));
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    /// <summary>The template's cells (none of its examples holds a quoted « ; »).</summary>
    private static string[] Cells(string line) => line.Split(';');
}
