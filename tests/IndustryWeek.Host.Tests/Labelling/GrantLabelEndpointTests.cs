using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Labelling;

/// <summary>POST /api/labelling/applications/{id}/grant: who may grant, and bad input that changes nothing.</summary>
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class GrantLabelEndpointTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string Password = "Mot-de-passe-2020";
    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database, new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false" });
        await _platform.CreateUserAsync("organisatrice@usine-exemple.fr", Password, [PlatformRoles.Organiser]);
        await _platform.CreateUserAsync("moderateur.hdf@tests.local", Password, [PlatformRoles.Moderator], ["32"]);
        await _platform.CreateUserAsync("moderateur.idf@tests.local", Password, [PlatformRoles.Moderator], ["11"]);
        await _platform.CreateUserAsync("operateur@tests.local", Password, [PlatformRoles.Operator]);
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    public static TheoryData<string?, HttpStatusCode> Callers() => new()
    {
        { null, HttpStatusCode.Unauthorized },
        { "organisatrice@usine-exemple.fr", HttpStatusCode.Forbidden },
        { "operateur@tests.local", HttpStatusCode.Forbidden },
        { "moderateur.idf@tests.local", HttpStatusCode.Forbidden },
        { "moderateur.hdf@tests.local", HttpStatusCode.OK },
        { PlatformFactory.AdminEmail, HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Grant_ByCaller_OnlyModeratorOfTheRegionOrAdministratorMayGrant(string? caller, HttpStatusCode expected)
    {
        var submitted = SampleEvents.FactoryVisit(regionCode: "32");
        await _platform.PublishAsync(submitted);
        using var client = await ClientAsync(caller);

        var response = await client.PostAsJsonAsync($"/api/labelling/applications/{submitted.EventId}/grant", new { });

        Assert.Equal(expected, response.StatusCode);
        var granted = expected == HttpStatusCode.OK ? 1 : 0;
        Assert.Equal(granted, await _database.ScalarAsync($"SELECT COUNT(*) FROM labelling_applications WHERE \"Status\" = 'Granted' AND \"Id\" = '{submitted.EventId.ToString().ToUpperInvariant()}'"));
        if (caller == "moderateur.idf@tests.local")
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Cette demande relève d'une région que vous ne modérez pas.", problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Grant_WhenCommentTooLong_Returns400WithFrenchFieldErrorAndChangesNothing()
    {
        var submitted = SampleEvents.FactoryVisit();
        await _platform.PublishAsync(submitted);
        using var admin = await _platform.SignedInClientAsync();

        var response = await admin.PostAsJsonAsync($"/api/labelling/applications/{submitted.EventId}/grant", new { comment = new string('x', 2001) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("comment").EnumerateArray()).GetString();
        Assert.Contains("Commentaire", message);
        Assert.Contains("2000 caractères", message);
        await AssertNothingGrantedAsync();
    }

    [Theory]
    [InlineData("{\"comment\": ")]
    [InlineData("{\"comment\": 42}")]
    [InlineData("[1, 2, 3]")]
    public async Task Grant_WhenBodyIsNotTheExpectedJson_Returns400ProblemAndChangesNothing(string body)
    {
        var submitted = SampleEvents.FactoryVisit();
        await _platform.PublishAsync(submitted);
        using var admin = await _platform.SignedInClientAsync();

        var response = await admin.PostAsync(
            new Uri($"/api/labelling/applications/{submitted.EventId}/grant", UriKind.Relative),
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Requête illisible.", problem.GetProperty("title").GetString());
        await AssertNothingGrantedAsync();
    }

    [Fact]
    public async Task Grant_WhenNoApplicationForTheEvent_Returns404Problem()
    {
        using var admin = await _platform.SignedInClientAsync();

        var response = await admin.PostAsJsonAsync($"/api/labelling/applications/{Guid.NewGuid()}/grant", new { });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Aucune demande de labellisation pour cet événement.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Grant_WhenAlreadyGranted_Returns409AndKeepsTheLabelNumber()
    {
        var first = SampleEvents.FactoryVisit();
        var second = SampleEvents.FactoryVisit();
        await _platform.PublishAsync(first);
        await _platform.PublishAsync(second);
        using var admin = await _platform.SignedInClientAsync();
        (await admin.PostAsJsonAsync($"/api/labelling/applications/{first.EventId}/grant", new { })).EnsureSuccessStatusCode();

        var again = await admin.PostAsJsonAsync($"/api/labelling/applications/{first.EventId}/grant", new { });
        var next = await admin.PostAsJsonAsync($"/api/labelling/applications/{second.EventId}/grant", new { });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Cet événement est déjà labellisé (SDI-2020-000001).", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("SDI-2020-000002", (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("labelNumber").GetString());
        Assert.Equal(2, await _database.ScalarAsync("""SELECT COUNT(*) FROM labelling_outbox WHERE "Type" LIKE '%LabelGranted%'"""));
    }

    private async Task AssertNothingGrantedAsync()
    {
        Assert.Equal(0, await _database.ScalarAsync("""SELECT COUNT(*) FROM labelling_applications WHERE "Status" <> 'Pending'"""));
        Assert.Equal(0, await _database.ScalarAsync("""SELECT COUNT(*) FROM labelling_outbox WHERE "Type" NOT LIKE '%CriteriaChecked%'"""));
    }

    private async Task<HttpClient> ClientAsync(string? email) =>
        email is null ? _platform.CreateClient()
        : email == PlatformFactory.AdminEmail ? await _platform.SignedInClientAsync()
        : await _platform.SignedInClientAsync(email, Password);
}
