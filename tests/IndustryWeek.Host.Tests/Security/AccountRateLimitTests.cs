using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Security;

/// <summary>
/// Registration and password reset are limited like sign-in (RateLimits:Accounts): past the limit the
/// answer is 429 in French — problem details for the API, a page for people — and the attempt changes nothing.
/// </summary>
public sealed class AccountRateLimitTests
{
    private const int Limit = 3;
    private const string Detail = "Trop de tentatives depuis votre connexion : réessayez dans une minute.";
    private const string Password = "Mot-de-passe-2020";

    [Fact]
    public async Task RegisterApi_PastTheLimit_Answers429AndCreatesNoAccount()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = Platform(database);
        using var client = platform.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 1; i <= Limit + 1; i++)
        {
            answers.Add(await client.PostAsJsonAsync("/api/identity/register", new { email = $"organisateur{i}@usine-exemple.fr", password = Password }));
        }

        Assert.All(answers.Take(Limit), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await AssertTooManyAttemptsProblemAsync(answers[Limit]);
        Assert.Equal(Limit, await database.ScalarAsync("SELECT COUNT(*) FROM registration_users WHERE \"Email\" LIKE 'organisateur%'"));
        Assert.Equal(Limit, platform.Mails().Count); // one confirmation mail per account created, none for the refused one
    }

    [Fact]
    public async Task ForgotPasswordApi_PastTheLimit_Answers429AndSendsNoMoreMail()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = Platform(database);
        await platform.CreateUserAsync("organisatrice@usine-exemple.fr", Password, [PlatformRoles.Organiser]);
        using var client = platform.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i <= Limit; i++)
        {
            answers.Add(await client.PostAsJsonAsync("/api/identity/forgotPassword", new { email = "organisatrice@usine-exemple.fr" }));
        }

        Assert.All(answers.Take(Limit), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await AssertTooManyAttemptsProblemAsync(answers[Limit]);
        Assert.Equal(Limit, platform.Mails().Count);
    }

    [Theory]
    [InlineData("/inscription", "Email", "Password")]
    [InlineData("/mot-de-passe-oublie", "Email", null)]
    [InlineData("/confirmation-email/nouveau-lien", "Email", null)]
    [InlineData("/connexion", "Email", "Password")]
    public async Task FormPage_PastTheLimit_ShowsAFrenchPageAndTheFormCanStillBeShown(string path, string emailField, string? passwordField)
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = Platform(database);
        using var visitor = PageSession.Anonymous(platform);
        var form = await visitor.GetAsync(path);
        var usersBefore = await database.ScalarAsync("SELECT COUNT(*) FROM registration_users");

        var statuses = new List<HttpStatusCode>();
        PageResult? last = null;
        for (var i = 1; i <= Limit + 1; i++)
        {
            var values = new Dictionary<string, string?> { [emailField] = $"personne{i}@usine-exemple.fr" };
            if (passwordField is not null)
            {
                values[passwordField] = Password;
            }

            last = await visitor.SubmitAsync(form, "main form", values);
            statuses.Add(last.Response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(Limit));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[Limit]);
        Assert.Equal("text/html", last!.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Trop de requêtes", last.Document.QuerySelector("h1")?.TextContent); // the site's error page, in its layout
        Assert.Equal("Trop de demandes depuis votre connexion : réessayez dans une minute.", last.Document.QuerySelector("main p")?.TextContent);
        Assert.NotNull(last.Document.QuerySelector("header.fr-header"));
        Assert.Equal(path, last.Document.QuerySelector("main a")?.GetAttribute("href"));
        Assert.NotNull(last.Response.Headers.RetryAfter);
        // The refused attempt created nothing (registration) and the form itself is still shown: reading is not an attempt.
        Assert.Equal(usersBefore + (path == "/inscription" ? Limit : 0), await database.ScalarAsync("SELECT COUNT(*) FROM registration_users"));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(path)).Response.StatusCode);
    }

    private static PlatformFactory Platform(TestDatabase database) =>
        new(database, new Dictionary<string, string?> { ["RateLimits:Accounts:PermitLimit"] = $"{Limit}", ["Outbox:DispatcherEnabled"] = "false" });

    private static async Task AssertTooManyAttemptsProblemAsync(HttpResponseMessage answer)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(answer.Headers.RetryAfter);
        Assert.Equal(Detail, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
