using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Host.Tests.CommunicationKit;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Host.Tests.Security;

/// <summary>Who asks, in the authorization matrix.</summary>
public enum Persona
{
    Anonymous,
    OrganiserA,
    OrganiserB,
    ModeratorX,
    ModeratorY,
    Administrator,
    Operator,
}

/// <summary>
/// Built once for the matrix: the upcoming edition open, organisation A with a labelled event and an event
/// pending moderation in Hauts-de-France (region X, 32), organisation B with its own pending event there too,
/// a moderator of region X and one of Île-de-France (region Y, 11), an administrator without Operator, an
/// operator only; each persona with a bearer client (API) and a cookie session (pages).
/// </summary>
public sealed class AuthorizationScene : IAsyncLifetime
{
    // ASCII without apostrophes: JSON answers escape accents and apostrophes (\u00E9), where a search for the text would miss them.
    public const string TitleALabelled = "Visite labellisee usine Alpha";
    public const string TitleAPending = "Atelier secret Alpha en attente";
    public const string TitleB = "Journee portes ouvertes Beta confidentielle";
    public const string OrganisationA = "Alpha Industries SAS";
    public const string OrganisationB = "Beta Mecanique SARL";
    public const string OrganiserAEmail = "organisatrice@alpha.fr";
    public const string OrganiserBEmail = "organisateur@beta.fr";
    public const string ModeratorYEmail = "moderateur@prefecture-idf.fr";
    public const string AdministratorEmail = "administratrice@tests.local";
    public const string OperatorEmail = "operateur@tests.local";

    private readonly Dictionary<Persona, HttpClient> _api = [];
    private readonly Dictionary<Persona, PageSession> _pages = [];

    internal KitScene Kit { get; private set; } = null!;

    public PlatformFactory Platform => Kit.Platform;

    public Guid EditionId { get; private set; }

    /// <summary>A draft edition the edition-writing endpoints are tried on (the open one is left alone).</summary>
    public Guid DraftEditionId { get; private set; }

    public Guid EventALabelled { get; private set; }

    public Guid EventAPending { get; private set; }

    public Guid EventB { get; private set; }

    /// <summary>Organiser A's account id (the administrators' page of an account).</summary>
    public string OrganiserAUserId { get; private set; } = "";

    public HttpClient Api(Persona persona) => _api[persona];

    public PageSession Pages(Persona persona) => _pages[persona];

    public async Task InitializeAsync()
    {
        Kit = await KitScene.StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:Accounts:PermitLimit"] = "10000" });
        var organiserA = await Kit.OrganiserAsync(OrganiserAEmail, OrganisationA);
        var organiserB = await Kit.OrganiserAsync(OrganiserBEmail, OrganisationB);
        EventALabelled = await Kit.LabelledEventAsync(organiserA, TitleALabelled);
        EventAPending = await Kit.SubmittedEventAsync(organiserA, TitleAPending);
        EventB = await Kit.SubmittedEventAsync(organiserB, TitleB);
        var moderatorX = await Kit.ModeratorAsync();
        await Platform.CreateUserAsync(ModeratorYEmail, KitScene.Password, [PlatformRoles.Moderator], ["11"]);
        await Platform.CreateUserAsync(AdministratorEmail, KitScene.Password, [PlatformRoles.Administrator]);
        await Platform.CreateUserAsync(OperatorEmail, KitScene.Password, [PlatformRoles.Operator]);

        var editions = await Kit.Admin.GetFromJsonAsync<JsonElement>("/api/editions/current");
        EditionId = editions.GetProperty("id").GetGuid();
        var draft = await Kit.Admin.PostAsJsonAsync("/api/editions", new Dictionary<string, object?>
        {
            ["number"] = Kit.Year - 2009,
            ["year"] = Kit.Year + 1,
            ["name"] = $"Semaine de l'industrie {Kit.Year + 1}",
            ["theme"] = "Brouillon",
            ["themeDescription"] = "Une édition en préparation.",
            ["focusTopics"] = new[] { "Brouillon" },
            ["hashtag"] = "#SemaineIndustrie",
            ["headlineWeek"] = new { start = $"{Kit.Year + 1}-03-22", end = $"{Kit.Year + 1}-03-28" },
            ["eventPeriod"] = new { start = $"{Kit.Year + 1}-03-22", end = $"{Kit.Year + 1}-03-28" },
            ["regionalPeriods"] = Array.Empty<object>(),
            ["registrationOpens"] = $"{Kit.Year}-12-01",
            ["registrationCloses"] = $"{Kit.Year + 1}-03-01",
            ["mapVisibleFrom"] = $"{Kit.Year + 1}-03-01",
        });
        Assert.True(draft.IsSuccessStatusCode, $"draft edition: {(int)draft.StatusCode} {await draft.Content.ReadAsStringAsync()}");
        DraftEditionId = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await using (var scope = Platform.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            OrganiserAUserId = (await users.FindByEmailAsync(OrganiserAEmail))!.Id;

            // Identity's /manage/2fa, which the matrix calls as each persona, creates the authenticator key on its first
            // call, and with it a new security stamp that ends the account's sessions: the personas have theirs already.
            foreach (var email in new[] { OrganiserAEmail, OrganiserBEmail, KitScene.ModeratorEmail, ModeratorYEmail, AdministratorEmail, OperatorEmail })
            {
                var user = (await users.FindByEmailAsync(email))!;
                Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
            }
        }

        organiserA.Dispose();
        organiserB.Dispose();
        moderatorX.Dispose();
        _api[Persona.Anonymous] = Platform.CreateClient(new() { AllowAutoRedirect = false });
        _api[Persona.OrganiserA] = await SignedInAsync(OrganiserAEmail);
        _api[Persona.OrganiserB] = await SignedInAsync(OrganiserBEmail);
        _api[Persona.ModeratorX] = await SignedInAsync(KitScene.ModeratorEmail);
        _api[Persona.ModeratorY] = await SignedInAsync(ModeratorYEmail);
        _api[Persona.Administrator] = await SignedInAsync(AdministratorEmail);
        _api[Persona.Operator] = await SignedInAsync(OperatorEmail);

        _pages[Persona.Anonymous] = PageSession.Anonymous(Platform);
        foreach (var (persona, email) in new[]
        {
            (Persona.OrganiserA, OrganiserAEmail), (Persona.OrganiserB, OrganiserBEmail), (Persona.ModeratorX, KitScene.ModeratorEmail),
            (Persona.ModeratorY, ModeratorYEmail), (Persona.Administrator, AdministratorEmail), (Persona.Operator, OperatorEmail),
        })
        {
            _pages[persona] = await PageSession.SignedInAsync(Platform, email, KitScene.Password);
        }
    }

    /// <summary>What <paramref name="persona"/> must never read, whatever the answer: other organisations' or regions' events.</summary>
    public IReadOnlyList<string> Secrets(Persona persona) => persona switch
    {
        Persona.Anonymous => [TitleAPending, TitleB, OrganisationB, EventAPending.ToString(), EventB.ToString()],
        Persona.OrganiserA => [TitleB, OrganisationB, EventB.ToString()],
        Persona.OrganiserB => [TitleAPending, EventAPending.ToString()],
        Persona.ModeratorY => [TitleAPending, TitleB, OrganisationB, EventAPending.ToString(), EventB.ToString()],
        _ => [],
    };

    public async Task DisposeAsync()
    {
        foreach (var client in _api.Values)
        {
            client.Dispose();
        }

        foreach (var session in _pages.Values)
        {
            session.Dispose();
        }

        await Kit.DisposeAsync();
    }

    private Task<HttpClient> SignedInAsync(string email) => Platform.SignedInClientAsync(email, KitScene.Password);
}
