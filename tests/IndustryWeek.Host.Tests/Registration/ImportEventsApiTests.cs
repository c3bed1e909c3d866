using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IndustryWeek.Host.Tests.CommunicationKit;
using IndustryWeek.Host.Tests.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Registration;

/// <summary>
/// Issue 21, the bulk import (API.md « Partners and open data »): a partner's CSV file becomes the organisation's
/// events, row by row, with the event API's own French field errors; importing it again updates; a dry run and a
/// refused file write nothing.
/// </summary>
public sealed class ImportEventsApiTests
{
    public static TheoryData<string> Providers() => TestDatabase.Providers();

    private const string Header = "externalId;title;description;format;audiences;sectors;sessions;location.mode;location.postalCode;location.inseeCode;location.latitude;location.longitude;location.onlineUrl;isFree";

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_OfTheTemplate_CreatesItsTwoEventsThenUpdatesThemWhenImportedAgain(string provider)
    {
        await using var scene = await KitScene.StartAsync(provider);
        using var organiser = await scene.OrganiserAsync("partenaire@agence-hdf.fr", "Agence régionale HDF");
        var template = await organiser.GetAsync(new Uri("/api/events/import/template.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal("text/csv", template.Content.Headers.ContentType?.MediaType);
        var bytes = await template.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith("\uFEFFexternalId;title;"u8), Encoding.UTF8.GetString(bytes));

        var first = await ImportAsync(organiser, bytes);
        Assert.Equal((2, 0, 0), Counts(first));
        var ids = first.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("eventId").GetGuid()).ToList();
        var events = await organiser.GetFromJsonAsync<JsonElement>("/api/events");
        Assert.Equal(2, events.GetArrayLength());
        Assert.All(events.EnumerateArray(), e => Assert.Equal("Draft", e.GetProperty("status").GetString()));
        var online = events.EnumerateArray().Single(e => e.GetProperty("location").GetProperty("mode").GetString() == "Online");
        Assert.Equal(2, online.GetProperty("sessions").GetArrayLength());

        // The same file again: the same two events, updated (the rows carry their externalId).
        var second = await ImportAsync(organiser, bytes);
        Assert.Equal((0, 2, 0), Counts(second));
        Assert.Equal(ids, second.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("eventId").GetGuid()).ToList());
        Assert.Equal(2, (await organiser.GetFromJsonAsync<JsonElement>("/api/events")).GetArrayLength());

        // Changed in the file, changed on the event.
        var changed = Encoding.UTF8.GetString(bytes).Replace("Visite de l'usine de Valenciennes", "Visite de l'usine, nouvel horaire", StringComparison.Ordinal);
        Assert.Equal((0, 2, 0), Counts(await ImportAsync(organiser, Encoding.UTF8.GetBytes(changed))));
        var visit = await organiser.GetFromJsonAsync<JsonElement>($"/api/events/{ids[0]}");
        Assert.Equal("Visite de l'usine, nouvel horaire", visit.GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_WhenDryRun_ReportsEveryRowAndWritesNothing(string provider)
    {
        await using var scene = await KitScene.StartAsync(provider);
        using var organiser = await scene.OrganiserAsync("partenaire@agence-hdf.fr", "Agence régionale HDF");
        var template = await organiser.GetByteArrayAsync(new Uri("/api/events/import/template.csv", UriKind.Relative));
        var before = await DatabaseSnapshot.TakeAsync(scene.Database);

        var report = await ImportAsync(organiser, template, "?dryRun=true&submit=true");

        Assert.Equal((2, 0, 0), Counts(report));
        Assert.All(report.GetProperty("rows").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("eventId").ValueKind));
        Assert.Empty((await DatabaseSnapshot.TakeAsync(scene.Database)).ChangesSince(before));
        Assert.Equal(0, (await organiser.GetFromJsonAsync<JsonElement>("/api/events")).GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_WhenOneRowIsBad_SavesTheOthersAndGivesTheEventApisFieldErrors(string provider)
    {
        await using var scene = await KitScene.StartAsync(provider);
        using var organiser = await scene.OrganiserAsync("partenaire@agence-hdf.fr", "Agence régionale HDF");
        var day = scene.SessionDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = string.Join("\r\n",
            Header,
            $"A1;Visite de l'atelier de soudure;Les soudeurs montrent leur métier aux collégiens du bassin.;CompanyVisit;Pupils;Automotive;{day}T09:00/{day}T12:00;OnSite;59300;59606;50.357;3.523;;oui",
            $"A2;Visite ratée;Une ligne aux erreurs que l'API des événements nomme.;CompanyVisit;Pupils;Automotive;{day}T09:00/{day}T25:00;OnSite;5930;;;;;peut-être",
            $"A3;Visite sans coordonnées;La commune suffit : son centre place l'événement sur la carte.;CompanyVisit;Pupils|Teachers;Automotive;{day}T14:00/{day}T16:00;OnSite;59300;59606;;;;non",
            "");

        var report = await ImportAsync(organiser, Encoding.UTF8.GetBytes(csv), "?submit=true");

        Assert.True(Counts(report) == (2, 0, 1), report.ToString());
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([2, 3, 4], rows.Select(r => r.GetProperty("row").GetInt32()));
        Assert.Equal(["created", "error", "created"], rows.Select(r => r.GetProperty("outcome").GetString()));
        var errors = rows[1].GetProperty("errors");
        Assert.Equal("A2", rows[1].GetProperty("externalId").GetString());

        // The same mistakes through POST /api/events: the same fields, the same French messages.
        var body = scene.EventBody("Visite ratée");
        body["sessions"] = new[] { new { start = $"{day}T09:00", end = $"{day}T25:00" } };
        body["location"] = new { mode = "OnSite", postalCode = "5930", latitude = 50.357, longitude = 3.523 };
        var api = await (await organiser.PostAsJsonAsync("/api/events", body)).Content.ReadFromJsonAsync<JsonElement>();
        foreach (var field in new[] { "sessions[0].end", "location.postalCode" })
        {
            Assert.Equal(api.GetProperty("errors").GetProperty(field).ToString(), errors.GetProperty(field).ToString());
        }

        Assert.Equal("« peut-être » n'est pas oui ou non.", errors.GetProperty("isFree")[0].GetString());
        var events = await organiser.GetFromJsonAsync<JsonElement>("/api/events");
        Assert.Equal(2, events.GetArrayLength());
        Assert.All(events.EnumerateArray(), e => Assert.Equal("Submitted", e.GetProperty("status").GetString()));
        var placed = events.EnumerateArray().Single(e => e.GetProperty("title").GetString() == "Visite sans coordonnées").GetProperty("location");
        Assert.Equal("Valenciennes", placed.GetProperty("city").GetString());
        Assert.InRange(placed.GetProperty("latitude").GetDouble(), 50.3, 50.4);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_OfAWithdrawnEventsReference_IsRefusedOnItsRowAsTheApisUpdateIs(string provider)
    {
        await using var scene = await KitScene.StartAsync(provider);
        using var organiser = await scene.OrganiserAsync("partenaire@agence-hdf.fr", "Agence régionale HDF");
        var template = await organiser.GetByteArrayAsync(new Uri("/api/events/import/template.csv", UriKind.Relative));
        var created = await ImportAsync(organiser, template);
        var withdrawn = created.GetProperty("rows")[0].GetProperty("eventId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await organiser.PostAsync(new Uri($"/api/events/{withdrawn}/withdraw", UriKind.Relative), null)).StatusCode);

        var again = await ImportAsync(organiser, template);

        Assert.Equal((0, 1, 1), Counts(again));
        Assert.Equal("Un événement au statut « Retiré » ne peut plus être modifié.", again.GetProperty("rows")[0].GetProperty("errors").GetProperty("row")[0].GetString());
        Assert.Equal(2, (await organiser.GetFromJsonAsync<JsonElement>("/api/events")).GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_OfAFileItCannotTake_IsRefusedInFrenchAndWritesNothing(string provider)
    {
        await using var scene = await KitScene.StartAsync(provider);
        using var organiser = await scene.OrganiserAsync("partenaire@agence-hdf.fr", "Agence régionale HDF");
        var template = await organiser.GetByteArrayAsync(new Uri("/api/events/import/template.csv", UriKind.Relative));
        var lines = Encoding.UTF8.GetString(template).Split("\r\n");
        var tooMany = string.Join("\r\n", new[] { lines[0] }.Concat(Enumerable.Range(0, 2_001).Select(i => lines[1].Replace("VISITE-2027-001", $"V{i}", StringComparison.Ordinal))));
        var before = await DatabaseSnapshot.TakeAsync(scene.Database);

        (string What, HttpContent Content, HttpStatusCode Status, string Message)[] cases =
        [
            ("2,001 rows", File(Encoding.UTF8.GetBytes(tooMany)), HttpStatusCode.BadRequest, "plus de 2 000 lignes"),
            ("over 5 MB", File(Encoding.UTF8.GetBytes(lines[0] + "\r\n" + new string('x', 5 * 1024 * 1024))), HttpStatusCode.RequestEntityTooLarge, "dépasse 5 Mo"),
            ("empty file", File([]), HttpStatusCode.BadRequest, "Le fichier est vide"),
            ("header only", File(Encoding.UTF8.GetBytes(lines[0] + "\r\n")), HttpStatusCode.BadRequest, "aucune ligne d'événement"),
            ("missing columns", File(Encoding.UTF8.GetBytes("title;description\r\nVisite;Une visite de l'usine de Valenciennes.\r\n")), HttpStatusCode.BadRequest, "Il manque ces colonnes : format, audiences"),
            ("unknown column", File(Encoding.UTF8.GetBytes(lines[0] + ";titre\r\n" + lines[1] + ";x\r\n")), HttpStatusCode.BadRequest, "La colonne « titre » n'existe pas"),
            ("Latin-1", File(Encoding.Latin1.GetBytes(string.Join("\r\n", lines))), HttpStatusCode.BadRequest, "n'est pas encodé en UTF-8"),
            ("a workbook", File([.. "PK\u0003\u0004"u8, .. new byte[100]]), HttpStatusCode.BadRequest, "pas un CSV"),
            ("an image", File([0x89, 0x50, 0x4E, 0x47], "image/png"), HttpStatusCode.BadRequest, "n'est pas un CSV"),
            ("no file field", new MultipartFormDataContent { { new StringContent("x"), "autre" } }, HttpStatusCode.BadRequest, "Joignez le fichier CSV"),
            ("JSON", JsonContent.Create(new { file = "x" }), HttpStatusCode.UnsupportedMediaType, "multipart/form-data"),
        ];
        foreach (var (what, content, status, message) in cases)
        {
            var answer = await organiser.PostAsync(new Uri("/api/events/import", UriKind.Relative), content);
            var text = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.StatusCode == status, $"{what}: {(int)answer.StatusCode} {text[..Math.Min(300, text.Length)]}");
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            Assert.True(System.Text.RegularExpressions.Regex.Unescape(text).Contains(message, StringComparison.Ordinal), $"{what}: {text}");
        }

        Assert.Empty((await DatabaseSnapshot.TakeAsync(scene.Database)).ChangesSince(before));
    }

    [Fact]
    public async Task Import_OfAReferenceTwiceInOneFile_KeepsTheFirstRowAndRefusesTheSecond()
    {
        await using var scene = await KitScene.StartAsync();
        using var organiser = await scene.OrganiserAsync("partenaire@agence-hdf.fr", "Agence régionale HDF");
        var lines = Encoding.UTF8.GetString(await organiser.GetByteArrayAsync(new Uri("/api/events/import/template.csv", UriKind.Relative))).TrimEnd().Split("\r\n");

        var report = await ImportAsync(organiser, Encoding.UTF8.GetBytes(string.Join("\r\n", lines[0], lines[1], lines[1].Replace("Visite de l'usine", "Autre visite de l'usine", StringComparison.Ordinal)) + "\r\n"));

        Assert.Equal((1, 0, 1), Counts(report));
        Assert.Equal("La référence « VISITE-2027-001 » est déjà celle de la ligne 2 de ce fichier.", report.GetProperty("rows")[1].GetProperty("errors").GetProperty("externalId")[0].GetString());
        Assert.Equal("Visite de l'usine de Valenciennes", (await organiser.GetFromJsonAsync<JsonElement>("/api/events"))[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Import_ByAnOrganiserWithoutOrganisation_IsRefusedAsCreatingAnEventIs()
    {
        await using var scene = await KitScene.StartAsync();
        await scene.Platform.CreateUserAsync("seul@exemple.fr", KitScene.Password, [IndustryWeek.Shared.Security.PlatformRoles.Organiser]);
        using var alone = await scene.Platform.SignedInClientAsync("seul@exemple.fr", KitScene.Password);
        var template = await alone.GetByteArrayAsync(new Uri("/api/events/import/template.csv", UriKind.Relative));

        var answer = await alone.PostAsync(new Uri("/api/events/import", UriKind.Relative), File(template));
        var created = await alone.PostAsJsonAsync("/api/events", scene.EventBody());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        Assert.Equal(created.StatusCode, answer.StatusCode);
        Assert.Equal((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(),
            (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    internal static MultipartFormDataContent File(byte[] content, string type = "text/csv")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, "file", "evenements.csv" } };
    }

    internal static async Task<JsonElement> ImportAsync(HttpClient organiser, byte[] csv, string query = "")
    {
        var answer = await organiser.PostAsync(new Uri("/api/events/import" + query, UriKind.Relative), File(csv));
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"import: {(int)answer.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static (int Created, int Updated, int Failed) Counts(JsonElement report) =>
        (report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32(), report.GetProperty("failed").GetInt32());
}
