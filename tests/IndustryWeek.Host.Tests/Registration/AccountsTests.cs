using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Registration;

/// <summary>Organiser accounts (API.md, Accounts): registration, confirmation, rate limits, roles given by an administrator.</summary>
public sealed partial class AccountsTests
{
    private const string Email = "organisatrice@usine-exemple.fr";
    private const string Password = "Mot-de-passe-2020";

    [Fact]
    public async Task Register_ThenConfirmFromTheMail_OrganiserCanSignInAndIsAnOrganiserOnly()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        using var client = platform.CreateClient();

        var registered = await client.PostAsJsonAsync("/api/identity/register", new { email = Email, password = Password });
        var beforeConfirming = await client.PostAsJsonAsync("/api/identity/login", new { email = Email, password = Password });

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, beforeConfirming.StatusCode);
        var mail = MailFile.Read(Assert.Single(platform.Mails()));
        Assert.Equal(Email, mail.To);
        Assert.Equal("Confirmez votre adresse électronique – Semaine de l'industrie", mail.Subject);
        var link = new Uri(ConfirmationLink().Match(mail.Body).Value);
        Assert.Equal("/confirmation-email", link.AbsolutePath);

        var confirmation = await client.GetStringAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        Assert.Contains("Votre adresse est confirmée", confirmation);

        using var organiser = await platform.SignedInClientAsync(Email, Password);
        var info = await organiser.GetFromJsonAsync<JsonElement>(new Uri("/api/identity/manage/info", UriKind.Relative));
        Assert.True(info.GetProperty("isEmailConfirmed").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await organiser.PostAsJsonAsync("/api/editions", new { })).StatusCode);
        Assert.Equal(1, await database.ScalarAsync($"""
            SELECT COUNT(*) FROM registration_user_roles ur
            JOIN registration_roles r ON r."Id" = ur."RoleId" JOIN registration_users u ON u."Id" = ur."UserId"
            WHERE u."NormalizedEmail" = '{Email.ToUpperInvariant()}' AND r."Name" = 'Organiser'
            """));
    }

    public static TheoryData<string, string, string> BadRegistrations() => new()
    {
        { Email, "court", "Le mot de passe doit contenir au moins 10 caractères." },
        { Email, "motdepasselong", "Le mot de passe doit contenir au moins un chiffre." },
        { "pas-une-adresse", Password, "Cette adresse électronique n'est pas valide." },
        { PlatformFactory.AdminEmail, "court", "Le mot de passe doit contenir au moins 10 caractères." },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task Register_WhenRefused_Returns400WithAFrenchFieldErrorAndCreatesNoAccount(string email, string password, string message)
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        using var client = platform.CreateClient();

        var response = await client.PostAsJsonAsync("/api/identity/register", new { email, password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(message, errors.EnumerateObject().SelectMany(f => f.Value.EnumerateArray()).Select(m => m.GetString()));
        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM registration_users"));
        Assert.Empty(platform.Mails());
    }

    [Fact]
    public async Task RegisterPage_WhenFilledIn_SaysToCheckTheMailboxAndSendsTheConfirmation()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        using var visitor = PageSession.Anonymous(platform);
        var form = await visitor.GetAsync("/inscription");

        var empty = await visitor.SubmitAsync(form, "main form", new() { ["Email"] = "", ["Password"] = "" });
        var done = await visitor.SubmitAsync(form, "main form", new() { ["Email"] = Email, ["Password"] = Password });

        Assert.Equal("L'adresse électronique est obligatoire.", empty.FieldErrors["Email"]);
        Assert.Equal("Le mot de passe est obligatoire.", empty.FieldErrors["Password"]);
        Assert.Contains($"Un message vient d'être envoyé à {Email}.", done.Document.QuerySelector(".fr-alert--success")!.TextContent);
        Assert.Equal(Email, MailFile.Read(Assert.Single(platform.Mails())).To);
    }

    [Fact]
    public async Task ConfirmationPage_WhenLinkIsForged_SaysSoAndConfirmsNothing()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        using var client = platform.CreateClient();
        (await client.PostAsJsonAsync("/api/identity/register", new { email = Email, password = Password })).EnsureSuccessStatusCode();
        var userId = new Uri(ConfirmationLink().Match(MailFile.Read(platform.Mails()[0]).Body).Value).Query.Split('&')[0].Split('=')[1];

        var page = await client.GetStringAsync(new Uri($"/confirmation-email?userId={userId}&code=Zm9yZ2Vk", UriKind.Relative));

        Assert.Contains("Ce lien de confirmation n'est pas valide", page);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/identity/login", new { email = Email, password = Password })).StatusCode);
    }

    [Fact]
    public async Task Login_WhenTooManyAttempts_Returns429WithAFrenchProblemAndRetryAfter()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database, new Dictionary<string, string?> { ["RateLimits:Accounts:PermitLimit"] = "3" });
        using var client = platform.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await client.PostAsJsonAsync("/api/identity/login", new { email = PlatformFactory.AdminEmail, password = "mauvais" }));
        }

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].StatusCode);
        Assert.True(answers[3].Headers.RetryAfter is not null);
        Assert.Equal("Trop de tentatives depuis votre connexion : réessayez dans une minute.", (await answers[3].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        // Registering is limited on its own: a flood of sign-ins does not block it.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/identity/register", new { email = Email, password = Password })).StatusCode);
    }

    [Fact]
    public async Task AssignRoles_WhenAdministratorMakesAModerator_TheyGrantInTheirRegionOnly()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database, new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false" });
        await platform.CreateUserAsync("moderatrice@hauts-de-france.gouv.fr", Password, [PlatformRoles.Organiser]);
        using var admin = await platform.SignedInClientAsync();

        var response = await admin.PostAsJsonAsync("/api/admin/users/moderatrice@hauts-de-france.gouv.fr/roles", new { roles = new[] { "Moderator" }, regions = new[] { "32" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var assigned = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Moderator"], assigned.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["32"], assigned.GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
        using var moderator = await platform.SignedInClientAsync("moderatrice@hauts-de-france.gouv.fr", Password);
        var inRegion = SampleEvents.FactoryVisit(regionCode: "32");
        var elsewhere = SampleEvents.FactoryVisit(regionCode: "11");
        await platform.PublishAsync(inRegion);
        await platform.PublishAsync(elsewhere);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/labelling/applications/{inRegion.EventId}/grant", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PostAsJsonAsync($"/api/labelling/applications/{elsewhere.EventId}/grant", new { })).StatusCode);
    }

    public static TheoryData<string, string, string> BadAssignments() => new()
    {
        { """{"roles":["Moderateur"],"regions":[]}""", "roles[0]", "« Moderateur » n'est pas un rôle ; rôles possibles : Organiser, Moderator, Administrator, Operator." },
        { """{"roles":["Organiser"],"regions":["32"]}""", "regions", "Des régions ne se donnent qu'avec le rôle Moderator." },
        { """{"roles":["Moderator"],"regions":["99"]}""", "regions[0]", "« 99 » n'est pas un code de région officiel (COG), par exemple 32 pour les Hauts-de-France." },
        { """{"roles":["Moderator"],"regions":[]}""", "regions", "Un modérateur modère au moins une région." },
        { """{"regions":[]}""", "roles", "La liste des rôles est obligatoire (elle peut être vide)." },
    };

    [Theory]
    [MemberData(nameof(BadAssignments))]
    public async Task AssignRoles_WhenInvalid_Returns400WithTheFieldAndChangesNothing(string body, string field, string message)
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        await platform.CreateUserAsync(Email, Password, [PlatformRoles.Organiser]);
        using var admin = await platform.SignedInClientAsync();

        var response = await admin.PostAsync(new Uri($"/api/admin/users/{Email}/roles", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(1, await database.ScalarAsync("""SELECT COUNT(*) FROM registration_user_roles ur JOIN registration_roles r ON r."Id" = ur."RoleId" WHERE r."Name" = 'Organiser'"""));
        Assert.Equal(0, await database.ScalarAsync("SELECT COUNT(*) FROM registration_user_claims"));
    }

    [Fact]
    public async Task AssignRoles_WhenNotAdministratorOrUnknownOrSelfDemotion_IsRefused()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        await platform.CreateUserAsync(Email, Password, [PlatformRoles.Organiser, PlatformRoles.Operator]);
        using var anonymous = platform.CreateClient();
        using var operatorClient = await platform.SignedInClientAsync(Email, Password);
        using var admin = await platform.SignedInClientAsync();
        var body = new { roles = new[] { "Administrator" }, regions = Array.Empty<string>() };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/admin/users/{Email}/roles", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsJsonAsync($"/api/admin/users/{Email}/roles", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/admin/users/personne@nulle-part.fr/roles", body)).StatusCode);
        var demotion = await admin.PostAsJsonAsync($"/api/admin/users/{PlatformFactory.AdminEmail}/roles", new { roles = new[] { "Operator" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, demotion.StatusCode);
        Assert.Equal("Vous ne pouvez pas retirer votre propre rôle d'administrateur.", (await demotion.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(0, await database.ScalarAsync($"""SELECT COUNT(*) FROM registration_user_roles ur JOIN registration_users u ON u."Id" = ur."UserId" JOIN registration_roles r ON r."Id" = ur."RoleId" WHERE u."NormalizedEmail" = '{Email.ToUpperInvariant()}' AND r."Name" = 'Administrator'"""));
    }

    [GeneratedRegex(@"https?://\S+/confirmation-email\?\S+")]
    private static partial Regex ConfirmationLink();
}
