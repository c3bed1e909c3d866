using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using IndustryWeek.Shared;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Registration;

/// <summary>The organiser space, used as a person without JavaScript would: dashboard, event form, event page, lifecycle buttons.</summary>
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class EventPagesTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string Password = "Mot-de-passe-2027";

    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database);

        // The real editions, and the upcoming one open for registration (its outbox reaches Registration).
        await _platform.Services.SeedDemoAsync(new DemoOptions(Events: 0));
        await _platform.CreateUserAsync("a@usine-a.fr", Password, [PlatformRoles.Organiser]);
        await _platform.CreateUserAsync("b@usine-b.fr", Password, [PlatformRoles.Organiser]);
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Dashboard_WhenNoOrganisationYet_AsksToDescribeItFirst()
    {
        using var organiser = await PageSession.SignedInAsync(_platform, "a@usine-a.fr", Password);

        var dashboard = await organiser.GetAsync("/mon-espace");

        Assert.Equal(HttpStatusCode.OK, dashboard.Response.StatusCode);
        Assert.Contains("Décrivez d'abord votre organisation", dashboard.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventForm_WhenFilledIn_ShowsFrenchErrorsThenCreatesTheDraftAndSubmitsIt()
    {
        await DescribeOrganisationAsync("a@usine-a.fr", "Usine A");
        using var organiser = await PageSession.SignedInAsync(_platform, "a@usine-a.fr", Password);
        var form = await organiser.GetAsync("/mon-espace/evenements/nouveau");
        var day = Day(form);

        var empty = await organiser.SubmitAsync(form, "#event-form");
        var ambiguous = await organiser.SubmitAsync(form, "#event-form", Filled(day, postalCode: "59300", inseeCode: null));
        var created = await organiser.SubmitAsync(ambiguous, "#event-form", new() { ["InseeCode"] = "59606" });
        var page = await organiser.FollowAsync(created);
        var submitted = await organiser.FollowAsync(await organiser.SubmitAsync(page, "form[action$='handler=Submit']"));
        var dashboard = await organiser.GetAsync("/mon-espace");

        Assert.Equal("Le titre est obligatoire.", empty.FieldErrors["Title"]);
        Assert.Equal("Ajoutez au moins une séance (date et heures).", empty.FieldErrors["Sessions"]);
        Assert.Equal("Choisissez au moins un public.", empty.FieldErrors["Audiences"]);
        Assert.Equal("Indiquez si l'événement est gratuit.", empty.FieldErrors["IsFree"]);
        Assert.Contains("Plusieurs communes ont le code postal 59300", ambiguous.FieldErrors["InseeCode"], StringComparison.Ordinal);
        Assert.Equal(
            ["", "59032", "59221", "59606"],
            ambiguous.Document.QuerySelectorAll("#InseeCode option").Cast<IHtmlOptionElement>().Select(o => o.Value).ToArray());
        Assert.Equal(HttpStatusCode.Redirect, created.Response.StatusCode);
        Assert.Contains("enregistré en brouillon", page.Document.QuerySelector(".fr-alert--success")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Brouillon", page.Document.QuerySelector(".fr-badge")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Valenciennes", page.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hauts-de-France", page.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("En cours d'examen", submitted.Document.QuerySelector(".fr-badge")!.TextContent, StringComparison.Ordinal);
        var row = Assert.Single(dashboard.Document.QuerySelectorAll("tbody tr"));
        Assert.Contains("Visite de l'usine de Valenciennes", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("En cours d'examen", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventForm_WithErrors_ListsThemInTheFormsOrderOneForThePlaceAndTheStreetIsOptional()
    {
        await DescribeOrganisationAsync("a@usine-a.fr", "Usine A");
        using var organiser = await PageSession.SignedInAsync(_platform, "a@usine-a.fr", Password);
        var form = await organiser.GetAsync("/mon-espace/evenements/nouveau");
        var filled = Filled(Day(form), postalCode: "59300", inseeCode: "59606");
        filled["Title"] = "";
        filled["Street"] = "";
        filled["Latitude"] = "";
        filled["Longitude"] = "";
        filled["IsFree"] = null;
        filled["Sessions[0].EndTime"] = "";

        var wrong = await organiser.SubmitAsync(form, "#event-form", filled);

        // The summary's links, in the order of the fields they lead to on the page (not alphabetical).
        var links = wrong.Document.QuerySelectorAll("#erreurs a").Select(a => a.GetAttribute("href")![1..]).ToList();
        var all = wrong.Document.All.ToList();
        var positions = links.Select(id => all.FindIndex(e => e.Id == id)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(["Title", "Sessions_0__EndTime", "Latitude", "IsFree"], links);
        Assert.Equal("Placez l'événement sur la carte ou saisissez sa latitude et sa longitude.", wrong.FieldErrors["Latitude"]);
        Assert.False(wrong.FieldErrors.ContainsKey("Longitude"));
        Assert.False(wrong.FieldErrors.ContainsKey("Street"));

        // « Numéro et voie (facultatif) » is: an event at a campus or a site is placed by its commune and its pin.
        Assert.Contains("(facultatif)", wrong.Document.QuerySelector("label[for=Street]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("(facultatif)", wrong.Document.QuerySelector("label[for=PostalCode]")!.TextContent, StringComparison.Ordinal);
        var created = await organiser.SubmitAsync(wrong, "#event-form", new() { ["Title"] = "Visite du campus", ["Latitude"] = "50,357", ["Longitude"] = "3,523", ["IsFree"] = "true", ["Sessions[0].EndTime"] = "12:00" });
        Assert.Equal(HttpStatusCode.Redirect, created.Response.StatusCode);
        var page = await organiser.FollowAsync(created);
        Assert.Contains("59300 Valenciennes", page.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditPage_WhenSaved_ChangesTheEventAndKeepsTheSessions()
    {
        await DescribeOrganisationAsync("a@usine-a.fr", "Usine A");
        using var organiser = await PageSession.SignedInAsync(_platform, "a@usine-a.fr", Password);
        var form = await organiser.GetAsync("/mon-espace/evenements/nouveau");
        var page = await organiser.FollowAsync(await organiser.SubmitAsync(form, "#event-form", Filled(Day(form), "59300", "59606")));
        var edit = await organiser.GetAsync(page.Path + "/modifier");

        var saved = await organiser.FollowAsync(await organiser.SubmitAsync(edit, "#event-form", new() { ["Title"] = "Portes ouvertes de l'usine de Valenciennes" }));

        Assert.Equal("Modifications enregistrées.", saved.Document.QuerySelector(".fr-alert--success")!.TextContent.Trim());
        Assert.Equal("Portes ouvertes de l'usine de Valenciennes", saved.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Single(saved.Document.QuerySelectorAll("main h2 + ul li"));
    }

    [Fact]
    public async Task EventPages_OfAnotherOrganisation_AreNotFound()
    {
        await DescribeOrganisationAsync("a@usine-a.fr", "Usine A");
        await DescribeOrganisationAsync("b@usine-b.fr", "Usine B");
        using var a = await PageSession.SignedInAsync(_platform, "a@usine-a.fr", Password);
        using var b = await PageSession.SignedInAsync(_platform, "b@usine-b.fr", Password);
        var form = await a.GetAsync("/mon-espace/evenements/nouveau");
        var page = await a.FollowAsync(await a.SubmitAsync(form, "#event-form", Filled(Day(form), "59300", "59606")));

        var view = await b.GetAsync(page.Path);
        var edit = await b.GetAsync(page.Path + "/modifier");
        var report = await b.GetAsync(page.Path + "/bilan");
        var dashboard = await b.GetAsync("/mon-espace");

        Assert.Equal(HttpStatusCode.NotFound, view.Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, edit.Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, report.Response.StatusCode);
        Assert.DoesNotContain("Valenciennes", dashboard.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganiserPages_WhenAnonymous_RedirectToSignIn()
    {
        using var anonymous = PageSession.Anonymous(_platform);

        var dashboard = await anonymous.GetAsync("/mon-espace");
        var form = await anonymous.GetAsync("/mon-espace/evenements/nouveau");

        Assert.Equal(HttpStatusCode.Redirect, dashboard.Response.StatusCode);
        Assert.Equal("/connexion", dashboard.Response.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, form.Response.StatusCode);
    }

    private async Task DescribeOrganisationAsync(string email, string name)
    {
        using var client = await _platform.SignedInClientAsync(email, Password);
        var response = await client.PutAsJsonAsync("/api/me/organisation", new
        {
            name,
            type = "IndustrialCompany",
            address = new { street = "1 rue de l'Industrie", postalCode = "59300", city = "Valenciennes" },
            contactName = "Camille Martin",
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A day inside the upcoming edition's Hauts-de-France period, read from the form's hint.</summary>
    private static string Day(PageResult form)
    {
        var hint = form.Document.QuerySelector("#sessions-legend .fr-hint-text")!.TextContent;
        Assert.Contains("Hauts-de-France", hint, StringComparison.Ordinal);
        var year = form.Document.QuerySelector("h1")!.TextContent.Split(' ').Last(w => w.Length == 4 && w.All(char.IsDigit));
        return $"{year}-03-24";
    }

    private static Dictionary<string, string?> Filled(string day, string postalCode, string? inseeCode) => new()
    {
        ["Title"] = "Visite de l'usine de Valenciennes",
        ["Description"] = "Découverte des lignes d'assemblage et des métiers de la production, avec les apprentis du site.",
        ["Format"] = "CompanyVisit",
        ["Audiences"] = "Pupils",
        ["Sectors"] = "Automotive",
        ["Sessions[0].Date"] = day,
        ["Sessions[0].StartTime"] = "09:00",
        ["Sessions[0].EndTime"] = "12:00",
        ["Mode"] = "OnSite",
        ["Street"] = "1 rue de l'Industrie",
        ["PostalCode"] = postalCode,
        ["InseeCode"] = inseeCode,
        ["Latitude"] = "50,357",
        ["Longitude"] = "3,523",
        ["IsFree"] = "true",
        ["AboutIndustry"] = "true",
    };
}
