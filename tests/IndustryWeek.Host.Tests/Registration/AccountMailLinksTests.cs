using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IndustryWeek.Host.Tests.Registration;

/// <summary>
/// The account mails (confirmation, its resend, « account already exists », invitation) lead to the
/// site's public address, whatever host a request named: a forged Host header cannot send people elsewhere.
/// </summary>
public sealed partial class AccountMailLinksTests
{
    private const string PublicUrl = "https://semaine-industrie.example.fr";
    private const string Password = "Mot-de-passe-2020";

    [Fact]
    public async Task AccountMails_WhenTheRequestNamesAForeignHost_LinksLeadToTheSitePublicUrlInTextAndHtml()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database, new Dictionary<string, string?> { ["Site:PublicUrl"] = PublicUrl });
        using var forged = platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://piege.example.com/") });

        (await forged.PostAsJsonAsync("/api/identity/register", new { email = "nouvelle@usine-exemple.fr", password = Password })).EnsureSuccessStatusCode();
        (await forged.PostAsJsonAsync("/api/identity/resendConfirmationEmail", new { email = "nouvelle@usine-exemple.fr" })).EnsureSuccessStatusCode();
        (await forged.PostAsJsonAsync("/api/identity/register", new { email = "nouvelle@usine-exemple.fr", password = Password })).EnsureSuccessStatusCode();
        await platform.CreateUserAsync("a@usine-a.fr", Password, [PlatformRoles.Organiser]);
        var login = await forged.PostAsJsonAsync("/api/identity/login", new { email = "a@usine-a.fr", password = Password });
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        (await forged.PutAsJsonAsync("/api/me/organisation", new
        {
            name = "Usine A",
            type = "IndustrialCompany",
            address = new { street = "1 rue de l'Industrie", postalCode = "59300", city = "Valenciennes" },
            contactName = "Camille Martin",
        })).EnsureSuccessStatusCode();
        (await forged.PostAsJsonAsync("/api/me/organisation/invitations", new { email = "collegue@usine-a.fr" })).EnsureSuccessStatusCode();

        var mails = platform.Mails().Select(MailFile.Read).ToList();
        Assert.Equal(
            ["Confirmez votre adresse électronique – Semaine de l'industrie", "Confirmez votre adresse électronique – Semaine de l'industrie", "Tentative de création de compte avec votre adresse – Semaine de l'industrie", "a@usine-a.fr vous invite à rejoindre Usine A – Semaine de l'industrie"],
            mails.Select(m => m.Subject).Order(StringComparer.Ordinal));
        Assert.All(mails, m =>
        {
            var textLinks = UrlPattern().Matches(m.Body).Select(u => u.Value).ToList();
            var htmlLinks = HrefPattern().Matches(m.Html).Select(h => h.Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(textLinks);
            Assert.All(textLinks, link => Assert.StartsWith(PublicUrl + "/", link));
            Assert.Equal(textLinks, htmlLinks);
            Assert.DoesNotContain("piege.example.com", m.Body + m.Html, StringComparison.Ordinal);
        });
        Assert.All(mails.Where(m => m.Subject.StartsWith("Confirmez", StringComparison.Ordinal)), m => Assert.Contains($"Confirmer mon adresse : {PublicUrl}/confirmation-email?userId=", m.Body));
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex UrlPattern();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex HrefPattern();
}
