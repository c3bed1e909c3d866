using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Registration;

/// <summary>
/// A new confirmation link, asked for from the page the sign-in page links to (or the API): the same French answer
/// whatever the address, and a mail only for an existing account whose address is not confirmed.
/// </summary>
public sealed partial class ResendConfirmationTests
{
    private const string PublicUrl = "https://semaine-industrie.example.fr";
    private const string Unconfirmed = "nouvelle@usine-exemple.fr";
    private const string Password = "Mot-de-passe-2020";
    private const string Answer = "Si un compte dont l'adresse n'est pas encore confirmée existe pour cette adresse, un nouveau lien de confirmation vient de lui être envoyé.";

    [Fact]
    public async Task ResendPage_AnswersAlikeForEveryAddress_AndMailsOnlyAnUnconfirmedAccount_WhoseLinkConfirmsIt()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database, new Dictionary<string, string?> { ["Site:PublicUrl"] = PublicUrl });
        using var client = platform.CreateClient();
        (await client.PostAsJsonAsync("/api/identity/register", new { email = Unconfirmed, password = Password })).EnsureSuccessStatusCode();
        var registered = platform.Mails().Count;

        using var visitor = PageSession.Anonymous(platform);
        var signIn = await visitor.GetAsync("/connexion");
        var refused = await visitor.SubmitAsync(signIn, "main form", new() { ["Email"] = Unconfirmed, ["Password"] = Password });
        Assert.NotNull(refused.Document.QuerySelector(".fr-alert--error a[href='/confirmation-email/nouveau-lien']"));
        var page = await visitor.GetAsync(signIn.Document.QuerySelector("a[href='/confirmation-email/nouveau-lien']")!.GetAttribute("href")!);

        var invalid = await visitor.SubmitAsync(page, "#resend-confirmation", new() { ["Email"] = "pas-une-adresse" });
        Assert.Equal("Cette adresse électronique n'est pas valide.", invalid.FieldErrors["Email"]);
        var answers = new List<string>();
        foreach (var email in new[] { "personne@usine-exemple.fr", PlatformFactory.AdminEmail, Unconfirmed })
        {
            var sent = await visitor.SubmitAsync(page, "#resend-confirmation", new() { ["Email"] = email });
            Assert.Equal(HttpStatusCode.OK, sent.Response.StatusCode);
            answers.Add(sent.Document.QuerySelector("main .fr-alert")!.TextContent.Trim());
        }

        Assert.All(answers, a => Assert.Equal(Answer, a));
        var mails = platform.Mails().Skip(registered).Select(MailFile.Read).ToList();
        var mail = Assert.Single(mails);
        Assert.Equal(Unconfirmed, mail.To);
        Assert.Equal("Confirmez votre adresse électronique – Semaine de l'industrie", mail.Subject);
        var link = Assert.Single(UrlPattern().Matches(mail.Body)).Value;
        Assert.StartsWith($"{PublicUrl}/confirmation-email?userId=", link, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link.Replace("&", "&amp;", StringComparison.Ordinal)}\"", mail.Html, StringComparison.Ordinal);

        var confirmed = await visitor.GetAsync(link[PublicUrl.Length..]);
        Assert.Equal("Votre adresse est confirmée : vous pouvez vous connecter.", confirmed.Document.QuerySelector(".fr-alert--success")!.TextContent.Trim());
        using var signedIn = await PageSession.SignedInAsync(platform, Unconfirmed, Password);

        // Confirmed now: asking again sends nothing, on the page as through the API, with the same answers.
        Assert.Equal(Answer, (await visitor.SubmitAsync(page, "#resend-confirmation", new() { ["Email"] = Unconfirmed })).Document.QuerySelector("main .fr-alert")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/identity/resendConfirmationEmail", new { email = Unconfirmed })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/identity/resendConfirmationEmail", new { email = "personne@usine-exemple.fr" })).StatusCode);
        Assert.Equal(registered + 1, platform.Mails().Count);
    }

    [Fact]
    public async Task ConfirmEmailApi_WithTheMailedLink_AnswersInFrench_AndAWrongCodeChangesNothing()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database, new Dictionary<string, string?> { ["Site:PublicUrl"] = PublicUrl });
        using var client = platform.CreateClient();
        (await client.PostAsJsonAsync("/api/identity/register", new { email = Unconfirmed, password = Password })).EnsureSuccessStatusCode();
        var link = new Uri(Assert.Single(UrlPattern().Matches(MailFile.Read(Assert.Single(platform.Mails())).Body)).Value);

        var wrong = await client.GetAsync(new Uri("/api/identity/confirmEmail" + link.Query.Replace("code=", "code=AAAA", StringComparison.Ordinal), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var confirmed = await client.GetAsync(new Uri("/api/identity/confirmEmail" + link.Query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("Votre adresse électronique est confirmée : vous pouvez vous connecter.", await confirmed.Content.ReadAsStringAsync());
        Assert.Equal("utf-8", confirmed.Content.Headers.ContentType!.CharSet);
        (await client.PostAsJsonAsync("/api/identity/login", new { email = Unconfirmed, password = Password })).EnsureSuccessStatusCode();
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex UrlPattern();
}
