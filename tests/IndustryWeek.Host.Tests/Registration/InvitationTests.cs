using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Registration;

/// <summary>A member invites a colleague by email; only that address can use the invitation, once.</summary>
public sealed partial class InvitationTests
{
    private const string Password = "Mot-de-passe-2020";

    [Fact]
    public async Task Invitation_WhenTheInvitedColleagueAccepts_TheyBecomeAMember()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        await platform.CreateUserAsync("a@usine-a.fr", Password, [PlatformRoles.Organiser]);
        await platform.CreateUserAsync("collegue@usine-a.fr", Password, [PlatformRoles.Organiser]);
        await platform.CreateUserAsync("b@lycee-b.fr", Password, [PlatformRoles.Organiser]);
        using var a = await platform.SignedInClientAsync("a@usine-a.fr", Password);
        using var colleague = await platform.SignedInClientAsync("collegue@usine-a.fr", Password);
        using var b = await platform.SignedInClientAsync("b@lycee-b.fr", Password);

        var beforeOrganisation = await a.PostAsJsonAsync("/api/me/organisation/invitations", new { email = "collegue@usine-a.fr" });
        (await a.PutAsJsonAsync("/api/me/organisation", new
        {
            name = "Usine Exemple",
            type = "IndustrialCompany",
            address = new { street = "1 rue de l'Industrie", postalCode = "59300", city = "Valenciennes" },
            contactName = "Camille Martin",
        })).EnsureSuccessStatusCode();
        var invited = await a.PostAsJsonAsync("/api/me/organisation/invitations", new { email = "collegue@usine-a.fr" });
        var mail = MailFile.Read(Assert.Single(platform.Mails()));
        var token = InvitationToken().Match(mail.Body).Groups[1].Value;
        var acceptedByB = await b.PostAsync(new Uri($"/api/me/organisation/invitations/{token}/accept", UriKind.Relative), null);
        var accepted = await colleague.PostAsync(new Uri($"/api/me/organisation/invitations/{token}/accept", UriKind.Relative), null);
        var reused = await colleague.PostAsync(new Uri($"/api/me/organisation/invitations/{token}/accept", UriKind.Relative), null);
        var invitedAgain = await a.PostAsJsonAsync("/api/me/organisation/invitations", new { email = "COLLEGUE@usine-a.fr" });

        Assert.Equal(HttpStatusCode.NotFound, beforeOrganisation.StatusCode);
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        Assert.Equal("collegue@usine-a.fr", mail.To);
        Assert.Equal("a@usine-a.fr vous invite à rejoindre Usine Exemple – Semaine de l'industrie", mail.Subject);
        Assert.Equal(HttpStatusCode.Forbidden, acceptedByB.StatusCode);
        Assert.Equal("Cette invitation est adressée à collegue@usine-a.fr : connectez-vous avec ce compte.", (await acceptedByB.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reused.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, invitedAgain.StatusCode);
        var organisation = await colleague.GetFromJsonAsync<JsonElement>(new Uri("/api/me/organisation", UriKind.Relative));
        Assert.Equal("Usine Exemple", organisation.GetProperty("name").GetString());
        Assert.Equal(["a@usine-a.fr", "collegue@usine-a.fr"], organisation.GetProperty("members").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(new Uri("/api/me/organisation", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task InvitationPages_MemberInvitesFromTheOrganisationPage_ColleagueJoinsFromTheLink()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        await platform.CreateUserAsync("a@usine-a.fr", Password, [PlatformRoles.Organiser]);
        await platform.CreateUserAsync("collegue@usine-a.fr", Password, [PlatformRoles.Organiser]);
        using var a = await PageSession.SignedInAsync(platform, "a@usine-a.fr", Password);
        var profile = await a.GetAsync("/organisation");
        var saved = await a.FollowAsync(await a.SubmitAsync(profile, "main form", new()
        {
            ["Name"] = "Usine Exemple", ["Type"] = "IndustrialCompany", ["Street"] = "1 rue de l'Industrie",
            ["PostalCode"] = "59300", ["City"] = "Valenciennes", ["ContactName"] = "Camille Martin",
        }));

        var badAddress = await a.SubmitAsync(saved, "form[action*='handler=Invite']", new() { ["ColleagueEmail"] = "pas-une-adresse" });
        var invited = await a.FollowAsync(await a.SubmitAsync(saved, "form[action*='handler=Invite']", new() { ["ColleagueEmail"] = "collegue@usine-a.fr" }));
        using var colleague = await PageSession.SignedInAsync(platform, "collegue@usine-a.fr", Password);
        var link = new Uri(InvitationLink().Match(MailFile.Read(Assert.Single(platform.Mails())).Body).Value);
        var joined = await colleague.FollowAsync(await colleague.SubmitAsync(await colleague.GetAsync(link.PathAndQuery), "main form"));

        Assert.Equal("Cette adresse électronique n'est pas valide.", badAddress.FieldErrors["ColleagueEmail"]);
        Assert.Contains("Invitation envoyée à collegue@usine-a.fr.", invited.Document.QuerySelector(".fr-alert--success")!.TextContent);
        Assert.Contains("Vous avez rejoint Usine Exemple.", joined.Document.QuerySelector(".fr-alert--success")!.TextContent);
        Assert.Contains("a@usine-a.fr, collegue@usine-a.fr", joined.Document.QuerySelector("main")!.TextContent);
    }

    [GeneratedRegex(@"https?://\S+/invitation\?jeton=[0-9a-f]{32}")]
    private static partial Regex InvitationLink();

    [GeneratedRegex(@"/invitation\?jeton=([0-9a-f]{32})")]
    private static partial Regex InvitationToken();
}
