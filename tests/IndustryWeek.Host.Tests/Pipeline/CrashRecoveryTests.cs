using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Pipeline;

/// <summary>Nothing is lost if the process dies between the grant and its dispatch (DESIGN.md §3).</summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task Grant_WhenHostKilledBeforeDispatch_MailAndPinAppearAfterRestart()
    {
        await using var database = TestDatabase.CreateSqlite();
        var mailDirectory = Path.Combine(database.Directory, "mail");
        var settings = PlatformFactory.SettingsFor(database, mailDirectory).ToList();
        var submitted = SampleEvents.FactoryVisit();

        // Registration's submission arrives (published in process, as its dispatcher would).
        await using (var platform = new PlatformFactory(database))
        {
            await platform.PublishAsync(submitted);
        }

        // A host whose dispatcher does not run: the grant commits, then the process is killed (SIGKILL).
        await using (var doomed = HostProcess.Start(database.Directory, [.. settings, new("Outbox:DispatcherEnabled", "false")]))
        {
            await doomed.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            using var client = await SignInAsync(doomed);
            var grant = await client.PostAsJsonAsync($"/api/labelling/applications/{submitted.EventId}/grant", new { });
            Assert.Equal(HttpStatusCode.OK, grant.StatusCode);
            doomed.KillHard();
        }

        Assert.Equal(1, await database.ScalarAsync("""SELECT COUNT(*) FROM labelling_outbox WHERE "ProcessedAtUtc" IS NULL AND "Type" LIKE '%LabelGranted%'"""));
        Assert.Equal(0, await database.ScalarAsync("SELECT COUNT(*) FROM map_pins"));
        // No kit mail yet (the organiser's « bien reçu » for the submission may be there).
        Assert.Empty(KitMails());

        // A normal restart picks the pending message up by itself.
        await using var restarted = HostProcess.Start(database.Directory, settings);
        await restarted.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var visitor = restarted.CreateClient();
        await Eventually.WaitAsync(
            async () => KitMails().Count == 1 && (await MapApi.FeaturesAsync(visitor)).Count == 1,
            "the kit mail and the pin appear after the restart",
            TimeSpan.FromSeconds(60));
        var mail = MailFile.Read(Assert.Single(KitMails()));
        Assert.Contains("SDI-2020-000001", mail.Subject);
        Assert.Equal(submitted.EventId, (await MapApi.FeaturesAsync(visitor))[0].GetProperty("id").GetGuid());

        IReadOnlyList<string> KitMails() => Directory.Exists(mailDirectory) ? MailFile.Kits(Directory.GetFiles(mailDirectory, "*.eml")) : [];
    }

    private static async Task<HttpClient> SignInAsync(HostProcess host)
    {
        var client = host.CreateClient();
        var login = await client.PostAsJsonAsync("/api/identity/login", new { email = PlatformFactory.AdminEmail, password = PlatformFactory.AdminPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
