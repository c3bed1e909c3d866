using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Shared;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Editions;

/// <summary>API.md, Editions: who may do what, a clear answer for each broken rule, what rescheduling publishes.</summary>
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class EditionsApiTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string OrganiserEmail = "organisatrice@usine-exemple.fr";
    private const string Password = "Mot-de-passe-2020";
    private TestDatabase _database = null!;
    private PlatformFactory _platform = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database, new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false" });
        await _platform.CreateUserAsync(OrganiserEmail, Password, [PlatformRoles.Organiser]);
        _admin = await _platform.SignedInClientAsync();
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    public static TheoryData<string, string, bool> WriteEndpoints() => new()
    {
        { "POST", "/api/editions", true },
        { "PUT", "/api/editions/{id}", true },
        { "POST", "/api/editions/{id}/publish", false },
        { "POST", "/api/editions/{id}/close", false },
        { "POST", "/api/editions/{id}/archive", false },
        { "POST", "/api/editions/{id}/reschedule", true },
    };

    [Theory]
    [MemberData(nameof(WriteEndpoints))]
    public async Task Write_WhenNotAdministrator_401ForAnonymous403ForOrganiserAndNothingChanges(string method, string route, bool withBody)
    {
        var draft = await CreateAsync(Edition2020());
        using var anonymous = _platform.CreateClient();
        using var organiser = await _platform.SignedInClientAsync(OrganiserEmail, Password);
        var uri = new Uri(route.Replace("{id}", draft.GetProperty("id").GetString(), StringComparison.Ordinal), UriKind.Relative);

        foreach (var (client, expected) in new[] { (anonymous, HttpStatusCode.Unauthorized), (organiser, HttpStatusCode.Forbidden) })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), uri)
            {
                Content = withBody ? JsonContent.Create(Edition2020(year: 2021, number: 11)) : null,
            };
            var response = await client.SendAsync(request);
            Assert.Equal(expected, response.StatusCode);
        }

        Assert.Equal(1, await _database.ScalarAsync("SELECT COUNT(*) FROM editions_editions"));
        Assert.Equal(1, await _database.ScalarAsync("""SELECT COUNT(*) FROM editions_editions WHERE "Status" = 'Draft' AND "Year" = 2020"""));
    }

    [Fact]
    public async Task Read_WhenAnonymous_SeesPublishedEditionsOnly()
    {
        var draft = await CreateAsync(Edition2020());
        var published = await CreateAsync(Edition2020(year: 2018, number: 8, week: ("2018-03-26", "2018-04-01"), registration: ("2017-12-01", "2018-03-12")));
        await PostAsync($"/api/editions/{published.GetProperty("id")}/publish");
        using var anonymous = _platform.CreateClient();

        var list = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/editions", UriKind.Relative));
        var draftResponse = await anonymous.GetAsync(new Uri($"/api/editions/{draft.GetProperty("id")}", UriKind.Relative));
        var adminList = await _admin.GetFromJsonAsync<JsonElement>(new Uri("/api/editions", UriKind.Relative));

        Assert.Equal([2018], list.EnumerateArray().Select(e => e.GetProperty("year").GetInt32()));
        Assert.Equal("Published", list[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, draftResponse.StatusCode);
        Assert.Equal([2020, 2018], adminList.EnumerateArray().Select(e => e.GetProperty("year").GetInt32()));
    }

    [Fact]
    public async Task Create_WhenValid_Returns201WithLocationAndTheApiShape()
    {
        var response = await _admin.PostAsJsonAsync("/api/editions", Edition2020());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var edition = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/editions/{edition.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        Assert.Equal("Draft", edition.GetProperty("status").GetString());
        Assert.Equal("2020-03-30", edition.GetProperty("headlineWeek").GetProperty("start").GetString());
        Assert.Equal("32", edition.GetProperty("regionalPeriods")[0].GetProperty("regionCode").GetString());
        Assert.Equal("2020-04-19", edition.GetProperty("regionalPeriods")[0].GetProperty("end").GetString());
        Assert.False(edition.GetProperty("headlineWeek").TryGetProperty("isValid", out _));
    }

    public static TheoryData<string, string, string> BrokenRules() => new()
    {
        { """{"headlineWeek":{"start":"2020-04-06","end":"2020-04-05"}}""", "headlineWeek.end", "La fin de la semaine phare doit être postérieure ou égale à son début." },
        { """{"headlineWeek":{"start":"2020-03-23","end":"2020-03-29"}}""", "headlineWeek", "La semaine phare doit être comprise dans la période des événements (du 30 mars 2020 au 5 avril 2020)." },
        { """{"registrationCloses":"2020-04-10"}""", "registrationCloses", "Les inscriptions doivent se clôturer au plus tard le dernier jour de la période des événements (5 avril 2020)." },
        { """{"registrationOpens":"2020-03-21"}""", "registrationCloses", "La clôture des inscriptions doit être postérieure à leur ouverture." },
        { """{"regionalPeriods":[{"regionCode":"99","start":"2020-03-16","end":"2020-04-19"}]}""", "regionalPeriods[0].regionCode", "« 99 » n'est pas un code de région officiel (COG), par exemple 32 pour les Hauts-de-France." },
        { """{"regionalPeriods":[{"regionCode":"32","start":"2020-03-16","end":"2020-04-19"},{"regionCode":"32","start":"2020-03-20","end":"2020-04-10"}]}""", "regionalPeriods", "Une seule période par région : Hauts-de-France en a plusieurs." },
        { """{"hashtag":"Semaine Industrie"}""", "hashtag", "Le mot-dièse commence par # suivi de lettres ou de chiffres, sans espace (par exemple #SemaineIndustrie)." },
        { """{"name":null}""", "name", "Le nom de l'édition est obligatoire." },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public async Task Create_WhenARuleIsBroken_Returns400WithTheFieldAndItsFrenchMessageAndCreatesNothing(string change, string field, string message)
    {
        var body = Merge(Edition2020(), change);

        var response = await _admin.PostAsync(new Uri("/api/editions", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(message, errors.GetProperty(field).EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(0, await _database.ScalarAsync("SELECT COUNT(*) FROM editions_editions"));
    }

    [Fact]
    public async Task Create_WhenYearOrNumberTaken_Returns409()
    {
        await CreateAsync(Edition2020());

        var sameYear = await _admin.PostAsJsonAsync("/api/editions", Edition2020(number: 11));
        var sameNumber = await _admin.PostAsJsonAsync("/api/editions", Edition2020(year: 2021, week: ("2021-03-29", "2021-04-04"), registration: ("2020-12-01", "2021-03-20")));

        Assert.Equal(HttpStatusCode.Conflict, sameYear.StatusCode);
        Assert.Equal("Une édition existe déjà pour 2020.", await DetailAsync(sameYear));
        Assert.Equal(HttpStatusCode.Conflict, sameNumber.StatusCode);
        Assert.Equal("La 10e édition existe déjà (2020).", await DetailAsync(sameNumber));
    }

    [Fact]
    public async Task Publish_WhenAnotherEditionIsOpenForRegistrationAtTheSameTime_Returns409()
    {
        var first = await CreateAsync(Edition2020());
        await PostAsync($"/api/editions/{first.GetProperty("id")}/publish");
        var second = await CreateAsync(Edition2020(year: 2021, number: 11, week: ("2021-03-29", "2021-04-04"), registration: ("2020-03-01", "2021-03-20")));

        var response = await _admin.PostAsync(new Uri($"/api/editions/{second.GetProperty("id")}/publish", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("L'édition 2020 est ouverte aux inscriptions du 2 décembre 2019 au 20 mars 2020 : une seule édition peut l'être à la fois.", await DetailAsync(response));
        Assert.Equal(1, await _database.ScalarAsync("""SELECT COUNT(*) FROM editions_editions WHERE "Status" = 'Published'"""));
    }

    [Fact]
    public async Task Update_WhenPublishedEditionDatesChange_Returns422AndWhenClosed_Returns409()
    {
        var edition = await CreateAsync(Edition2020());
        var id = edition.GetProperty("id").GetString();
        await PostAsync($"/api/editions/{id}/publish");

        var datesChanged = await _admin.PutAsJsonAsync($"/api/editions/{id}", Edition2020(week: ("2020-03-31", "2020-04-05")));
        var themeChanged = await _admin.PutAsJsonAsync($"/api/editions/{id}", Edition2020(theme: "Inventer un avenir durable !"));
        await PostAsync($"/api/editions/{id}/close");
        var closed = await _admin.PutAsJsonAsync($"/api/editions/{id}", Edition2020());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, datesChanged.StatusCode);
        Assert.Equal("Les dates d'une édition publiée se changent par une reprogrammation, avec son motif.", await DetailAsync(datesChanged));
        Assert.Equal(HttpStatusCode.OK, themeChanged.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Equal("Une édition clôturée ou archivée ne peut plus être modifiée.", await DetailAsync(closed));
        Assert.Equal(1, await _database.ScalarAsync("""SELECT COUNT(*) FROM editions_outbox WHERE "Type" LIKE '%EditionUpdated%'"""));
    }

    [Fact]
    public async Task Reschedule_WhenPublished_KeepsHistoryAndPublishesOneNotificationWithOldAndNewPeriods()
    {
        var edition = await CreateAsync(Edition2020());
        var id = edition.GetProperty("id").GetString();
        await PostAsync($"/api/editions/{id}/publish");

        var response = await _admin.PostAsJsonAsync($"/api/editions/{id}/reschedule", new
        {
            headlineWeek = new { start = "2020-11-16", end = "2020-11-22" },
            eventPeriod = new { start = "2020-11-16", end = "2020-11-22" },
            regionalPeriods = Array.Empty<object>(),
            registrationCloses = "2020-11-13",
            reason = "Report lié à la crise sanitaire (Covid-19).",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rescheduled = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2020-11-16", rescheduled.GetProperty("headlineWeek").GetProperty("start").GetString());
        var change = Assert.Single(rescheduled.GetProperty("scheduleHistory").EnumerateArray());
        Assert.Equal("Report lié à la crise sanitaire (Covid-19).", change.GetProperty("reason").GetString());
        Assert.Equal(PlatformFactory.AdminEmail, change.GetProperty("changedBy").GetString());
        Assert.Equal("2020-03-30", change.GetProperty("previous").GetProperty("headlineWeek").GetProperty("start").GetString());

        Assert.Equal(1, await _database.ScalarAsync("""SELECT COUNT(*) FROM editions_outbox WHERE "Type" LIKE '%EditionRescheduled%'"""));
        var payload = JsonDocument.Parse(await StringScalarAsync("""SELECT "Payload" FROM editions_outbox WHERE "Type" LIKE '%EditionRescheduled%'""")).RootElement;
        Assert.Equal("2020-03-30", payload.GetProperty("previousSchedule").GetProperty("headlineWeek").GetProperty("start").GetString());
        Assert.Equal("2020-04-19", payload.GetProperty("previousSchedule").GetProperty("regionalPeriods")[0].GetProperty("end").GetString());
        Assert.Equal("2020-11-22", payload.GetProperty("edition").GetProperty("schedule").GetProperty("eventPeriod").GetProperty("end").GetString());
        Assert.Equal("Report lié à la crise sanitaire (Covid-19).", payload.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Reschedule_WhenDraftOrWithoutReason_IsRefusedAndNothingChanges()
    {
        var edition = await CreateAsync(Edition2020());
        var id = edition.GetProperty("id").GetString();
        var newDates = new
        {
            headlineWeek = new { start = "2020-11-16", end = "2020-11-22" },
            eventPeriod = new { start = "2020-11-16", end = "2020-11-22" },
            registrationCloses = "2020-11-13",
            reason = "Covid-19",
        };

        var draft = await _admin.PostAsJsonAsync($"/api/editions/{id}/reschedule", newDates);
        await PostAsync($"/api/editions/{id}/publish");
        var noReason = await _admin.PostAsJsonAsync($"/api/editions/{id}/reschedule", newDates with { reason = "  " });

        Assert.Equal(HttpStatusCode.Conflict, draft.StatusCode);
        Assert.Equal("Seule une édition publiée peut être reprogrammée.", await DetailAsync(draft));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Le motif de la reprogrammation est obligatoire.", (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("reason").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(0, await _database.ScalarAsync("""SELECT COUNT(*) FROM editions_outbox WHERE "Type" LIKE '%EditionRescheduled%'"""));
    }

    [Fact]
    public async Task Current_WhenAPublishedEditionsRegistrationIncludesToday_ReturnsItOtherwise404()
    {
        using var anonymous = _platform.CreateClient();
        var today = DateOnly.FromDateTime(IndustryWeek.Shared.Time.ParisTime.ToParis(DateTimeOffset.UtcNow));
        var edition = await CreateAsync(Edition2020(
            year: today.Year + 1,
            number: 20,
            week: (Iso(today.AddDays(100)), Iso(today.AddDays(106))),
            registration: (Iso(today.AddDays(-30)), Iso(today.AddDays(60)))));

        var beforePublishing = await anonymous.GetAsync(new Uri("/api/editions/current", UriKind.Relative));
        await PostAsync($"/api/editions/{edition.GetProperty("id")}/publish");
        var current = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/editions/current", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, beforePublishing.StatusCode);
        Assert.Equal("Aucune édition n'est ouverte aux inscriptions aujourd'hui.", await DetailAsync(beforePublishing));
        Assert.Equal(edition.GetProperty("id").GetString(), current.GetProperty("id").GetString());
        Assert.True(current.GetProperty("isOpenForRegistration").GetBoolean());
    }

    [Fact]
    public async Task SeedDemo_WhenRunTwice_CreatesTheRealEditionsOnce()
    {
        await _platform.Services.SeedDemoAsync();
        await _platform.Services.SeedDemoAsync();
        using var anonymous = _platform.CreateClient();

        var editions = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/editions", UriKind.Relative));

        // The three real ones, closed, and an upcoming demo edition open for registration today.
        var years = editions.EnumerateArray().Select(e => e.GetProperty("year").GetInt32()).ToList();
        Assert.Equal([2020, 2018, 2017], years.Skip(1));
        Assert.True(years[0] > 2025);
        Assert.Equal("Published", editions[0].GetProperty("status").GetString());
        Assert.All(editions.EnumerateArray().Skip(1), e => Assert.Equal("Closed", e.GetProperty("status").GetString()));
        var current = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/editions/current", UriKind.Relative));
        Assert.Equal(years[0], current.GetProperty("year").GetInt32());
        var edition2020 = editions[1];
        Assert.Equal(10, edition2020.GetProperty("number").GetInt32());
        Assert.Equal("Inventer un avenir durable", edition2020.GetProperty("theme").GetString());
        Assert.Equal("2020-11-16", edition2020.GetProperty("headlineWeek").GetProperty("start").GetString());
        var postponement = Assert.Single(edition2020.GetProperty("scheduleHistory").EnumerateArray());
        Assert.Equal("2020-03-30", postponement.GetProperty("previous").GetProperty("headlineWeek").GetProperty("start").GetString());
        Assert.Contains("Covid-19", postponement.GetProperty("reason").GetString());
        Assert.Equal(7, editions[3].GetProperty("number").GetInt32());
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Edition2020(
        int year = 2020,
        int number = 10,
        (string Start, string End)? week = null,
        (string Opens, string Closes)? registration = null,
        string theme = "Inventer un avenir durable")
    {
        var (weekStart, weekEnd) = week ?? ("2020-03-30", "2020-04-05");
        var (opens, closes) = registration ?? ("2019-12-02", "2020-03-20");
        return new()
        {
            ["number"] = number,
            ["year"] = year,
            ["name"] = $"Semaine de l'industrie {year}",
            ["theme"] = theme,
            ["themeDescription"] = "Transition écologique, économie circulaire et mixité des métiers.",
            ["focusTopics"] = new[] { "Transition écologique", "Économie circulaire", "Mixité des métiers" },
            ["hashtag"] = "#SemaineIndustrie",
            ["headlineWeek"] = new { start = weekStart, end = weekEnd },
            ["eventPeriod"] = new { start = weekStart, end = weekEnd },
            ["regionalPeriods"] = year == 2020 ? new[] { new { regionCode = "32", start = "2020-03-16", end = "2020-04-19" } } : [],
            ["registrationOpens"] = opens,
            ["registrationCloses"] = closes,
            ["mapVisibleFrom"] = opens,
        };
    }

    private static string Merge(Dictionary<string, object?> edition, string changeJson)
    {
        var merged = JsonSerializer.SerializeToNode(edition)!.AsObject();
        foreach (var (key, value) in System.Text.Json.Nodes.JsonNode.Parse(changeJson)!.AsObject())
        {
            merged[key] = value?.DeepClone();
        }

        return merged.ToJsonString();
    }

    private async Task<JsonElement> CreateAsync(Dictionary<string, object?> edition)
    {
        var response = await _admin.PostAsJsonAsync("/api/editions", edition);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task PostAsync(string route)
    {
        var response = await _admin.PostAsync(new Uri(route, UriKind.Relative), null);
        Assert.True(response.IsSuccessStatusCode, $"{route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();

    private async Task<string> StringScalarAsync(string sql)
    {
        await using var connection = _database.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
