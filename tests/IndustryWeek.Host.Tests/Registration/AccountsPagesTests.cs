using System.Net;
using IndustryWeek.Shared.Security;
using AngleSharp.Dom;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Registration;

/// <summary>/admin/comptes: an administrator finds an account and gives it roles and regions.</summary>
public sealed class AccountsPagesTests
{
    private const string Password = "Mot-de-passe-2020";

    [Fact]
    public async Task AccountsPages_AdministratorFindsAnAccountAndMakesItAModerator()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        await platform.CreateUserAsync("moderatrice@hauts-de-france.gouv.fr", Password, [PlatformRoles.Organiser]);
        await platform.CreateUserAsync("organisateur@usine.fr", Password, [PlatformRoles.Organiser]);
        using var admin = await PageSession.SignedInAsync(platform);

        var found = await admin.GetAsync("/admin/comptes?q=hauts-de");
        var rows = found.Document.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal("1 compte pour « hauts-de »", found.Document.QuerySelector("main p")!.TextContent.Trim());
        var row = Assert.Single(rows);
        Assert.Contains("Organisateur", row.TextContent);

        var account = await admin.GetAsync(row.QuerySelector("a")!.GetAttribute("href")!);
        var missingRegion = await admin.SubmitAsync(account, "main form", new() { ["Roles"] = "Moderator" });
        Assert.Contains("Un modérateur modère au moins une région.", missingRegion.Document.QuerySelector("#Regions")!.TextContent);

        var saved = await admin.FollowAsync(await admin.SubmitAsync(account, "main form", new() { ["Roles"] = "Moderator", ["Regions"] = "32" }));

        Assert.Contains("Les rôles du compte sont enregistrés.", saved.Document.QuerySelector(".fr-alert--success")!.TextContent);
        Assert.True(saved.Document.QuerySelector("#role-Moderator")!.HasAttribute("checked"));
        Assert.False(saved.Document.QuerySelector("#role-Organiser")!.HasAttribute("checked"));
        Assert.True(saved.Document.QuerySelector("#region-32")!.HasAttribute("checked"));
        var list = await admin.GetAsync("/admin/comptes?q=hauts-de");
        Assert.Contains("Hauts-de-France", list.Document.QuerySelector("tbody tr")!.TextContent);
    }

    [Fact]
    public async Task AccountsPage_SecondPage_ListsTheAccountsAfterTheFirstFifty()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        for (var i = 1; i <= 55; i++)
        {
            await platform.CreateUserAsync($"organisateur{i:00}@usine.fr", Password, [PlatformRoles.Organiser]);
        }

        using var admin = await PageSession.SignedInAsync(platform);

        var first = await admin.GetAsync("/admin/comptes?q=organisateur");
        var second = await admin.GetAsync("/admin/comptes?q=organisateur&page=2");

        var firstEmails = first.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        var secondEmails = second.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(50, firstEmails.Count);
        Assert.Equal(5, secondEmails.Count);
        Assert.Empty(firstEmails.Intersect(secondEmails));
    }

    [Fact]
    public async Task AccountsPage_WhenOrganiser_IsRefused()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        await platform.CreateUserAsync("organisateur@usine.fr", Password, [PlatformRoles.Organiser]);
        using var organiser = await PageSession.SignedInAsync(platform, "organisateur@usine.fr", Password);

        var page = await organiser.GetAsync("/admin/comptes");

        Assert.Equal(HttpStatusCode.Redirect, page.Response.StatusCode);
        Assert.StartsWith("/acces-refuse", page.Response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }
}

/// <summary>/organisation: an organiser describes their organisation on the page.</summary>
public sealed class MyOrganisationPageTests
{
    [Fact]
    public async Task OrganisationPage_WhenFilledIn_SavesAndShowsErrorsInFrench()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        await platform.CreateUserAsync("a@usine-a.fr", "Mot-de-passe-2020", [PlatformRoles.Organiser]);
        using var organiser = await PageSession.SignedInAsync(platform, "a@usine-a.fr", "Mot-de-passe-2020");
        var form = await organiser.GetAsync("/organisation");

        var wrong = await organiser.SubmitAsync(form, "main form", new() { ["Name"] = "Usine Exemple", ["Siret"] = "73282932000075", ["PostalCode"] = "5930" });
        var saved = await organiser.FollowAsync(await organiser.SubmitAsync(form, "main form", new()
        {
            ["Name"] = "Usine Exemple",
            ["Type"] = "IndustrialCompany",
            ["Siret"] = "732 829 320 00074",
            ["Street"] = "1 rue de l'Industrie",
            ["PostalCode"] = "59300",
            ["City"] = "Valenciennes",
            ["ContactName"] = "Camille Martin",
        }));

        Assert.Equal("Ce numéro SIRET n'est pas valide : il compte 14 chiffres et sa clé de contrôle doit être juste.", wrong.FieldErrors["Siret"]);
        Assert.Equal("Le code postal compte cinq chiffres.", wrong.FieldErrors["PostalCode"]);
        Assert.Equal("Le type d'organisation est obligatoire.", wrong.FieldErrors["Type"]);
        Assert.Contains("Votre organisation est enregistrée.", saved.Document.QuerySelector(".fr-alert--success")!.TextContent);
        Assert.Equal("73282932000074", saved.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Siret")!.Value);
        Assert.Contains("a@usine-a.fr", saved.Document.QuerySelector("main")!.TextContent);
        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM registration_organisations"));
    }
}
