using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IndustryWeek.Registration.Contracts;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Labelling;

/// <summary>Statistics and the CSV export: a moderator counts and exports their regions only.</summary>
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class StatisticsTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string Password = "Mot-de-passe-2020";

    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database, new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false" });
        await _platform.CreateUserAsync("moderateur.hdf@tests.local", Password, [PlatformRoles.Moderator], ["32"]);
        await _platform.CreateUserAsync("organisatrice@usine-exemple.fr", Password, [PlatformRoles.Organiser]);
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Statistics_WhenModeratorOfOneRegion_CountsOnlyItsApplicationsAndLabels()
    {
        var lille = SampleEvents.FactoryVisit();
        var roubaix = SampleEvents.FactoryVisit(title: "Portes ouvertes à Roubaix");
        var paris = SampleEvents.FactoryVisit(regionCode: "11", title: "Visite à Paris");
        foreach (var submitted in new[] { lille, roubaix, paris })
        {
            await _platform.PublishAsync(submitted);
        }

        using var moderator = await _platform.SignedInClientAsync("moderateur.hdf@tests.local", Password);
        using var admin = await _platform.SignedInClientAsync();
        (await moderator.PostAsJsonAsync($"/api/labelling/applications/{lille.EventId}/grant", new { })).EnsureSuccessStatusCode();
        await _platform.PublishAsync(new ParticipationReported
        {
            EventId = lille.EventId, EditionId = lille.EditionId, EditionYear = 2020, LabelNumber = "SDI-2020-000001", RegionCode = "32", DepartmentCode = "59",
            Format = "CompanyVisit", Participants = 40, YoungPeople = 25, Organiser = lille.Organiser, ReportedAtUtc = new DateTime(2020, 11, 20, 10, 0, 0, DateTimeKind.Utc),
        });

        var mine = await moderator.GetFromJsonAsync<JsonElement>(new Uri("/api/labelling/statistics?year=2020", UriKind.Relative));
        var everything = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/labelling/statistics?year=2020", UriKind.Relative));

        Assert.Equal(2, mine.GetProperty("applications").GetInt32());
        Assert.Equal(1, mine.GetProperty("labels").GetInt32());
        Assert.Equal(1, mine.GetProperty("pending").GetInt32());
        Assert.Equal(40, mine.GetProperty("participants").GetInt32());
        Assert.Equal(25, mine.GetProperty("participantsYoungPeople").GetInt32());
        var region = Assert.Single(mine.GetProperty("byRegion").EnumerateArray());
        Assert.Equal("Hauts-de-France", region.GetProperty("name").GetString());
        Assert.Equal(40, region.GetProperty("participants").GetInt32());
        var format = Assert.Single(mine.GetProperty("byFormat").EnumerateArray());
        Assert.Equal(("CompanyVisit", 2, 40), (format.GetProperty("key").GetString(), format.GetProperty("applications").GetInt32(), format.GetProperty("participants").GetInt32()));
        var department = Assert.Single(mine.GetProperty("byDepartment").EnumerateArray());
        Assert.Equal("Nord (59)", department.GetProperty("name").GetString()); // by name, as people read them
        Assert.Contains(mine.GetProperty("byAudience").EnumerateArray(), a => a.GetProperty("key").GetString() == "Pupils" && a.GetProperty("applications").GetInt32() == 2);
        Assert.True(mine.GetProperty("medianDecisionHours").GetDouble() > 0);
        Assert.Equal(3, everything.GetProperty("applications").GetInt32());
        Assert.Equal(2, everything.GetProperty("byRegion").GetArrayLength());
    }

    [Fact]
    public async Task Export_WhenModeratorOfOneRegion_GivesItsApplicationsOnlyWithFormulasDefused()
    {
        var lille = SampleEvents.FactoryVisit(title: "=HYPERLINK(\"http://example.com\";\"Cliquez\")");
        var paris = SampleEvents.FactoryVisit(regionCode: "11", title: "Visite à Paris");
        await _platform.PublishAsync(lille);
        await _platform.PublishAsync(paris);
        using var moderator = await _platform.SignedInClientAsync("moderateur.hdf@tests.local", Password);
        using var organiser = await _platform.SignedInClientAsync("organisatrice@usine-exemple.fr", Password);

        var response = await moderator.GetAsync(new Uri("/api/labelling/applications.csv?year=2020", UriKind.Relative));
        var forbidden = await organiser.GetAsync(new Uri("/api/labelling/applications.csv", UriKind.Relative));
        var anonymous = await _platform.CreateClient().GetAsync(new Uri("/api/labelling/statistics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Evenement;Edition;Statut;Label;Titre;Organisation;Region;Departement;Commune", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains(lille.EventId.ToString(), row, StringComparison.Ordinal);
        Assert.Contains("Hauts-de-France", row, StringComparison.Ordinal);
        Assert.DoesNotContain(";=HYPERLINK", row, StringComparison.Ordinal); // a spreadsheet would run it
        Assert.DoesNotContain("Paris", row, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
