using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Registration;

/// <summary>
/// A signed-in person changes their address from « Mon compte » or the API: the new address gets a link (on
/// `Site:PublicUrl`), the current one a notice; the address changes only when the link is followed, once; then the
/// old address no longer signs in and the sessions opened before end.
/// </summary>
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed partial class EmailChangeTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string PublicUrl = "https://semaine-industrie.example.fr";
    private const string Password = "Mot-de-passe-2020";
    private const string Before = "camille@usine-a.fr";
    private const string After = "camille.martin@usine-a.fr";
    private const string Taken = "dominique@usine-b.fr";
    private const string LinkSubject = "Confirmez votre nouvelle adresse électronique – Semaine de l'industrie";
    private const string NoticeSubject = "Demande de changement de votre adresse électronique – Semaine de l'industrie";

    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database, new Dictionary<string, string?> { ["Site:PublicUrl"] = PublicUrl });
        await _platform.CreateUserAsync(Before, Password, [PlatformRoles.Organiser]);
        await _platform.CreateUserAsync(Taken, Password, [PlatformRoles.Organiser]);
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ChangeEmail_FromMyAccount_ChangesOnlyWhenTheLinkIsFollowed_Once_AndTheOldAddressNoLongerSignsIn()
    {
        using var person = await PageSession.SignedInAsync(_platform, Before, Password);
        var page = await person.GetAsync("/mon-compte");

        // Refusals in French under their fields, and no mail.
        var empty = await person.SubmitAsync(page, "#change-email", new() { ["NewEmail"] = "", ["EmailPassword"] = "" });
        Assert.Equal(["NewEmail", "EmailPassword"], empty.Document.QuerySelectorAll("#erreurs a").Select(a => a.GetAttribute("href")![1..]));
        var wrongPassword = await person.SubmitAsync(page, "#change-email", new() { ["NewEmail"] = After, ["EmailPassword"] = "pas-le-bon" });
        Assert.Equal("Ce n'est pas votre mot de passe actuel.", wrongPassword.FieldErrors["EmailPassword"]);
        var taken = await person.SubmitAsync(page, "#change-email", new() { ["NewEmail"] = "Dominique@Usine-B.fr", ["EmailPassword"] = Password });
        Assert.Equal("Cette adresse est déjà utilisée par un autre compte : choisissez-en une autre.", taken.FieldErrors["NewEmail"]);
        var same = await person.SubmitAsync(page, "#change-email", new() { ["NewEmail"] = Before, ["EmailPassword"] = Password });
        Assert.Equal("C'est déjà l'adresse de votre compte.", same.FieldErrors["NewEmail"]);
        Assert.Empty(_platform.Mails());

        var asked = await person.SubmitAsync(page, "#change-email", new() { ["NewEmail"] = After, ["EmailPassword"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, asked.Response.StatusCode);
        var told = await person.FollowAsync(asked);
        Assert.StartsWith($"Un lien de confirmation vient d'être envoyé à {After}", told.Document.QuerySelector(".fr-alert--success")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(Before, told.Document.QuerySelector("#account-email")!.TextContent.Trim());

        // The new address gets the link (text and HTML alike, on the public address), the current one a notice.
        var mails = _platform.Mails().Select(MailFile.Read).ToList();
        var link = Assert.Single(mails, m => m.Subject == LinkSubject);
        Assert.Equal(After, link.To);
        var url = Assert.Single(UrlPattern().Matches(link.Body)).Value;
        Assert.StartsWith($"{PublicUrl}/confirmation-email?userId=", url, StringComparison.Ordinal);
        Assert.Contains($"&changedEmail={Uri.EscapeDataString(After)}", url, StringComparison.Ordinal);
        Assert.Contains($"href=\"{url.Replace("&", "&amp;", StringComparison.Ordinal)}\"", link.Html, StringComparison.Ordinal);
        Assert.Contains("Confirmer ma nouvelle adresse", link.Html, StringComparison.Ordinal);
        var notice = Assert.Single(mails, m => m.Subject == NoticeSubject);
        Assert.Equal(Before, notice.To);
        Assert.Contains($"de {Before} vers {After}", notice.Body, StringComparison.Ordinal);
        Assert.Contains($"de {Before} vers {After}", notice.Html, StringComparison.Ordinal);
        Assert.Contains($"Choisir un nouveau mot de passe : {PublicUrl}/mot-de-passe-oublie", notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("/confirmation-email", notice.Body + notice.Html, StringComparison.Ordinal);
        Assert.Equal(2, mails.Count);

        // Until the link is followed, nothing changed.
        using (var stillBefore = await PageSession.SignedInAsync(_platform, Before, Password))
        {
            Assert.Equal(HttpStatusCode.OK, (await stillBefore.GetAsync("/mon-espace")).Response.StatusCode);
        }

        using var visitor = PageSession.Anonymous(_platform);
        var path = url[PublicUrl.Length..];
        var confirmed = await visitor.GetAsync(path);
        Assert.Equal(After, confirmed.Document.QuerySelector("#changed-email")!.TextContent.Trim());

        // The link works once; the session opened with the old address has ended; the new address signs in, the old one no longer does.
        var again = await visitor.GetAsync(path);
        Assert.Null(again.Document.QuerySelector("#changed-email"));
        Assert.Contains("n'est pas valide, a déjà servi ou a expiré", again.Document.QuerySelector(".fr-alert--error")!.TextContent, StringComparison.Ordinal);
        var ended = await person.GetAsync("/mon-espace");
        Assert.Equal(HttpStatusCode.Redirect, ended.Response.StatusCode);
        Assert.Equal("/connexion", ended.Response.Headers.Location!.AbsolutePath);
        using var afterwards = await PageSession.SignedInAsync(_platform, After, Password);
        Assert.Equal(After, (await afterwards.GetAsync("/mon-compte")).Document.QuerySelector("#account-email")!.TextContent.Trim());
        await Assert.ThrowsAsync<InvalidOperationException>(() => PageSession.SignedInAsync(_platform, Before, Password));
    }

    [Fact]
    public async Task ChangeEmail_ThroughTheApi_AsksForThePassword_AndTheLinkEndsTheTokensOfTheOldAddress_AndTheOrganisationAndModerationFollow()
    {
        // A member of an organisation who also moderates a region (Labelling writes them their digest).
        using (var admin = await _platform.SignedInClientAsync())
        {
            (await admin.PostAsJsonAsync($"/api/admin/users/{Before}/roles", new { roles = new[] { "Organiser", "Moderator" }, regions = new[] { "32" } })).EnsureSuccessStatusCode();
        }

        using var api = await _platform.SignedInClientAsync(Before, Password);
        (await api.PutAsJsonAsync("/api/me/organisation", new
        {
            name = "Usine A",
            type = "IndustrialCompany",
            address = new { street = "1 rue de l'Industrie", postalCode = "59300", city = "Valenciennes" },
            contactName = "Camille Martin",
        })).EnsureSuccessStatusCode();
        await Eventually.WaitAsync(
            async () => await _database.ScalarAsync($"SELECT COUNT(*) FROM labelling_moderators WHERE \"Email\" = '{Before}'") == 1, "Labelling knows the moderator");

        var wrong = await api.PostAsJsonAsync("/api/identity/manage/info", new { newEmail = After, oldPassword = "pas-le-bon" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("Ce n'est pas votre mot de passe actuel.", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("oldPassword")[0].GetString());
        var taken = await api.PostAsJsonAsync("/api/identity/manage/info", new { newEmail = Taken, oldPassword = Password });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.True((await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("newEmail", out _));
        var both = await api.PostAsJsonAsync("/api/identity/manage/info", new { newEmail = After, oldPassword = Password, newPassword = "Mot-de-passe-2031" });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Empty(_platform.Mails());

        var asked = await api.PostAsJsonAsync("/api/identity/manage/info", new { newEmail = After, oldPassword = Password });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal(Before, (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());
        var mails = _platform.Mails().Select(MailFile.Read).ToList();
        Assert.Equal([LinkSubject, NoticeSubject], mails.Select(m => m.Subject).Order(StringComparer.Ordinal));
        var url = UrlPattern().Match(mails.Single(m => m.Subject == LinkSubject).Body).Value;

        using var visitor = PageSession.Anonymous(_platform);
        Assert.Equal(After, (await visitor.GetAsync(url[PublicUrl.Length..])).Document.QuerySelector("#changed-email")!.TextContent.Trim());

        // The old token names the old security stamp: refused; the new address signs in to the API.
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/identity/manage/info", UriKind.Relative))).StatusCode);
        using var again = await _platform.SignedInClientAsync(After, Password);
        Assert.Equal(After, (await again.GetFromJsonAsync<JsonElement>("/api/identity/manage/info")).GetProperty("email").GetString());
        var members = (await again.GetFromJsonAsync<JsonElement>("/api/me/organisation")).GetProperty("members").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Equal([After], members);
        await Eventually.WaitAsync(
            async () => await _database.ScalarAsync($"SELECT COUNT(*) FROM labelling_moderators WHERE \"Email\" = '{After}'") == 1, "Labelling writes to the new address");
        using var anonymous = _platform.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/identity/login", new { email = Before, password = Password })).StatusCode);
    }

    [Fact]
    public async Task IdentitysConfirmEmailEndpoint_WithTheLinksParameters_MakesTheSameChange_Once()
    {
        using var api = await _platform.SignedInClientAsync(Before, Password);
        (await api.PostAsJsonAsync("/api/identity/manage/info", new { newEmail = After, oldPassword = Password })).EnsureSuccessStatusCode();
        var url = new Uri(UrlPattern().Match(_platform.Mails().Select(MailFile.Read).Single(m => m.Subject == LinkSubject).Body).Value);
        using var client = _platform.CreateClient();

        var confirmed = await client.GetAsync(new Uri("/api/identity/confirmEmail" + url.Query, UriKind.Relative));
        var again = await client.GetAsync(new Uri("/api/identity/confirmEmail" + url.Query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal($"Votre adresse est changée : {After}.", await confirmed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        using var signedIn = await _platform.SignedInClientAsync(After, Password);
    }

    [Fact]
    public async Task FirstAdministrator_AfterChangingTheirAddress_IsNotCreatedAgainAtTheNextStart()
    {
        const string NewAddress = "direction@semaine-industrie.example.fr";
        using (var admin = await _platform.SignedInClientAsync())
        {
            (await admin.PostAsJsonAsync("/api/identity/manage/info", new { newEmail = NewAddress, oldPassword = PlatformFactory.AdminPassword })).EnsureSuccessStatusCode();
        }

        var url = UrlPattern().Match(_platform.Mails().Select(MailFile.Read).Single(m => m.Subject == LinkSubject).Body).Value;
        using (var visitor = PageSession.Anonymous(_platform))
        {
            Assert.Equal(NewAddress, (await visitor.GetAsync(url[PublicUrl.Length..])).Document.QuerySelector("#changed-email")!.TextContent.Trim());
        }

        // The next start, with the same Bootstrap:AdminEmail: the administrator keeps their new address, and no other appears.
        await using var restarted = new PlatformFactory(_database);
        using var signedIn = await restarted.SignedInClientAsync(NewAddress, PlatformFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync(new Uri("/api/kits/deliveries", UriKind.Relative))).StatusCode);
        Assert.Equal(0, await _database.ScalarAsync($"SELECT COUNT(*) FROM registration_users WHERE \"Email\" = '{PlatformFactory.AdminEmail}'"));
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex UrlPattern();
}
