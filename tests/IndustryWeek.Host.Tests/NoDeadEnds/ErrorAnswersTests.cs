using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.NoDeadEnds;

/// <summary>
/// Errors answer people with a French page in the site's layout and a way back (with the real status code), and API
/// clients with problem details: an unknown address, an event page that is not public, a kit page of an unknown event,
/// a page or an API call refused to a signed-in account without the role, and a server fault.
/// </summary>
public sealed class ErrorAnswersTests
{
    [Theory]
    [InlineData("/cette-page-n-existe-pas")]
    [InlineData("/evenements/0f0f0f0f-0000-0000-0000-000000000404")]
    public async Task UnknownPage_ForABrowserAndForTheApi_AnswersAFrenchPageOrProblemDetails(string path)
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        using var client = platform.CreateClient();

        await AssertPageAsync(await GetAsync(client, path, "text/html,application/xhtml+xml"), HttpStatusCode.NotFound, "Page introuvable");
        await AssertProblemAsync(await GetAsync(client, path, "application/json"), HttpStatusCode.NotFound, "Ressource introuvable");
        await AssertProblemAsync(await GetAsync(client, "/api/inconnue", "text/html"), HttpStatusCode.NotFound, "Ressource introuvable");
    }

    [Fact]
    public async Task KitPageOfAnUnknownEvent_ForAnOrganiser_AnswersItsFrenchPageWithAWayBack()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        await platform.CreateUserAsync("organisatrice@tests.local", "Organisatrice-2020", ["Organiser"]);
        using var organiser = await PageSession.SignedInAsync(platform, "organisatrice@tests.local", "Organisatrice-2020");

        var page = await organiser.GetAsync($"/mon-espace/evenements/{Guid.NewGuid()}/kit");

        Assert.Equal(HttpStatusCode.NotFound, page.Response.StatusCode);
        Assert.Equal("Kit de communication non disponible", page.Document.QuerySelector("main h1")?.TextContent);
        Assert.NotNull(page.Document.QuerySelector("header.fr-header"));
        Assert.NotNull(page.Document.QuerySelector("main a[href='/mon-espace']"));
    }

    [Fact]
    public async Task RefusedToASignedInAccountWithoutTheRole_AnswersAccesRefuseOr403Problem()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        await platform.CreateUserAsync("organisatrice@tests.local", "Organisatrice-2020", ["Organiser"]);
        using var organiser = await PageSession.SignedInAsync(platform, "organisatrice@tests.local", "Organisatrice-2020");
        using var api = await platform.SignedInClientAsync("organisatrice@tests.local", "Organisatrice-2020");

        var refused = await organiser.GetAsync("/admin/editions");
        Assert.Equal(HttpStatusCode.Redirect, refused.Response.StatusCode);
        var page = await organiser.GetAsync(refused.Response.Headers.Location!.PathAndQuery);

        Assert.Equal(HttpStatusCode.Forbidden, page.Response.StatusCode);
        Assert.Equal("Accès refusé", page.Document.QuerySelector("main h1")?.TextContent);
        Assert.Equal("/", page.Document.QuerySelector("#error-links a")?.GetAttribute("href"));
        Assert.NotNull(page.Document.QuerySelector("header.fr-header"));
        await AssertProblemAsync(await api.PostAsJsonAsync("/api/editions", new { }), HttpStatusCode.Forbidden, "Action non autorisée");
    }

    [Fact]
    public async Task ServerFault_ForABrowserAndForTheApi_AnswersErreurDuServeurWithoutDetails()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        using var client = platform.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/", "text/html")).StatusCode);

        // A fault the code does not expect: the editions' table is gone.
        await database.ExecuteAsync("ALTER TABLE editions_editions RENAME TO editions_disparue");

        using var page = await GetAsync(client, "/", "text/html");
        var body = await AssertPageAsync(page, HttpStatusCode.InternalServerError, "Erreur du serveur");
        Assert.DoesNotContain("editions_editions", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        using var problem = await GetAsync(client, "/api/editions/current", "application/json");
        Assert.DoesNotContain("editions_editions", await problem.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertProblemAsync(problem, HttpStatusCode.InternalServerError, "Erreur interne du serveur");
    }

    internal static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.ParseAdd(accept);
        return await client.SendAsync(request);
    }

    /// <summary>A French page in the layout (header, footer), its title as h1, a link back home.</summary>
    internal static async Task<string> AssertPageAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(body);
        Assert.Equal("fr", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(title, document.QuerySelector("main h1")?.TextContent);
        Assert.StartsWith(title, document.Title, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("header.fr-header"));
        Assert.NotNull(document.QuerySelector("footer"));
        Assert.Contains(document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/");
        return body;
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
    }
}
