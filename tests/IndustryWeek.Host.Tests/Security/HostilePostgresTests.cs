using System.Diagnostics;
using IndustryWeek.Host.Tests.CommunicationKit;
using IndustryWeek.Testing;
using Xunit.Abstractions;

namespace IndustryWeek.Host.Tests.Security;

/// <summary>
/// A slice of the hostile requests on PostgreSQL, where text is stricter than on SQLite (a NUL character is not
/// text there, lengths may be checked by the column): the free texts, the huge strings and the malformed bodies
/// sent to the endpoints that write organisers' and administrators' texts.
/// </summary>
public sealed class HostilePostgresTests(ITestOutputHelper output)
{
    private static readonly string[] Slice = ["NUL", "100,000", "script", "SQL", "emoji", "formula", "malformed", "overposting", "control", "markup", "blank"];

    [PostgresFact]
    public async Task Free_texts_huge_strings_and_malformed_bodies_are_refused_cleanly_on_postgresql()
    {
        await using var kit = await KitScene.StartAsync("PostgreSql", new Dictionary<string, string?> { ["RateLimits:Accounts:PermitLimit"] = "10000" });
        using var organiser = await kit.OrganiserAsync(AuthorizationScene.OrganiserAEmail, AuthorizationScene.OrganisationA);
        using var anonymous = kit.Platform.CreateClient(new() { AllowAutoRedirect = false });
        var clients = new Dictionary<Persona, HttpClient> { [Persona.OrganiserA] = organiser, [Persona.Administrator] = kit.Admin, [Persona.Anonymous] = anonymous };
        var organisation = HostileInputTests.Node(new
        {
            name = AuthorizationScene.OrganisationA,
            type = "IndustrialCompany",
            address = new { street = "1 rue de l'Industrie", postalCode = "59300", city = "Valenciennes" },
            contactName = "Camille Martin",
        });
        WriteEndpoint[] endpoints =
        [
            new("PUT /api/me/organisation/", Persona.OrganiserA, "/api/me/organisation", Body: organisation,
                Fields: [new("name", FieldKind.Text, true), new("address.street", FieldKind.Text, true), new("address.city", FieldKind.Text, true), new("contactName", FieldKind.Text, true)]),
            new("POST /api/events/", Persona.OrganiserA, "/api/events", Body: HostileInputTests.Node(kit.EventBody("Visite hostile de l'atelier")), Fields: HostileInputTests.EventFields()),
            new("POST /api/editions/", Persona.Administrator, "/api/editions", Body: HostileInputTests.Edition(kit.Year, kit.Year + 2, "Semaine de l'industrie test"), Fields: HostileInputTests.EditionFields()),
            new("POST /api/labelling/stock-reasons/", Persona.Administrator, "/api/labelling/stock-reasons", Body: HostileInputTests.Node(new { text = "Événement payant." }), Fields: [new("text", FieldKind.Text, true)]),
            new("POST /api/me/organisation/invitations/", Persona.OrganiserA, "/api/me/organisation/invitations", Body: HostileInputTests.Node(new { email = "collegue@alpha.fr" }), Fields: [new("email", FieldKind.Email, true)]),
            new("POST /api/identity/register", Persona.Anonymous, "/api/identity/register", Body: HostileInputTests.Node(new { email = "hostile.nouveau@exemple.fr", password = "Mot-de-passe-2027" }),
                Fields: [new("email", FieldKind.Email, true), new("password", FieldKind.Text, true)]),
        ];
        var cases = endpoints.SelectMany(HostileRequests.For).Where(c => Slice.Any(s => c.What.Contains(s, StringComparison.Ordinal))).ToList();

        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var statuses = await HostileRunner.RunAsync(kit.Database, cases, p => clients[p], failures);
        output.WriteLine($"{cases.Count} hostile requests on PostgreSQL in {clock.Elapsed.TotalSeconds:0.0} s; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(cases.Count >= 150, $"only {cases.Count} requests in the PostgreSQL slice");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} hostile requests misbehaved on PostgreSQL:\n" + string.Join("\n", failures));
    }
}
