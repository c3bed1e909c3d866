using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Registration;

/// <summary>
/// Administrators see each account's organisation, and lock an account (after a page that says what it does): it
/// can no longer sign in, and its open sessions, pages and API alike, end; unlocked, it signs in again.
/// </summary>
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class AccountLockTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string Organiser = "camille@usine-a.fr";
    private const string Password = "Mot-de-passe-2020";

    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database);
        await _platform.CreateUserAsync(Organiser, Password, [PlatformRoles.Organiser]);
        using var organiser = await _platform.SignedInClientAsync(Organiser, Password);
        (await organiser.PutAsJsonAsync("/api/me/organisation", new
        {
            name = "Usine A",
            type = "IndustrialCompany",
            address = new { street = "1 rue de l'Industrie", postalCode = "59300", city = "Valenciennes" },
            contactName = "Camille Martin",
        })).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Lock_EndsTheAccountsPageAndApiSessions_AndRefusesItsSignIn_UntilUnlocked()
    {
        using var pages = await PageSession.SignedInAsync(_platform, Organiser, Password);
        using var anonymous = _platform.CreateClient();
        var login = await (await anonymous.PostAsJsonAsync("/api/identity/login", new { email = Organiser, password = Password })).Content.ReadFromJsonAsync<JsonElement>();
        using var api = _platform.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/events", UriKind.Relative))).StatusCode);

        using var admin = await PageSession.SignedInAsync(_platform);
        var list = await admin.GetAsync("/admin/comptes?q=usine-a");
        var row = Assert.Single(list.Document.QuerySelectorAll("tbody tr"));
        Assert.Equal([Organiser, "Usine A", "Organisateur", "", "Actif", "Verrouiller"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));

        var roles = await admin.GetAsync(row.QuerySelector("td a")!.GetAttribute("href")!);
        Assert.Equal("Usine A", roles.Document.QuerySelector("#account-organisation")!.TextContent.Trim());
        Assert.Equal(row.QuerySelector("a[href$='/verrouillage']")!.GetAttribute("href"), roles.Document.QuerySelector("main a[href$='/verrouillage']")!.GetAttribute("href"));
        var ask = await admin.GetAsync(row.QuerySelector("a[href$='/verrouillage']")!.GetAttribute("href")!);
        Assert.Equal($"Verrouiller le compte {Organiser}", ask.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Usine A", ask.Document.QuerySelector("#account-organisation")!.TextContent.Trim());
        Assert.Contains("Voulez-vous vraiment verrouiller ce compte ?", ask.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var locked = await admin.SubmitAsync(ask, "#lock-account");
        Assert.Equal(HttpStatusCode.Redirect, locked.Response.StatusCode);
        var after = await admin.FollowAsync(locked);
        Assert.Equal($"Le compte {Organiser} est verrouillé : il ne peut plus se connecter et ses sessions ouvertes ont pris fin.", after.Document.QuerySelector(".fr-alert--success")!.TextContent.Trim());
        Assert.Equal(["Verrouillé par un administrateur", "Déverrouiller"], after.Document.QuerySelectorAll("tbody tr td").Skip(4).Select(td => td.TextContent.Trim()));

        // Its sessions have ended: the pages lead to sign-in, the token and its refresh are refused, and signing in says the usual words.
        var page = await pages.GetAsync("/mon-espace");
        Assert.Equal(HttpStatusCode.Redirect, page.Response.StatusCode);
        Assert.Equal("/connexion", page.Response.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/events", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/identity/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/identity/login", new { email = Organiser, password = Password })).StatusCode);
        using var visitor = PageSession.Anonymous(_platform);
        var refused = await visitor.SubmitAsync(await visitor.GetAsync("/connexion"), "main form", new() { ["Email"] = Organiser, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.OK, refused.Response.StatusCode);
        Assert.Contains("un compte verrouillé par un administrateur ne peut plus se connecter", refused.Document.QuerySelector(".fr-alert--error")!.TextContent, StringComparison.Ordinal);

        // Unlocked (the page says so), it signs in again; the sessions ended stay ended.
        var askUnlock = await admin.GetAsync(after.Document.QuerySelector("tbody a[href$='/verrouillage']")!.GetAttribute("href")!);
        Assert.Equal($"Déverrouiller le compte {Organiser}", askUnlock.Document.QuerySelector("h1")!.TextContent.Trim());
        var unlocked = await admin.FollowAsync(await admin.SubmitAsync(askUnlock, "#lock-account"));
        Assert.Equal($"Le compte {Organiser} est déverrouillé : il peut de nouveau se connecter.", unlocked.Document.QuerySelector(".fr-alert--success")!.TextContent.Trim());
        using var again = await PageSession.SignedInAsync(_platform, Organiser, Password);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/mon-espace")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/events", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Lock_OfTheAdministratorsOwnAccount_IsRefusedInFrench_OnThePageAndThroughTheApi()
    {
        using var admin = await PageSession.SignedInAsync(_platform);
        var list = await admin.GetAsync("/admin/comptes?q=" + Uri.EscapeDataString(PlatformFactory.AdminEmail));
        var ask = await admin.GetAsync(list.Document.QuerySelector("tbody a[href$='/verrouillage']")!.GetAttribute("href")!);

        var refused = await admin.SubmitAsync(ask, "#lock-account");

        Assert.Equal(HttpStatusCode.OK, refused.Response.StatusCode);
        Assert.Equal("Vous ne pouvez pas verrouiller votre propre compte.", refused.Document.QuerySelector("#erreurs li")!.TextContent.Trim());
        using var api = await _platform.SignedInClientAsync();
        var answer = await api.PostAsync(new Uri($"/api/admin/users/{PlatformFactory.AdminEmail}/lock", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        Assert.Equal("Vous ne pouvez pas verrouiller votre propre compte.", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/editions")).Response.StatusCode);
    }

    /// <summary>The administrator's lock is a date in the year 9999: both databases keep it as such (the list says who locked).</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LockApi_LocksAndUnlocksByAddress_AndAnUnknownAddressIsNotFound(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var platform = new PlatformFactory(database);
        await platform.CreateUserAsync(Organiser, Password, [PlatformRoles.Organiser]);
        using var admin = await platform.SignedInClientAsync();

        var locked = await admin.PostAsync(new Uri($"/api/admin/users/{Organiser}/lock", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.True((await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("locked").GetBoolean());
        using var anonymous = platform.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/identity/login", new { email = Organiser, password = Password })).StatusCode);
        using var pages = await PageSession.SignedInAsync(platform);
        var list = await pages.GetAsync("/admin/comptes?q=usine-a");
        Assert.Equal("Verrouillé par un administrateur", list.Document.QuerySelectorAll("tbody tr td")[4].TextContent.Trim());

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri($"/api/admin/users/{Organiser}/unlock", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/identity/login", new { email = Organiser, password = Password })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync(new Uri("/api/admin/users/personne@tests.local/lock", UriKind.Relative), null)).StatusCode);
    }
}
