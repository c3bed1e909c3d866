using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Labelling;

/// <summary>The refusal reasons moderators pick from: five to start with, then the administrators' list.</summary>
public sealed class StockReasonsTests
{
    private const string Password = "Mot-de-passe-2020";

    [Fact]
    public async Task StockReasons_AdministratorEditsTheListModeratorsPickFrom()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        await platform.CreateUserAsync("moderateur.hdf@tests.local", Password, [PlatformRoles.Moderator], ["32"]);
        using var admin = await platform.SignedInClientAsync();
        using var moderator = await platform.SignedInClientAsync("moderateur.hdf@tests.local", Password);

        var initial = await moderator.GetFromJsonAsync<JsonElement>(new Uri("/api/labelling/stock-reasons", UriKind.Relative));
        var tooShort = await admin.PostAsJsonAsync("/api/labelling/stock-reasons", new { text = "Non." });
        var byModerator = await moderator.PostAsJsonAsync("/api/labelling/stock-reasons", new { text = "L'adresse de l'événement est incomplète." });
        var added = await admin.PostAsJsonAsync("/api/labelling/stock-reasons", new { text = "L'adresse de l'événement est incomplète." });
        var again = await admin.PostAsJsonAsync("/api/labelling/stock-reasons", new { text = "L'adresse de l'événement est incomplète." });
        var paid = initial.EnumerateArray().Single(r => r.GetProperty("text").GetString() == "L'événement est payant.").GetProperty("id").GetGuid();
        var removed = await admin.DeleteAsync(new Uri($"/api/labelling/stock-reasons/{paid}", UriKind.Relative));
        var removedAgain = await admin.DeleteAsync(new Uri($"/api/labelling/stock-reasons/{paid}", UriKind.Relative));
        var now = await moderator.GetFromJsonAsync<JsonElement>(new Uri("/api/labelling/stock-reasons", UriKind.Relative));

        Assert.Equal(5, initial.GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal("Un motif compte de 10 à 300 caractères.", (await tooShort.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("text")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byModerator.StatusCode);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removedAgain.StatusCode);
        var texts = now.EnumerateArray().Select(r => r.GetProperty("text").GetString()).ToList();
        Assert.Equal(5, texts.Count);
        Assert.DoesNotContain("L'événement est payant.", texts);
        Assert.Equal("L'adresse de l'événement est incomplète.", texts[^1]);

        using var page = await PageSession.SignedInAsync(platform, "moderateur.hdf@tests.local", Password);
        var submitted = SampleEvents.FactoryVisit();
        await platform.PublishAsync(submitted);
        var application = await page.GetAsync($"/moderation/demandes/{submitted.EventId}");
        Assert.Contains(
            "L'adresse de l'événement est incomplète.",
            application.Document.QuerySelectorAll("#StockReason option").Select(o => o.TextContent));
    }
}
