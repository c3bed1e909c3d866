using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Registration;

/// <summary>GET/PUT /api/me/organisation: each organiser describes and sees their own organisation only.</summary>
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class MyOrganisationTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string Password = "Mot-de-passe-2020";
    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database);
        await _platform.CreateUserAsync("a@usine-a.fr", Password, [PlatformRoles.Organiser]);
        await _platform.CreateUserAsync("b@lycee-b.fr", Password, [PlatformRoles.Organiser]);
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static object Profile(string name = "Usine Exemple SAS", string? siret = "732 829 320 00074", string type = "IndustrialCompany", string postalCode = "59300") => new
    {
        name,
        type,
        siret,
        address = new { street = "1 rue de l'Industrie", postalCode, city = "Valenciennes" },
        contactName = "Camille Martin",
        contactPhone = "03 27 00 00 00",
    };

    [Fact]
    public async Task Organisation_WhenTwoOrganisersDescribeTheirs_EachSeesOnlyItsOwn()
    {
        using var a = await _platform.SignedInClientAsync("a@usine-a.fr", Password);
        using var b = await _platform.SignedInClientAsync("b@lycee-b.fr", Password);

        var beforeA = await a.GetAsync(new Uri("/api/me/organisation", UriKind.Relative));
        var savedA = await a.PutAsJsonAsync("/api/me/organisation", Profile());
        var seenByB = await b.GetAsync(new Uri("/api/me/organisation", UriKind.Relative));
        var savedB = await b.PutAsJsonAsync("/api/me/organisation", Profile(name: "Lycée Watteau", siret: null, type: "School"));
        var renamedA = await a.PutAsJsonAsync("/api/me/organisation", Profile(name: "Usine Exemple"));

        Assert.Equal(HttpStatusCode.NotFound, beforeA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, savedA.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, seenByB.StatusCode);
        Assert.Equal("Lycée Watteau", (await savedB.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
        var organisationA = await a.GetFromJsonAsync<JsonElement>(new Uri("/api/me/organisation", UriKind.Relative));
        Assert.Equal("Usine Exemple", organisationA.GetProperty("name").GetString());
        Assert.Equal("73282932000074", organisationA.GetProperty("siret").GetString());
        Assert.Equal("Entreprise industrielle", organisationA.GetProperty("typeLabel").GetString());
        Assert.Equal("59300", organisationA.GetProperty("address").GetProperty("postalCode").GetString());
        Assert.Equal(["a@usine-a.fr"], organisationA.GetProperty("members").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal((await renamedA.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString(), organisationA.GetProperty("id").GetString());
        Assert.Equal(2, await _database.ScalarAsync("SELECT COUNT(*) FROM registration_organisations"));
    }

    public static TheoryData<string, string, string> BadProfiles() => new()
    {
        { """{"siret":"73282932000075"}""", "siret", "Ce numéro SIRET n'est pas valide : il compte 14 chiffres et sa clé de contrôle doit être juste." },
        { """{"siret":"7328293200007"}""", "siret", "Ce numéro SIRET n'est pas valide : il compte 14 chiffres et sa clé de contrôle doit être juste." },
        { """{"type":"Multinationale"}""", "type", "« Multinationale » n'est pas un type d'organisation ; types possibles : IndustrialCompany, Federation, School, HigherEducation, TrainingCentre, LocalAuthority, PublicOperator, ChamberOfCommerce, Association, Other." },
        { """{"address":{"street":"1 rue de l'Industrie","postalCode":"5930","city":"Valenciennes"}}""", "address.postalCode", "Le code postal compte cinq chiffres." },
        { """{"contactPhone":"12"}""", "contactPhone", "Ce numéro de téléphone n'est pas valide (par exemple 03 20 96 48 06)." },
        { """{"name":"  "}""", "name", "Le nom de l'organisation est obligatoire." },
        { """{"type":null}""", "type", "Le type d'organisation est obligatoire." },
        { """{"address":null}""", "address", "L'adresse est obligatoire." },
    };

    [Theory]
    [MemberData(nameof(BadProfiles))]
    public async Task Organisation_WhenAFieldIsWrong_Returns400WithItsFrenchMessageAndSavesNothing(string change, string field, string message)
    {
        using var a = await _platform.SignedInClientAsync("a@usine-a.fr", Password);
        var body = JsonSerializer.SerializeToNode(Profile())!.AsObject();
        foreach (var (key, value) in System.Text.Json.Nodes.JsonNode.Parse(change)!.AsObject())
        {
            body[key] = value?.DeepClone();
        }

        var response = await a.PutAsync(new Uri("/api/me/organisation", UriKind.Relative), new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(0, await _database.ScalarAsync("SELECT COUNT(*) FROM registration_organisations"));
    }

    [Fact]
    public async Task Organisation_WhenNotAnOrganiser_401Or403()
    {
        using var anonymous = _platform.CreateClient();
        using var admin = await _platform.SignedInClientAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/me/organisation", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/api/me/organisation", Profile())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutAsJsonAsync("/api/me/organisation", Profile())).StatusCode);
        Assert.Equal(0, await _database.ScalarAsync("SELECT COUNT(*) FROM registration_organisations"));
    }
}

/// <summary>GET /api/geo/communes: the official communes of a postal code, for anyone filling in an address.</summary>
public sealed class FindCommunesTests
{
    [Fact]
    public async Task Communes_ByPostalCode_AnyoneGetsTheOfficialCommunesOrAFrenchError()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        using var anonymous = platform.CreateClient();

        var communes = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/geo/communes?postalCode=59300", UriKind.Relative));
        var bad = await anonymous.GetAsync(new Uri("/api/geo/communes?postalCode=5930", UriKind.Relative));

        Assert.Equal(["Aulnoy-lez-Valenciennes", "Famars", "Valenciennes"], communes.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("Hauts-de-France", communes[2].GetProperty("regionName").GetString());
        Assert.Equal("59606", communes[2].GetProperty("inseeCode").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["Le code postal compte cinq chiffres."], (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("postalCode").EnumerateArray().Select(m => m.GetString()));
    }
}
