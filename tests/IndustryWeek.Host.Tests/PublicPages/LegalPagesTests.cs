using System.Net;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.PublicPages;

/// <summary>
/// Issue 20: the DSFR footer's mandatory links on every page, to pages that say what is true of this platform: the
/// accessibility status of its automated audit, the cookies it really sets.
/// </summary>
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class LegalPagesTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;

    public Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Footer_OfPublicAndSignedInPages_LeadsToTheFourMandatoryPagesAndTheApiReference()
    {
        using var visitor = PageSession.Anonymous(_platform);
        using var admin = await PageSession.SignedInAsync(_platform);
        (string Link, string Href, string Title)[] expected =
        [
            ("Accessibilité : partiellement conforme", "/accessibilite", "Déclaration d'accessibilité"),
            ("Mentions légales", "/mentions-legales", "Mentions légales"),
            ("Données personnelles", "/donnees-personnelles", "Données personnelles"),
            ("Gestion des cookies", "/cookies", "Gestion des cookies"),
        ];

        foreach (var (session, path) in new[] { (visitor, "/"), (visitor, "/carte"), (admin, "/admin/editions") })
        {
            var page = await session.GetAsync(path);
            var links = page.Document.QuerySelectorAll("footer .fr-footer__bottom-list a.fr-footer__bottom-link")
                .Select(a => (a.TextContent.Trim(), a.GetAttribute("href") ?? "")).ToList();
            Assert.Equal(expected.Select(e => (e.Link, e.Href)).Append(("Documentation de l'API", "/api/docs")), links); // and the API's reference (ApiReferencePageTests)
        }

        foreach (var (_, href, title) in expected)
        {
            var page = await visitor.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
            Assert.Equal(title, page.Document.QuerySelector("main h1")!.TextContent);
            Assert.Equal($"{title} – Semaine de l'industrie", page.Document.Title);
        }
    }

    [Fact]
    public async Task LegalNotice_NamesTheHostAndThePrivacyContactOfTheDeployment_OnlyWhenSet()
    {
        await using var configured = new PlatformFactory(_database, new Dictionary<string, string?>
        {
            ["Legal:HostName"] = "Hébergeur <Exemple> SAS",
            ["Legal:HostAddress"] = "1 rue de l'Exemple, 75000 Paris",
            ["Legal:HostPhone"] = "01 23 45 67 89",
            ["Legal:PrivacyContact"] = "dpo@exemple.gouv.fr",
        });
        using var visitor = PageSession.Anonymous(configured);
        using var unset = PageSession.Anonymous(_platform);

        var notice = await visitor.GetAsync("/mentions-legales");
        var privacy = await visitor.GetAsync("/donnees-personnelles");

        Assert.Equal("Le site est hébergé par Hébergeur <Exemple> SAS, 1 rue de l'Exemple, 75000 Paris, téléphone : 01 23 45 67 89.", notice.Document.QuerySelector("#host")!.TextContent);
        Assert.Equal("dpo@exemple.gouv.fr", privacy.Document.QuerySelector("#privacy-contact")!.TextContent);
        Assert.Null((await unset.GetAsync("/mentions-legales")).Document.QuerySelector("#host"));
        var unsetPrivacy = (await unset.GetAsync("/donnees-personnelles")).Document.QuerySelector("main")!.TextContent;
        Assert.Contains("à l'adresse de la DGE ci-dessus, en précisant", unsetPrivacy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessibilityStatement_SaysPartiallyCompliantFromAnAutomatedAuditNotAnRgaaOne()
    {
        using var visitor = PageSession.Anonymous(_platform);

        var text = (await visitor.GetAsync("/accessibilite")).Document.QuerySelector("main")!.TextContent;

        Assert.Contains("partiellement conforme", text, StringComparison.Ordinal);
        Assert.Contains("axe-core", text, StringComparison.Ordinal);
        Assert.Contains("ce n'est pas un audit RGAA", text, StringComparison.Ordinal);
        Assert.Contains("Défenseur des droits", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CookiesPage_NamesEveryCookieThePlatformSetsOnSignIn()
    {
        using var visitor = PageSession.Anonymous(_platform);
        var signInPage = await visitor.GetAsync("/connexion");
        var signedIn = await visitor.SubmitAsync(signInPage, "main form", new() { ["Email"] = PlatformFactory.AdminEmail, ["Password"] = PlatformFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Response.StatusCode);
        var set = new[] { signInPage.Response, signedIn.Response }
            .SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            .Select(cookie => cookie.Split('=')[0])
            .ToList();
        Assert.Contains("sdi.session", set);

        var page = (await visitor.GetAsync("/cookies")).Document.QuerySelector("main")!.TextContent;

        Assert.Contains("indispensables", page, StringComparison.Ordinal);
        foreach (var name in set)
        {
            // The antiforgery cookie's name ends with a hash of the application: the page names its prefix.
            var named = name.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal) ? ".AspNetCore.Antiforgery." : name;
            Assert.True(page.Contains(named, StringComparison.Ordinal), $"the cookies page does not name « {name} »");
        }
    }
}
