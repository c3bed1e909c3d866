using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IndustryWeek.Shared;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IndustryWeek.Browser.Tests.Registration;

/// <summary>
/// Issue 21, the page /mon-espace/import in chromium: an organiser reaches it from their events, downloads the
/// template, checks it (nothing saved), then imports it and sees the report; a bad row shows its French error.
/// </summary>
[Collection(ChromiumTests.Name)]
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class ImportEventsPageTests(Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string Email = "partenaire@agence-hdf.fr";
    private const string Password = "Mot-de-passe-2027";

    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database);
        _address = _platform.StartKestrel();
        await _platform.Services.SeedDemoAsync(new DemoOptions(Events: 0));
        await Eventually.WaitAsync(
            async () => await _database.ScalarAsync("""SELECT COUNT(*) FROM editions_outbox WHERE "ProcessedAtUtc" IS NULL""") == 0,
            "Registration received every edition (editions_outbox all processed)");
        await _platform.CreateUserAsync(Email, Password, [PlatformRoles.Organiser]);
        using var client = await _platform.SignedInClientAsync(Email, Password);
        var response = await client.PutAsJsonAsync("/api/me/organisation", new
        {
            name = "Agence régionale HDF",
            type = "Association",
            address = new { street = "1 rue de l'Industrie", postalCode = "59300", city = "Valenciennes" },
            contactName = "Camille Martin",
        });
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ImportPage_InChromium_ChecksTheTemplateThenImportsItAndShowsEachRowsOutcome()
    {
        await using var browser = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
        var page = browser.Page;
        await page.GotoAsync("/connexion");
        await page.Locator("main input[name=Email]").FillAsync(Email);
        await page.Locator("main input[name=Password]").FillAsync(Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("header")).ToContainTextAsync(Email);

        // From the organiser's events to the import page, and its template.
        await page.Locator("main a", new() { HasText = "Importer des événements" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Importer des événements");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("main a[download]").ClickAsync());
        Assert.Equal("modele-import-evenements.csv", download.SuggestedFilename);
        var template = await File.ReadAllBytesAsync((await download.PathAsync())!);

        // Checked first (the box is ticked by default): the report, and nothing saved.
        await Expect(page.Locator("#DryRun")).ToBeCheckedAsync();
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = "evenements.csv", MimeType = "text/csv", Buffer = template });
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#rapport")).ToContainTextAsync("rien n'a été enregistré");
        await Expect(page.Locator("#rapport")).ToContainTextAsync("2 événements seraient créés");
        Assert.Equal(0, await EventCountAsync());

        // Imported, with a bad third row: two events, each linked; the bad row's French error under its column.
        string[] badRow = ["BAD-3", "Atel", "Trop court.", "CompanyVisit", "Pupils", "Automotive", "", "2027-03-22T09:00", "OnSite", "", "59300", "", "59606", "", "", "", "oui", "", "", "", "", "", "", ""];
        var bad = Encoding.UTF8.GetString(template).TrimEnd() + "\r\n" + string.Join(';', badRow) + "\r\n";
        await page.Locator("label[for=DryRun]").ClickAsync(); // the DSFR draws its own box over the input
        await Expect(page.Locator("#DryRun")).Not.ToBeCheckedAsync();
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = "evenements.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#rapport")).ToContainTextAsync("Import terminé");
        var rows = page.Locator("main table").First.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0)).ToContainTextAsync("créé");
        await Expect(rows.Nth(1).Locator("a", new() { HasText = "Voir l'événement" })).ToBeVisibleAsync();
        await Expect(rows.Nth(2)).ToContainTextAsync("Le titre compte de 5 à 150 caractères.");
        await Expect(rows.Nth(2)).ToContainTextAsync("sessions[0].end");
        Assert.Equal(2, await EventCountAsync());
    }

    private async Task<int> EventCountAsync()
    {
        using var client = await _platform.SignedInClientAsync(Email, Password);
        return (await client.GetFromJsonAsync<JsonElement>("/api/events")).GetArrayLength();
    }
}
