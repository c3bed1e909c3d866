using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Registration;

/// <summary>
/// Accounts do not reveal who has one: registering and signing in answer the same whether the address has
/// an account or not, and the owner of an address someone tried to register again is told by mail.
/// </summary>
public sealed partial class AccountPrivacyTests
{
    private const string Owner = "organisatrice@usine-exemple.fr";
    private const string Newcomer = "nouvelle@usine-exemple.fr";
    private const string Password = "Mot-de-passe-2020";
    private const string PublicUrl = "https://semaine-industrie.example";

    public static TheoryData<string> Providers() => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Register_WhenAddressHasAnAccount_AnswersByteForByteAsForANewOneAndMailsTheOwnerOnce(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var platform = Platform(database);
        await platform.CreateUserAsync(Owner, Password, [PlatformRoles.Organiser]);
        using var client = platform.CreateClient();

        var fresh = await client.PostAsJsonAsync("/api/identity/register", new { email = Newcomer, password = Password });
        var existing = await client.PostAsJsonAsync("/api/identity/register", new { email = Owner.ToUpperInvariant(), password = "Autre-mot-de-passe-7" });

        await AssertSameAnswerAsync(fresh, existing);
        Assert.Equal(HttpStatusCode.OK, existing.StatusCode);
        var mails = platform.Mails().Select(MailFile.Read).ToList();
        Assert.Equal(2, mails.Count);
        Assert.Equal("Confirmez votre adresse électronique – Semaine de l'industrie", Assert.Single(mails, m => m.To == Newcomer).Subject);
        var told = Assert.Single(mails, m => m.To == Owner);
        Assert.Equal("Tentative de création de compte avec votre adresse – Semaine de l'industrie", told.Subject);
        Assert.Contains($"Quelqu'un a voulu créer un compte organisateur de la Semaine de l'industrie avec votre adresse électronique, {Owner}.", Unfolded(told.Body));
        Assert.Contains("Si c'était vous, connectez-vous", told.Body);
        Assert.Contains("réinitialisez-le", told.Body);
        Assert.Equal([$"{PublicUrl}/connexion", $"{PublicUrl}/mot-de-passe-oublie"], Links().Matches(told.Body).Select(m => m.Value));
        Assert.Equal(1, await database.ScalarAsync($"""SELECT COUNT(*) FROM registration_users WHERE "NormalizedEmail" = '{Owner.ToUpperInvariant()}'"""));
        // The owner's account is unchanged: their own password still signs in, the one typed by the other does not.
        using var signedIn = await platform.SignedInClientAsync(Owner, Password);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/identity/login", new { email = Owner, password = "Autre-mot-de-passe-7" })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Register_WhenAddressRegisteredButNotConfirmed_SameAnswerAndTheOwnerGetsAConfirmationLinkThatWorks(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var platform = Platform(database);
        using var client = platform.CreateClient();
        (await client.PostAsJsonAsync("/api/identity/register", new { email = Owner, password = Password })).EnsureSuccessStatusCode();

        var again = await client.PostAsJsonAsync("/api/identity/register", new { email = Owner, password = Password });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        var mails = platform.Mails().Select(MailFile.Read).ToList();
        Assert.Equal(2, mails.Count);
        var told = Assert.Single(mails, m => m.Subject == "Tentative de création de compte avec votre adresse – Semaine de l'industrie");
        Assert.Equal(Owner, told.To);
        Assert.Contains("Votre adresse n'est pas encore confirmée", told.Body);
        var confirmation = new Uri(Links().Matches(told.Body).Select(m => m.Value).Single(l => l.Contains("/confirmation-email?", StringComparison.Ordinal)));
        Assert.Equal(PublicUrl, confirmation.GetLeftPart(UriPartial.Authority));
        Assert.Contains("Votre adresse est confirmée", await client.GetStringAsync(new Uri(confirmation.PathAndQuery, UriKind.Relative)));
        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM registration_users WHERE \"Email\" <> 'admin@tests.local'"));
        using var signedIn = await platform.SignedInClientAsync(Owner, Password);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Register_WhenPasswordIsWeak_TheSameFrenchFieldErrorForANewAndAnExistingAddressAndNoMail(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var platform = Platform(database);
        await platform.CreateUserAsync(Owner, Password, [PlatformRoles.Organiser]);
        using var client = platform.CreateClient();

        var fresh = await client.PostAsJsonAsync("/api/identity/register", new { email = Newcomer, password = "court" });
        var existing = await client.PostAsJsonAsync("/api/identity/register", new { email = Owner, password = "court" });

        Assert.Equal(HttpStatusCode.BadRequest, existing.StatusCode);
        Assert.Equal(fresh.StatusCode, existing.StatusCode);
        var problem = await existing.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("Le mot de passe doit contenir au moins 10 caractères.", problem!["errors"]!["password"]!.AsArray().Select(m => (string?)m));
        // The same problem details but for the traceId the platform's validation problems carry, which differs at every request.
        var freshProblem = await fresh.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotEqual(freshProblem!["traceId"]!.ToJsonString(), problem["traceId"]!.ToJsonString());
        freshProblem.Remove("traceId");
        problem.Remove("traceId");
        Assert.Equal(freshProblem.ToJsonString(), problem.ToJsonString());
        Assert.Empty(platform.Mails());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RegisterPage_WhenAddressHasAnAccount_ShowsTheSamePageAndMailsTheOwnerInsteadOfCreatingOne(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var platform = Platform(database);
        await platform.CreateUserAsync(Owner, Password, [PlatformRoles.Organiser]);
        using var visitor = PageSession.Anonymous(platform);

        var fresh = await visitor.SubmitAsync(await visitor.GetAsync("/inscription"), "main form", new() { ["Email"] = Newcomer, ["Password"] = Password });
        var existing = await visitor.SubmitAsync(await visitor.GetAsync("/inscription"), "main form", new() { ["Email"] = Owner, ["Password"] = Password });

        Assert.Equal(fresh.Response.StatusCode, existing.Response.StatusCode);
        // The same page but for the address typed, which it repeats.
        Assert.Equal(
            fresh.Document.QuerySelector("main")!.InnerHtml.Replace(Newcomer, "ADRESSE", StringComparison.Ordinal),
            existing.Document.QuerySelector("main")!.InnerHtml.Replace(Owner, "ADRESSE", StringComparison.Ordinal));
        Assert.Contains($"Un message vient d'être envoyé à {Owner}.", existing.Document.QuerySelector(".fr-alert--success")!.TextContent);
        var told = Assert.Single(platform.Mails().Select(MailFile.Read), m => m.To == Owner);
        Assert.Equal("Tentative de création de compte avec votre adresse – Semaine de l'industrie", told.Subject);
        Assert.Equal([$"{PublicUrl}/connexion", $"{PublicUrl}/mot-de-passe-oublie"], Links().Matches(told.Body).Select(m => m.Value));
        Assert.Equal(1, await database.ScalarAsync($"""SELECT COUNT(*) FROM registration_users WHERE "NormalizedEmail" = '{Owner.ToUpperInvariant()}'"""));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Login_WhenUnknownWrongPasswordLockedOrUnconfirmed_TheSameFrenchProblemByteForByte(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var platform = Platform(database);
        await platform.CreateUserAsync(Owner, Password, [PlatformRoles.Organiser]);
        await platform.CreateUserAsync("verrouillee@usine-exemple.fr", Password, [PlatformRoles.Organiser]);
        using var client = platform.CreateClient();
        (await client.PostAsJsonAsync("/api/identity/register", new { email = Newcomer, password = Password })).EnsureSuccessStatusCode();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/identity/login", new { email = "verrouillee@usine-exemple.fr", password = "mauvais" });
        }

        var unknown = await client.PostAsJsonAsync("/api/identity/login", new { email = "personne@nulle-part.fr", password = Password });
        var wrongPassword = await client.PostAsJsonAsync("/api/identity/login", new { email = Owner, password = "mauvais" });
        var locked = await client.PostAsJsonAsync("/api/identity/login", new { email = "verrouillee@usine-exemple.fr", password = Password });
        var unconfirmed = await client.PostAsJsonAsync("/api/identity/login", new { email = Newcomer, password = Password });
        var withCookie = await client.PostAsJsonAsync("/api/identity/login?useCookies=true", new { email = Owner, password = "mauvais" });

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal("Adresse électronique ou mot de passe incorrect.", problem.GetProperty("title").GetString());
        Assert.StartsWith("Vérifiez-les et réessayez.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        foreach (var other in new[] { wrongPassword, locked, unconfirmed, withCookie })
        {
            await AssertSameAnswerAsync(unknown, other);
        }

        Assert.Equal(1, await database.ScalarAsync("""SELECT COUNT(*) FROM registration_users WHERE "NormalizedEmail" = 'VERROUILLEE@USINE-EXEMPLE.FR' AND "LockoutEnd" IS NOT NULL"""));
        Assert.False(withCookie.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SignInPage_WhenUnknownWrongPasswordOrLocked_TheSameFrenchSentence(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var platform = Platform(database);
        await platform.CreateUserAsync(Owner, Password, [PlatformRoles.Organiser]);
        await platform.CreateUserAsync("verrouillee@usine-exemple.fr", Password, [PlatformRoles.Organiser]);
        using var visitor = PageSession.Anonymous(platform);
        var form = await visitor.GetAsync("/connexion");
        for (var i = 0; i < 5; i++)
        {
            await visitor.SubmitAsync(form, "main form", new() { ["Email"] = "verrouillee@usine-exemple.fr", ["Password"] = "mauvais" });
        }

        var unknown = await visitor.SubmitAsync(form, "main form", new() { ["Email"] = "personne@nulle-part.fr", ["Password"] = Password });
        var wrongPassword = await visitor.SubmitAsync(form, "main form", new() { ["Email"] = Owner, ["Password"] = "mauvais" });
        var locked = await visitor.SubmitAsync(form, "main form", new() { ["Email"] = "verrouillee@usine-exemple.fr", ["Password"] = Password });

        var alert = unknown.Document.QuerySelector("main .fr-alert--error")!;
        Assert.Equal("Adresse électronique ou mot de passe incorrect.", alert.QuerySelector(".fr-alert__title")!.TextContent.Trim());
        Assert.All(new[] { wrongPassword, locked }, other =>
        {
            Assert.Equal(unknown.Response.StatusCode, other.Response.StatusCode);
            Assert.Equal(alert.OuterHtml, other.Document.QuerySelector("main .fr-alert--error")!.OuterHtml);
        });
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/mon-espace")).Response.StatusCode);
    }

    private static PlatformFactory Platform(TestDatabase database) => new(database, new Dictionary<string, string?>
    {
        ["Site:PublicUrl"] = PublicUrl,
        ["RateLimits:Accounts:PermitLimit"] = "100",
    });

    /// <summary>Status, content headers and body, byte for byte.</summary>
    private static async Task AssertSameAnswerAsync(HttpResponseMessage expected, HttpResponseMessage actual)
    {
        Assert.Equal(expected.StatusCode, actual.StatusCode);
        Assert.Equal(expected.Content.Headers.ContentType?.ToString(), actual.Content.Headers.ContentType?.ToString());
        Assert.Equal(expected.Content.Headers.ContentLength, actual.Content.Headers.ContentLength);
        Assert.Equal(await expected.Content.ReadAsByteArrayAsync(), await actual.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A mail's text as one line per paragraph (mail bodies may be folded).</summary>
    private static string Unfolded(string body) => Regex.Replace(body, @"\s+", " ");

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex Links();
}
