using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Host.Tests.CommunicationKit;
using IndustryWeek.Shared.Outbox;
using IndustryWeek.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Host.Tests.Registration;

/// <summary>
/// Issue 21, the edition dashboard counts drafts: Registration tells Labelling of each draft (DraftChanged) when it is
/// created, changed, submitted or withdrawn, and once, at the next start, of the drafts registered before it did.
/// </summary>
public sealed class DraftAnnouncementTests
{
    public static TheoryData<string> Providers() => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Drafts_AreCountedFromCreationUntilSubmittedOrWithdrawn_AndOlderOnesOnceAtTheNextStart(string provider)
    {
        await using var scene = await KitScene.StartAsync(provider);
        using var organiser = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        var kept = await CreateAsync(organiser, scene, "Atelier soudure");
        var submitted = await CreateAsync(organiser, scene, "Visite de l'aciérie");
        var withdrawn = await CreateAsync(organiser, scene, "Portes ouvertes");
        await scene.DispatchAsync();
        Assert.Equal(3, await CountedDraftsAsync(scene));

        var edited = await organiser.PutAsJsonAsync($"/api/events/{kept}", scene.EventBody(title: "Atelier soudure et chaudronnerie", revision: await RevisionAsync(organiser, kept)));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        (await organiser.PostAsync(new Uri($"/api/events/{submitted}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
        (await organiser.PostAsync(new Uri($"/api/events/{withdrawn}/withdraw", UriKind.Relative), null)).EnsureSuccessStatusCode();
        await scene.DispatchAsync();

        Assert.Equal(1, await CountedDraftsAsync(scene));
        Assert.Equal(await RevisionAsync(organiser, kept), await scene.Database.ScalarAsync("SELECT MAX(\"Revision\") FROM labelling_drafts WHERE \"IsDraft\""));

        // A database from before the announcements: Labelling knows no draft, and Registration has announced none.
        await scene.Database.ExecuteAsync("DELETE FROM labelling_drafts");
        await scene.Database.ExecuteAsync("UPDATE registration_events SET \"DraftAnnounced\" = FALSE");
        await using (var restarted = new PlatformFactory(scene.Database, new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false" }))
        {
            _ = restarted.Services; // the host starts: the drafts are announced
            await restarted.Services.GetRequiredService<IOutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        }

        Assert.Equal(1, await CountedDraftsAsync(scene));
        Assert.Equal(1, await scene.Database.ScalarAsync("SELECT COUNT(*) FROM registration_events WHERE \"DraftAnnounced\""));
    }

    private static async Task<Guid> CreateAsync(HttpClient organiser, KitScene scene, string title)
    {
        var created = await organiser.PostAsJsonAsync("/api/events", scene.EventBody(title: title));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<int> RevisionAsync(HttpClient organiser, Guid id) =>
        (await organiser.GetFromJsonAsync<JsonElement>($"/api/events/{id}")).GetProperty("revision").GetInt32();

    private static Task<long> CountedDraftsAsync(KitScene scene) =>
        scene.Database.ScalarAsync("SELECT COUNT(*) FROM labelling_drafts WHERE \"IsDraft\"");
}
