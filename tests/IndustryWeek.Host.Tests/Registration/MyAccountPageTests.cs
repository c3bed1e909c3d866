using System.Net;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Registration;

/// <summary>`/mon-compte`: every signed-in person, the first administrator included, changes their own password.</summary>
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class MyAccountPageTests : IAsyncLifetime
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
    public async Task FirstAdministrator_ChangesTheirPassword_TheOldOneNoLongerOpensTheAccount()
    {
        const string NewPassword = "Nouveau-Secret-2027";
        using var admin = await PageSession.SignedInAsync(_platform, PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);
        var page = await admin.GetAsync("/mon-compte");
        Assert.Equal(PlatformFactory.AdminEmail, page.Document.QuerySelector("#account-email")!.TextContent.Trim());
        Assert.Equal("/mon-compte", page.Document.QuerySelector("header a.fr-icon-account-circle-line")!.GetAttribute("href"));

        // No current password and a confirmation that differs, a wrong current one, a weak new one: French errors in
        // the form's order, nothing changed.
        var wrong = await admin.SubmitAsync(page, "#change-password", new() { ["CurrentPassword"] = "", ["NewPassword"] = NewPassword, ["Confirmation"] = "autre-chose" });
        Assert.Equal(HttpStatusCode.OK, wrong.Response.StatusCode);
        Assert.Equal(["CurrentPassword", "Confirmation"], wrong.Document.QuerySelectorAll("#erreurs a").Select(a => a.GetAttribute("href")![1..]));
        var mismatch = await admin.SubmitAsync(page, "#change-password", new() { ["CurrentPassword"] = "pas-le-bon", ["NewPassword"] = NewPassword, ["Confirmation"] = NewPassword });
        Assert.Equal("Ce n'est pas votre mot de passe actuel.", mismatch.FieldErrors["CurrentPassword"]);
        var weak = await admin.SubmitAsync(page, "#change-password", new() { ["CurrentPassword"] = PlatformFactory.AdminPassword, ["NewPassword"] = "court", ["Confirmation"] = "court" });
        Assert.StartsWith("Le mot de passe doit contenir au moins", weak.FieldErrors["NewPassword"], StringComparison.Ordinal);

        var changed = await admin.SubmitAsync(page, "#change-password", new() { ["CurrentPassword"] = PlatformFactory.AdminPassword, ["NewPassword"] = NewPassword, ["Confirmation"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, changed.Response.StatusCode);
        var after = await admin.FollowAsync(changed);
        Assert.Equal("Votre mot de passe est changé.", after.Document.QuerySelector(".fr-alert--success")!.TextContent.Trim());

        // The session that changed it goes on; the new password opens the account, the old one no longer does.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/editions")).Response.StatusCode);
        using var again = await PageSession.SignedInAsync(_platform, PlatformFactory.AdminEmail, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/mon-compte")).Response.StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => PageSession.SignedInAsync(_platform, PlatformFactory.AdminEmail, PlatformFactory.AdminPassword));
    }

    [Fact]
    public async Task MyAccount_WhenAnonymous_LeadsToSignIn()
    {
        using var visitor = PageSession.Anonymous(_platform);

        var page = await visitor.GetAsync("/mon-compte");

        Assert.Equal(HttpStatusCode.Redirect, page.Response.StatusCode);
        Assert.Equal("/connexion", page.Response.Headers.Location!.AbsolutePath);
    }
}
