using System.Net;
using IndustryWeek.Shared;
using IndustryWeek.Shared.Security;
using AngleSharp.Dom;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Editions;

/// <summary>The administrator's edition pages: who gets in, and each form as a person fills it in.</summary>
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class EditionsPagesTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database, new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false" });
        await _platform.CreateUserAsync("organisatrice@usine-exemple.fr", "Mot-de-passe-2020", [PlatformRoles.Organiser]);
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("/admin/editions")]
    [InlineData("/admin/editions/nouvelle")]
    public async Task AdminPage_WhenAnonymous_RedirectsToSignIn(string path)
    {
        using var anonymous = PageSession.Anonymous(_platform);

        var page = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, page.Response.StatusCode);
        Assert.Equal($"/connexion?ReturnUrl={Uri.EscapeDataString(path)}", page.Response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task AdminPage_WhenOrganiser_RedirectsToAccessDenied()
    {
        using var organiser = await PageSession.SignedInAsync(_platform, "organisatrice@usine-exemple.fr", "Mot-de-passe-2020");

        var page = await organiser.GetAsync("/admin/editions");

        Assert.Equal(HttpStatusCode.Redirect, page.Response.StatusCode);
        Assert.StartsWith("/acces-refuse", page.Response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WhenPasswordWrong_ShowsAFrenchMessageAndStaysAnonymous()
    {
        using var session = PageSession.Anonymous(_platform);
        var form = await session.GetAsync("/connexion");

        var answer = await session.SubmitAsync(form, "main form", new() { ["Email"] = PlatformFactory.AdminEmail, ["Password"] = "mauvais-mot-de-passe" });

        Assert.Equal(HttpStatusCode.OK, answer.Response.StatusCode);
        Assert.Equal("Adresse électronique ou mot de passe incorrect.", answer.Document.QuerySelector(".fr-alert--error .fr-alert__title")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/admin/editions")).Response.StatusCode);
    }

    [Fact]
    public async Task EditionsList_AfterSeedDemo_ShowsEachEditionWithItsStatusAndDates()
    {
        await _platform.Services.SeedDemoAsync();
        using var admin = await PageSession.SignedInAsync(_platform);

        var page = await admin.GetAsync("/admin/editions");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        var rows = page.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(4, rows.Count); // the upcoming demo edition, then the three real ones
        Assert.Contains("Publiée", rows[0]);
        Assert.Contains("Semaine de l'industrie 2020", rows[1]);
        Assert.Contains("du 16 novembre 2020 au 22 novembre 2020", rows[1]);
        Assert.Contains("Clôturée", rows[1]);
        Assert.Contains("du 1er décembre 2016 au 6 mars 2017", rows[3]);
        Assert.DoesNotContain("Aucune édition n'est ouverte aux inscriptions aujourd'hui.", page.Document.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task NewEdition_WhenFieldsAreWrong_ShowsEachFrenchErrorUnderItsFieldAndCreatesNothing()
    {
        using var admin = await PageSession.SignedInAsync(_platform);
        var form = await admin.GetAsync("/admin/editions/nouvelle");

        var answer = await admin.SubmitAsync(form, "main form", new()
        {
            ["Form.Number"] = "10",
            ["Form.Year"] = "2020",
            ["Form.Name"] = "Semaine de l'industrie 2020",
            ["Form.Theme"] = "",
            ["Form.HeadlineWeekStart"] = "2020-04-06",
            ["Form.HeadlineWeekEnd"] = "2020-04-05",
            ["Form.EventPeriodStart"] = "2020-03-30",
            ["Form.EventPeriodEnd"] = "2020-04-05",
            ["Form.RegionalPeriods[0].RegionCode"] = "32",
            ["Form.RegionalPeriods[0].Start"] = "2020-04-19",
            ["Form.RegionalPeriods[0].End"] = "2020-03-16",
            ["Form.RegistrationOpens"] = "2019-12-02",
            ["Form.RegistrationCloses"] = "2020-04-10",
            ["Form.MapVisibleFrom"] = "2020-02-01",
        });

        Assert.Equal(HttpStatusCode.OK, answer.Response.StatusCode);
        var errors = answer.FieldErrors;
        Assert.Equal("Le thème est obligatoire.", errors["Form_Theme"]);
        Assert.Equal("La fin de la semaine phare doit être postérieure ou égale à son début.", errors["Form_HeadlineWeekEnd"]);
        Assert.Equal("La fin de la période régionale doit être postérieure ou égale à son début.", errors["Form_RegionalPeriods_0__End"]);
        Assert.Equal("Les inscriptions doivent se clôturer au plus tard le dernier jour de la période des événements (5 avril 2020).", errors["Form_RegistrationCloses"]);
        Assert.Contains("Le formulaire contient 4 erreurs", answer.Document.QuerySelector("#erreurs")!.TextContent);
        Assert.Equal("Semaine de l'industrie 2020", answer.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Form_Name")!.Value);
        Assert.Equal(0, await _database.ScalarAsync("SELECT COUNT(*) FROM editions_editions"));
    }

    [Fact]
    public async Task EditionJourney_CreatePublishReschedule_ShowsTheNewDatesAndTheHistory()
    {
        using var admin = await PageSession.SignedInAsync(_platform);
        var form = await admin.GetAsync("/admin/editions/nouvelle");

        var created = await admin.SubmitAsync(form, "main form", new()
        {
            ["Form.Number"] = "10",
            ["Form.Year"] = "2020",
            ["Form.Name"] = "Semaine de l'industrie 2020",
            ["Form.Theme"] = "Inventer un avenir durable",
            ["Form.FocusTopics"] = "Transition écologique\nÉconomie circulaire\nMixité des métiers",
            ["Form.HeadlineWeekStart"] = "2020-03-30",
            ["Form.HeadlineWeekEnd"] = "2020-04-05",
            ["Form.EventPeriodStart"] = "2020-03-30",
            ["Form.EventPeriodEnd"] = "2020-04-05",
            ["Form.RegionalPeriods[1].RegionCode"] = "32",
            ["Form.RegionalPeriods[1].Start"] = "2020-03-16",
            ["Form.RegionalPeriods[1].End"] = "2020-04-19",
            ["Form.RegistrationOpens"] = "2019-12-02",
            ["Form.RegistrationCloses"] = "2020-03-20",
            ["Form.MapVisibleFrom"] = "2020-02-01",
        });
        var detail = await admin.FollowAsync(created);
        Assert.Contains("Brouillon", detail.Document.QuerySelector("main")!.TextContent);
        Assert.Contains("Période en Hauts-de-France", detail.Document.QuerySelector("dl")!.TextContent);
        Assert.Equal(["Transition écologique", "Économie circulaire", "Mixité des métiers"], detail.Document.QuerySelectorAll(".fr-tag").Select(t => t.TextContent));
        Assert.Null(detail.Document.QuerySelector("#dashboard-link")); // nothing can be submitted to a draft

        var published = await admin.FollowAsync(await admin.SubmitAsync(detail, "form[action*='handler=Publish']"));
        Assert.Contains("L'édition est publiée.", published.Document.QuerySelector(".fr-alert--success")!.TextContent);
        Assert.Contains("Publiée", published.Document.QuerySelector(".fr-badge")!.TextContent);
        Assert.Equal($"{detail.Path}/tableau-de-bord", published.Document.QuerySelector("#dashboard-link")!.GetAttribute("href"));

        var reschedule = await admin.GetAsync($"{detail.Path}/reprogrammer");
        var withoutReason = await admin.SubmitAsync(reschedule, "main form", new() { ["Form.HeadlineWeekStart"] = "2020-11-16" });
        Assert.Equal("Le motif de la reprogrammation est obligatoire.", withoutReason.FieldErrors["Form_Reason"]);
        var rescheduled = await admin.SubmitAsync(reschedule, "main form", new()
        {
            ["Form.HeadlineWeekStart"] = "2020-11-16",
            ["Form.HeadlineWeekEnd"] = "2020-11-22",
            ["Form.EventPeriodStart"] = "2020-11-16",
            ["Form.EventPeriodEnd"] = "2020-11-22",
            ["Form.RegionalPeriods[0].RegionCode"] = "",
            ["Form.RegionalPeriods[0].Start"] = "",
            ["Form.RegionalPeriods[0].End"] = "",
            ["Form.RegistrationCloses"] = "2020-11-13",
            ["Form.Reason"] = "Report lié à la crise sanitaire (Covid-19).",
        });
        var after = await admin.FollowAsync(rescheduled);

        Assert.Contains("L'édition est reprogrammée.", after.Document.QuerySelector(".fr-alert--success")!.TextContent);
        Assert.Contains("du 16 novembre 2020 au 22 novembre 2020", after.Document.QuerySelector("dl")!.TextContent);
        Assert.DoesNotContain("Hauts-de-France", after.Document.QuerySelector("dl")!.TextContent);
        var history = Assert.Single(after.Document.QuerySelectorAll("table tbody tr"));
        Assert.Contains("Report lié à la crise sanitaire (Covid-19).", history.TextContent);
        Assert.Contains("du 30 mars 2020 au 5 avril 2020", history.TextContent);
        Assert.Equal(1, await _database.ScalarAsync("""SELECT COUNT(*) FROM editions_outbox WHERE "Type" LIKE '%EditionRescheduled%'"""));
    }

    [Fact]
    public async Task EditEdition_WhenThemeChangedOnTheForm_ShowsTheNewThemeAndRefusesBadDates()
    {
        await _platform.Services.SeedDemoAsync();
        using var admin = await PageSession.SignedInAsync(_platform);
        var list = await admin.GetAsync("/admin/editions");
        var detail = list.Document.QuerySelectorAll("tbody tr a").Single(a => a.TextContent.Contains("2018", StringComparison.Ordinal)).GetAttribute("href")!;
        await admin.SubmitAsync(await admin.GetAsync(detail), "form[action*='handler=Archive']");
        var closedEdit = await admin.SubmitAsync(await admin.GetAsync($"{detail}/modifier"), "main form", new() { ["Form.Theme"] = "L'industrie connectée et durable" });
        Assert.Contains("Une édition clôturée ou archivée ne peut plus être modifiée.", closedEdit.Document.QuerySelector("#erreurs")!.TextContent);

        var form = await admin.GetAsync("/admin/editions/nouvelle");
        var created = await admin.FollowAsync(await admin.SubmitAsync(form, "main form", new()
        {
            ["Form.Number"] = "11", ["Form.Year"] = "2021", ["Form.Name"] = "Semaine de l'industrie 2021", ["Form.Theme"] = "L'industrie, c'est notre avenir",
            ["Form.HeadlineWeekStart"] = "2021-11-22", ["Form.HeadlineWeekEnd"] = "2021-11-28", ["Form.EventPeriodStart"] = "2021-11-22",
            ["Form.EventPeriodEnd"] = "2021-11-28", ["Form.RegistrationOpens"] = "2021-06-01", ["Form.RegistrationCloses"] = "2021-11-19", ["Form.MapVisibleFrom"] = "2021-09-01",
        }));
        var edit = await admin.GetAsync($"{created.Path}/modifier");
        Assert.Equal("L'industrie, c'est notre avenir", edit.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Form_Theme")!.Value);

        var badDates = await admin.SubmitAsync(edit, "main form", new() { ["Form.RegistrationCloses"] = "2021-12-01" });
        var saved = await admin.FollowAsync(await admin.SubmitAsync(edit, "main form", new() { ["Form.Theme"] = "Fabriquer l'avenir" }));

        Assert.Equal("Les inscriptions doivent se clôturer au plus tard le dernier jour de la période des événements (28 novembre 2021).", badDates.FieldErrors["Form_RegistrationCloses"]);
        Assert.Equal("Thème : Fabriquer l'avenir", saved.Document.QuerySelector("main h2")!.TextContent.Trim());
    }
}
