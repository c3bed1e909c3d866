using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using IndustryWeek.Host.Tests.CommunicationKit;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Security;

/// <summary>
/// An organiser who writes markup in every text of the organisation and of an event that gets labelled: the
/// texts are stored as typed, and come out encoded everywhere (API JSON, the organiser's, moderators',
/// administrators' and public pages, the kit's PDFs and texts, the mails, the CSV exports): shown as text,
/// never taken for markup. The map's API and exports are covered by MapXssTests.
/// </summary>
public sealed partial class XssTests(XssScene scene) : IClassFixture<XssScene>
{
    /// <summary>The markup of the payloads, as it would appear if an output did not encode it.</summary>
    private static readonly string[] RawMarkup = ["<script>window.__xss", "<img src=x onerror", "<svg onload", "</textarea><svg"];

    [Fact]
    public async Task Api_json_gives_the_texts_back_as_typed_and_never_as_raw_markup()
    {
        string[] urls =
        [
            $"/api/events/{scene.EventId}", "/api/events", "/api/me/organisation",
        ];
        foreach (var url in urls)
        {
            NoRawMarkup(url, await scene.Organiser.GetStringAsync(new Uri(url, UriKind.Relative)));
        }

        foreach (var url in new[] { $"/api/labelling/applications/{scene.EventId}", "/api/labelling/applications?status=Granted", "/api/labelling/applications" })
        {
            NoRawMarkup(url, await scene.Moderator.GetStringAsync(new Uri(url, UriKind.Relative)));
        }

        NoRawMarkup("/api/kits/deliveries", await scene.Kit.Admin.GetStringAsync(new Uri("/api/kits/deliveries", UriKind.Relative)));

        // Decoded, the texts are the organiser's, unchanged.
        var saved = await scene.Organiser.GetFromJsonAsync<JsonElement>($"/api/events/{scene.EventId}");
        Assert.Equal(XssScene.Title, saved.GetProperty("title").GetString());
        Assert.Equal(XssScene.Description, saved.GetProperty("description").GetString());
        Assert.Equal(XssScene.Street, saved.GetProperty("location").GetProperty("street").GetString());
        var organisation = await scene.Organiser.GetFromJsonAsync<JsonElement>("/api/me/organisation");
        Assert.Equal(XssScene.OrganisationName, organisation.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Every_page_showing_the_texts_shows_them_as_text()
    {
        var id = scene.EventId;
        (PageSession Session, string Path)[] pages =
        [
            (scene.OrganiserPages, "/mon-espace"),
            (scene.OrganiserPages, $"/mon-espace/evenements/{id}"),
            (scene.OrganiserPages, $"/mon-espace/evenements/{id}/modifier"),
            (scene.OrganiserPages, $"/mon-espace/evenements/{id}/kit"),
            (scene.OrganiserPages, "/organisation"),
            (scene.ModeratorPages, "/moderation"),
            (scene.ModeratorPages, $"/moderation/demandes/{id}"),
            (scene.AdminPages, $"/moderation/demandes/{id}"),
            (scene.AdminPages, "/admin/kits"),
            (scene.AdminPages, "/admin/comptes"),
            (scene.Visitor, $"/evenements/{id}"),
            (scene.Visitor, "/carte"),
            (scene.Visitor, "/carte/integration"),
        ];
        var silent = new List<string>();
        foreach (var (session, path) in pages)
        {
            var page = await session.GetAsync(path);
            Assert.True(page.Response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)page.Response.StatusCode}");
            var html = await page.Response.Content.ReadAsStringAsync();
            NoRawMarkup(path, html);
            Assert.Empty(page.Document.QuerySelectorAll("[onerror], [onload], [onmouseover]").Select(e => $"{path}: {e.OuterHtml}"));
            Assert.All(page.Document.QuerySelectorAll("script:not([type='application/ld+json'])"), s => Assert.DoesNotContain("__xss", s.OuterHtml, StringComparison.Ordinal));
            // The public page's JSON-LD holds the texts as data, every « < » escaped: nothing in it can end the element.
            Assert.All(page.Document.QuerySelectorAll("script[type='application/ld+json']"), s => Assert.DoesNotContain("<", s.TextContent, StringComparison.Ordinal));
            if (!Shows(page.Document, XssScene.Title) && !Shows(page.Document, XssScene.OrganisationName))
            {
                silent.Add(path);
            }
        }

        // The texts are on the pages, as text (not dropped, which would also pass the checks above).
        Assert.True(silent.Count <= 4, $"the payloads are not shown as text on {string.Join(", ", silent)}");
        foreach (var path in new[] { $"/evenements/{id}", $"/mon-espace/evenements/{id}" })
        {
            var page = await (path.StartsWith("/mon-espace", StringComparison.Ordinal) ? scene.OrganiserPages : scene.Visitor).GetAsync(path);
            Assert.True(Shows(page.Document, XssScene.Title), $"{path} does not show the title as text");
            Assert.True(Shows(page.Document, XssScene.Description), $"{path} does not show the description as text");
        }
    }

    [Fact]
    public async Task Kit_pdfs_and_texts_show_the_markup_as_literal_text()
    {
        using var download = await scene.Organiser.GetAsync(new Uri($"/api/events/{scene.EventId}/kit", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var files = await KitScene.EntriesAsync(download);
        var directory = Directory.CreateTempSubdirectory("xss-kit-").FullName;
        try
        {
            foreach (var (name, content) in files.Where(f => f.Key.EndsWith(".pdf", StringComparison.Ordinal)))
            {
                var path = Path.Combine(directory, name);
                await File.WriteAllBytesAsync(path, content);
                var text = Collapse(PdfText(path));
                Assert.True(text.Contains("<script>window.__xss=1</script>", StringComparison.OrdinalIgnoreCase), $"{name} does not show the title's markup as text: {text}");
            }

            var press = KitScene.Text(files["communique-de-presse.txt"]);
            Assert.Contains(XssScene.Title, press, StringComparison.Ordinal); // plain text: the title as typed
            Assert.DoesNotContain(files.Keys, k => k.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || k.EndsWith(".htm", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Mails_never_carry_the_markup_as_html()
    {
        var files = scene.Kit.Platform.Mails();
        Assert.NotEmpty(files);
        var texts = new List<string>();
        foreach (var file in files)
        {
            using var message = MimeKit.MimeMessage.Load(file);
            var name = Path.GetFileName(file);

            // Every mail has both: the plain text a mail client can always show, and its HTML alternative with the texts encoded.
            Assert.NotNull(message.TextBody);
            Assert.NotNull(message.HtmlBody);
            NoRawMarkup(name, message.HtmlBody);
            texts.Add(message.TextBody);
        }

        // In the plain text the title is there as typed, and a mail client shows plain text as text.
        Assert.Contains(texts, t => t.Contains(XssScene.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Csv_exports_keep_the_text_and_defuse_the_formula()
    {
        var csv = await scene.Moderator.GetStringAsync(new Uri("/api/labelling/applications.csv", UriKind.Relative));
        NoFormula("applications.csv", csv);
        Assert.Contains("window.__xss=1", csv, StringComparison.Ordinal);

        using var visitor = scene.Kit.Platform.CreateClient();
        var mapCsv = await visitor.GetStringAsync(new Uri("/api/map/export.csv", UriKind.Relative));
        NoFormula("export.csv", mapCsv);
        Assert.Contains("window.__xss=1", mapCsv, StringComparison.Ordinal);
    }

    /// <summary>No cell starts with =, +, - or @ (the title starts with « =1+2 »): a spreadsheet would run it.</summary>
    private static void NoFormula(string what, string csv)
    {
        var cells = CsvCell().Matches(csv).Select(m => m.Groups[1].Value.Trim('"')).Where(c => c.Contains("Visite", StringComparison.Ordinal) && c.Contains("window.__xss", StringComparison.Ordinal)).ToList();
        Assert.True(cells.Count > 0, $"{what}: the title is not in the export: {csv[..Math.Min(500, csv.Length)]}");
        Assert.All(cells, c => Assert.False(c.Length > 0 && "=+-@".Contains(c[0], StringComparison.Ordinal), $"{what}: a cell starts with a formula: {c}"));
    }

    private static void NoRawMarkup(string what, string output)
    {
        foreach (var markup in RawMarkup)
        {
            var at = output.IndexOf(markup, StringComparison.OrdinalIgnoreCase);
            Assert.True(at < 0, $"{what} has raw markup « {markup} »: …{output[Math.Max(0, at - 100)..Math.Min(output.Length, at + 100)]}…");
        }
    }

    /// <summary>The text in the page's text or in a field's value, as a reader sees it.</summary>
    private static bool Shows(IDocument document, string text) =>
        Collapse(document.Body?.TextContent ?? "").Contains(Collapse(text), StringComparison.Ordinal)
        || document.QuerySelectorAll("input, textarea").Any(e => (e.GetAttribute("value") ?? e.TextContent).Contains(text, StringComparison.Ordinal));

    private static string Collapse(string text) => Whitespace().Replace(text, " ");

    private static string PdfText(string path)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        foreach (var argument in new[] { "-enc", "UTF-8", path, "-" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext (poppler-utils) did not start");
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?:^|;)(""(?:[^""]|"""")*""|[^;\r\n]*)", RegexOptions.Multiline)]
    private static partial Regex CsvCell();
}

/// <summary>
/// An organiser of Hauts-de-France whose organisation and event carry markup in every text; the event is labelled,
/// its kit mailed and its pin on the map.
/// </summary>
public sealed class XssScene : IAsyncLifetime
{
    public const string Title = "=1+2 Visite <script>window.__xss=1</script>";
    public const string Description = "Découverte <img src=x onerror=\"window.__xss=1\"> des ateliers « guillemets » \"doubles\" & 'simples' </textarea></title><svg onload=\"window.__xss=1\">";
    public const string Street = "1 rue <svg onload=\"window.__xss=1\"> de l'Industrie";
    public const string OrganisationName = "Alpha <script>window.__xss=1</script> SAS";
    public const string ContactName = "Camille <img src=x onerror=\"window.__xss=1\">";
    public const string OrganiserEmail = "organisatrice@xss.fr";

    internal KitScene Kit { get; private set; } = null!;

    public HttpClient Organiser { get; private set; } = null!;

    public HttpClient Moderator { get; private set; } = null!;

    public PageSession OrganiserPages { get; private set; } = null!;

    public PageSession ModeratorPages { get; private set; } = null!;

    public PageSession AdminPages { get; private set; } = null!;

    public PageSession Visitor { get; private set; } = null!;

    public Guid EventId { get; private set; }

    public async Task InitializeAsync()
    {
        Kit = await KitScene.StartAsync();
        await Kit.Platform.CreateUserAsync(OrganiserEmail, KitScene.Password, [PlatformRoles.Organiser]);
        Organiser = await Kit.Platform.SignedInClientAsync(OrganiserEmail, KitScene.Password);
        var saved = await Organiser.PutAsJsonAsync("/api/me/organisation", new
        {
            name = OrganisationName,
            type = "IndustrialCompany",
            address = new { street = Street, postalCode = "59300", city = "Valenciennes" },
            contactName = ContactName,
        });
        Assert.True(saved.IsSuccessStatusCode, $"organisation: {(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
        Moderator = await Kit.ModeratorAsync();

        var body = Kit.EventBody(Title, Description);
        body["location"] = new { mode = "OnSite", street = Street, postalCode = "59300", inseeCode = "59606", latitude = 50.357, longitude = 3.523 };
        var created = await Organiser.PostAsJsonAsync("/api/events", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST /api/events: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        EventId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.True((await Organiser.PostAsync(new Uri($"/api/events/{EventId}/submit", UriKind.Relative), null)).IsSuccessStatusCode, "submit");
        await Kit.DispatchAsync();
        await Kit.GrantAsync(EventId);
        await Kit.DispatchAsync();
        await Kit.WaitForDeliveryAsync(EventId, "label-v1", "Sent", TimeSpan.FromSeconds(60));
        using var visitor = Kit.Platform.CreateClient();
        await Eventually.WaitAsync(async () => await MapApi.FeatureAsync(visitor, EventId) is not null, "the event is on the map");

        OrganiserPages = await PageSession.SignedInAsync(Kit.Platform, OrganiserEmail, KitScene.Password);
        ModeratorPages = await PageSession.SignedInAsync(Kit.Platform, KitScene.ModeratorEmail, KitScene.Password);
        AdminPages = await PageSession.SignedInAsync(Kit.Platform);
        Visitor = PageSession.Anonymous(Kit.Platform);
    }

    public async Task DisposeAsync()
    {
        Organiser?.Dispose();
        Moderator?.Dispose();
        OrganiserPages?.Dispose();
        ModeratorPages?.Dispose();
        AdminPages?.Dispose();
        Visitor?.Dispose();
        await Kit.DisposeAsync();
    }
}
