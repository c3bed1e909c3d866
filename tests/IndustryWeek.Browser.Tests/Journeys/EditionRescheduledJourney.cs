using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static IndustryWeek.Browser.Tests.Journeys.JourneySteps;
using static Microsoft.Playwright.Assertions;

namespace IndustryWeek.Browser.Tests.Journeys;

/// <summary>
/// An administrator creates and publishes next year's edition in the browser; an organiser submits an
/// event in its March week; the edition is postponed to November, as 2020's was; the organiser is told by
/// mail, in French, and sees on their pages that the dates must change.
/// </summary>
[Collection(ChromiumTests.Name)]
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class EditionRescheduledJourney(Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string OrganiserEmail = "claire.dubois@fonderie-maubeuge.fr";
    private const string Title = "Portes ouvertes de la fonderie de Maubeuge";
    private const string Reason = "Report lié à la situation sanitaire : la semaine de mars ne peut pas se tenir.";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database);
        _address = _platform.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Journey_EditionCreatedPublishedThenPostponed_TheOrganiserWithAnEventOutsideTheNewDatesIsTold()
    {
        // Next March's week (this March's until February), registration open since yesterday; postponed to mid-November.
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var year = today.Month >= 3 ? today.Year + 1 : today.Year;
        var march = FirstMondayFrom(new DateOnly(year, 3, 20));
        var november = FirstMondayFrom(new DateOnly(year, 11, 15));
        var name = $"Semaine de l'industrie {year}";

        await using var administrator = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
        var page = administrator.Page;

        // 1. The new edition, from the administrator's menu, created as a draft then published.
        await SignInAsync(page, PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);
        await MenuAsync(page, "Éditions");
        await Expect(page.Locator("main")).ToContainTextAsync("Aucune édition n'est ouverte aux inscriptions aujourd'hui.");
        await page.Locator("main a[href='/admin/editions/nouvelle']").ClickAsync();
        await page.Locator("#Form_Number").FillAsync((year - 2010).ToString(CultureInfo.InvariantCulture));
        await page.Locator("#Form_Year").FillAsync(year.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#Form_Name").FillAsync(name);
        await page.Locator("#Form_Theme").FillAsync("Inventer un avenir durable");
        await page.Locator("#Form_ThemeDescription").FillAsync("L'engagement des industriels dans la transition écologique et l'économie circulaire.");
        await page.Locator("#Form_FocusTopics").FillAsync("Transition écologique\nMixité des métiers");
        await page.Locator("#Form_Hashtag").FillAsync("#SemaineIndustrie");
        await page.Locator("#Form_RegistrationOpens").FillAsync(Iso(today.AddDays(-1)));
        await page.Locator("#Form_MapVisibleFrom").FillAsync(Iso(today.AddDays(-1)));
        await FillScheduleAsync(page, march);
        await Screenshots.TakeAsync(page, "journey-10-new-edition.png");
        await page.Locator("main form button[type=submit]", new() { HasTextString = "Créer l'édition" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Expect(page.Locator("main .fr-badge").First).ToHaveTextAsync("Brouillon");
        await page.Locator("main form button", new() { HasTextString = "Publier" }).ClickAsync();
        await Expect(page.Locator("main .fr-alert--success")).ToHaveTextAsync("L'édition est publiée.");
        await Expect(page.Locator("main .fr-badge").First).ToHaveTextAsync("Publiée");
        await Expect(page.Locator("main")).ToContainTextAsync("Inscriptions ouvertes");
        await Expect(page.Locator("main dl")).ToContainTextAsync($"du {Day(march)} au {Day(march.AddDays(6))}");
        var editionPath = new Uri(page.Url).AbsolutePath;

        // 2. An organiser submits an event on the Tuesday of the March week (through the API: their own journey is the other one).
        await RegistrationKnowsTheEditionsAsync(_platform);
        var eventId = await SubmittedEventAsync(march.AddDays(1));

        // 3. Postponed: new dates and the reason.
        await page.Locator("main a", new() { HasTextString = "Reprogrammer" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Reprogrammer : {name}");
        await Expect(page.Locator("#Form_HeadlineWeekStart")).ToHaveValueAsync(Iso(march));
        await FillScheduleAsync(page, november);
        await page.Locator("#Form_Reason").FillAsync(Reason);
        await Screenshots.TakeAsync(page, "journey-11-reschedule.png");
        await page.Locator("main form button[type=submit]", new() { HasTextString = "Reprogrammer" }).ClickAsync();
        await Expect(page.Locator("main .fr-alert--success")).ToHaveTextAsync("L'édition est reprogrammée.");
        Assert.Equal(editionPath, new Uri(page.Url).AbsolutePath);
        var history = page.Locator("main table tbody tr");
        await Expect(history).ToHaveCountAsync(1);
        await Expect(history).ToContainTextAsync(Reason);
        await Expect(history).ToContainTextAsync(PlatformFactory.AdminEmail);
        await Expect(history).ToContainTextAsync($"semaine du {Day(march)} au {Day(march.AddDays(6))}");
        await Expect(history).ToContainTextAsync($"semaine du {Day(november)} au {Day(november.AddDays(6))}");
        await Screenshots.TakeAsync(page, "journey-12-rescheduled.png");
        Assert.Empty(administrator.RequestsElsewhere);
        Assert.Empty(administrator.Errors);

        // 4. The organiser's mail, in French, with the new dates and the session now outside them.
        MailFile? notice = null;
        await Eventually.WaitAsync(
            () => Task.FromResult((notice = _platform.Mails().Select(MailFile.Read)
                .FirstOrDefault(m => m.To.Contains(OrganiserEmail, StringComparison.Ordinal) && m.Subject.Contains("changez les dates", StringComparison.Ordinal))) is not null),
            "the organiser's rescheduling mail is written");
        Assert.Equal($"Semaine de l'industrie {year} : changez les dates de « {Title} »", notice!.Subject);
        Assert.Contains($"La {name} change de dates : elle a désormais lieu du {Day(november)} au {Day(november.AddDays(6))}.", notice.Body, StringComparison.Ordinal);
        Assert.Contains($"Motif : {Reason}", notice.Body, StringComparison.Ordinal);
        Assert.Contains($"- mardi {Day(march.AddDays(1))}, 9 h 00 – 12 h 00", notice.Body, StringComparison.Ordinal);
        Assert.Contains("Modifiez ses dates depuis votre espace organisateur", notice.Body, StringComparison.Ordinal);

        // 5. The organiser's pages say the same: on the list of their events, and on the event's page.
        await using var organiser = await RecordedPage.OpenAsync(chromium.Browser, _address, output);
        var space = organiser.Page;
        await SignInAsync(space, OrganiserEmail);
        await MenuAsync(space, "Mes événements");
        var warning = $"L'édition {year} a changé de dates : les séances doivent maintenant avoir lieu du {Day(november)} au {Day(november.AddDays(6))}. Modifiez les dates de votre événement.";
        await Expect(space.Locator("main .fr-callout")).ToContainTextAsync($"Les événements ont lieu du {Day(november)} au {Day(november.AddDays(6))}");
        await Expect(space.Locator("main table tbody tr")).ToContainTextAsync(warning);
        await space.Locator("main table tbody a", new() { HasTextString = Title }).ClickAsync();
        Assert.EndsWith($"/mon-espace/evenements/{eventId}", space.Url, StringComparison.Ordinal);
        var alert = space.Locator("main .fr-alert--warning");
        await Expect(alert.Locator(".fr-alert__title")).ToHaveTextAsync("Dates à revoir");
        await Expect(alert).ToContainTextAsync(warning);
        await Screenshots.TakeAsync(space, "journey-13-organiser-told.png");
        Assert.Empty(organiser.RequestsElsewhere);
        Assert.Empty(organiser.Errors);
    }

    /// <summary>The schedule's fields: the headline week from <paramref name="monday"/>, the same event period, registration closing 10 days before.</summary>
    private static async Task FillScheduleAsync(IPage page, DateOnly monday)
    {
        await page.Locator("#Form_HeadlineWeekStart").FillAsync(Iso(monday));
        await page.Locator("#Form_HeadlineWeekEnd").FillAsync(Iso(monday.AddDays(6)));
        await page.Locator("#Form_EventPeriodStart").FillAsync(Iso(monday));
        await page.Locator("#Form_EventPeriodEnd").FillAsync(Iso(monday.AddDays(6)));
        await page.Locator("#Form_RegistrationCloses").FillAsync(Iso(monday.AddDays(-10)));
    }

    /// <summary>An organiser of their own organisation, whose event on <paramref name="day"/> is submitted through the API.</summary>
    private async Task<Guid> SubmittedEventAsync(DateOnly day)
    {
        await _platform.CreateUserAsync(OrganiserEmail, Password, [PlatformRoles.Organiser]);
        using var client = await _platform.SignedInClientAsync(OrganiserEmail, Password);
        (await client.PutAsJsonAsync("/api/me/organisation", new
        {
            name = "Fonderie de Maubeuge",
            type = "IndustrialCompany",
            address = new { street = "12 rue des Forges", postalCode = "59600", city = "Maubeuge" },
            contactName = "Claire Dubois",
        })).EnsureSuccessStatusCode();
        var created = await client.PostAsJsonAsync("/api/events", new Dictionary<string, object?>
        {
            ["title"] = Title,
            ["description"] = "Coulée en direct, visite des ateliers de moulage et rencontre avec les apprentis fondeurs.",
            ["format"] = "OpenDay",
            ["audiences"] = new[] { "Pupils", "GeneralPublic" },
            ["sectors"] = new[] { "MiningAndMetallurgy" },
            ["topics"] = new[] { "Transition écologique" },
            ["sessions"] = new[] { new { start = $"{Iso(day)}T09:00", end = $"{Iso(day)}T12:00" } },
            ["location"] = new { mode = "OnSite", street = "12 rue des Forges", postalCode = "59600", inseeCode = "59392", latitude = 50.277, longitude = 3.973 },
            ["isFree"] = true,
            ["booking"] = new { required = false },
            ["publicContact"] = new { email = "visites@fonderie-maubeuge.fr" },
            ["accessible"] = true,
            ["aboutIndustry"] = true,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST /api/events: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var submitted = await client.PostAsync(new Uri($"/api/events/{id}/submit", UriKind.Relative), null);
        Assert.True(submitted.IsSuccessStatusCode, $"submit: {(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync()}");
        return id;
    }

    private static DateOnly FirstMondayFrom(DateOnly day)
    {
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>« 16 novembre 2020 », « 1er avril 2027 ».</summary>
    private static string Day(DateOnly day) =>
        (day.Day == 1 ? "1er" : day.Day.ToString(CultureInfo.InvariantCulture)) + " " + day.ToString("MMMM yyyy", French);
}
