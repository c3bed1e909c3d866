using System.Net;
using System.Text.RegularExpressions;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Registration;

/// <summary>Forgotten passwords and lockout, as a person meets them on the pages.</summary>
public sealed partial class PasswordTests
{
    private const string Email = "organisatrice@usine-exemple.fr";
    private const string Password = "Mot-de-passe-2020";

    [Fact]
    public async Task ForgottenPassword_LinkFromTheMail_SetsANewPasswordThatSignsIn()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        await platform.CreateUserAsync(Email, Password, [PlatformRoles.Organiser]);
        using var visitor = PageSession.Anonymous(platform);

        var unknown = await visitor.SubmitAsync(await visitor.GetAsync("/mot-de-passe-oublie"), "main form", new() { ["Email"] = "personne@nulle-part.fr" });
        var known = await visitor.SubmitAsync(await visitor.GetAsync("/mot-de-passe-oublie"), "main form", new() { ["Email"] = Email });

        Assert.Equal(unknown.Document.QuerySelector(".fr-alert")!.TextContent.Trim(), known.Document.QuerySelector(".fr-alert")!.TextContent.Trim());
        var mail = MailFile.Read(Assert.Single(platform.Mails()));
        Assert.Equal(Email, mail.To);
        Assert.Equal("Réinitialisation de votre mot de passe – Semaine de l'industrie", mail.Subject);
        var link = new Uri(ResetLink().Match(mail.Body).Value);

        var form = await visitor.GetAsync(link.PathAndQuery);
        var weak = await visitor.SubmitAsync(form, "main form", new() { ["NewPassword"] = "court" });
        var done = await visitor.SubmitAsync(form, "main form", new() { ["NewPassword"] = "Nouveau-mot-de-passe-7" });
        var reused = await visitor.SubmitAsync(form, "main form", new() { ["NewPassword"] = "Encore-un-autre-8" });

        Assert.Equal("Le mot de passe doit contenir au moins 10 caractères.", weak.FieldErrors["NewPassword"]);
        Assert.Contains("Votre mot de passe est changé", done.Document.QuerySelector(".fr-alert--success")!.TextContent);
        Assert.Contains("Ce lien n'est pas valide ou a expiré", reused.Document.QuerySelector("#erreurs")!.TextContent);
        using var signedIn = await PageSession.SignedInAsync(platform, Email, "Nouveau-mot-de-passe-7");
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_AccountIsLockedEvenWithTheRightOne()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database, new Dictionary<string, string?> { ["RateLimits:Accounts:PermitLimit"] = "100" });
        await platform.CreateUserAsync(Email, Password, [PlatformRoles.Organiser]);
        using var visitor = PageSession.Anonymous(platform);
        var form = await visitor.GetAsync("/connexion");

        for (var i = 0; i < 5; i++)
        {
            await visitor.SubmitAsync(form, "main form", new() { ["Email"] = Email, ["Password"] = "mauvais" });
        }

        var locked = await visitor.SubmitAsync(form, "main form", new() { ["Email"] = Email, ["Password"] = Password });

        Assert.Equal(HttpStatusCode.OK, locked.Response.StatusCode);
        Assert.Equal("Adresse électronique ou mot de passe incorrect.", locked.Document.QuerySelector(".fr-alert--error .fr-alert__title")!.TextContent.Trim());
        Assert.Equal(1, await database.ScalarAsync($"""SELECT COUNT(*) FROM registration_users WHERE "NormalizedEmail" = '{Email.ToUpperInvariant()}' AND "LockoutEnd" IS NOT NULL"""));
    }

    [GeneratedRegex(@"https?://\S+/nouveau-mot-de-passe\?\S+")]
    private static partial Regex ResetLink();
}
