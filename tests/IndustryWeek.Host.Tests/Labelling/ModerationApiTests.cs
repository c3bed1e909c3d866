using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IndustryWeek.Editions.Contracts;
using IndustryWeek.Registration.Contracts;
using IndustryWeek.Shared.Outbox;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Host.Tests.Labelling;

/// <summary>
/// API.md « Labelling »: the regional queue and its filters, one application with its criteria and
/// history, the decisions and what they tell the other modules (labelling_outbox), bulk grant,
/// label numbers under concurrent grants, and the suspension of labels when the edition moves.
/// Events arrive as Registration's EventSubmitted; the 2020 edition is 16 – 22 November nationally,
/// Hauts-de-France (« 32 ») from 9 to 29 November.
/// </summary>
public sealed class ModerationApiTests
{
    private const string Password = "Mot-de-passe-2020";
    private const string HdfModerator = "moderatrice@prefecture-hdf.fr";
    private const string IdfModerator = "moderateur@prefecture-idf.fr";
    private const string Organiser = "organisatrice@usine-exemple.fr";
    private const string OtherRegion = "Cette demande relève d'une région que vous ne modérez pas.";
    private const string NotFound = "Aucune demande de labellisation pour cet événement.";

    private static readonly DateTime FirstSubmission = new(2020, 10, 1, 8, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string> Providers() => TestDatabase.Providers();

    // ---- the queue: whose regions, in which order ----

    [Fact]
    public async Task Queue_ByModerator_ListsOnlyTheirRegionsOldestFirstAndTheAdministratorSeesAll()
    {
        await using var scene = await Scene.StartAsync();
        var newerInLille = await scene.SubmitAsync(Submission("Portes ouvertes de l'aciérie", submittedAtUtc: FirstSubmission.AddHours(3)));
        var inParis = await scene.SubmitAsync(Submission("Conférence sur les métiers de l'aéronautique", region: "11", submittedAtUtc: FirstSubmission.AddHours(1)));
        var olderInValenciennes = await scene.SubmitAsync(Submission("Visite de l'usine de Valenciennes", submittedAtUtc: FirstSubmission));
        var online = await scene.SubmitAsync(Submission("Webinaire des métiers du numérique industriel", online: true, submittedAtUtc: FirstSubmission.AddHours(2)));
        using var hdf = await scene.ClientAsync(HdfModerator);
        using var idf = await scene.ClientAsync(IdfModerator);

        var ofHdf = await QueueAsync(hdf, "");
        var ofIdf = await QueueAsync(idf, "");
        var ofAdministrator = await QueueAsync(scene.Admin, "");

        Assert.Equal([olderInValenciennes, newerInLille], Ids(ofHdf));
        Assert.Equal(2, ofHdf.GetProperty("total").GetInt32());
        Assert.Equal([inParis], Ids(ofIdf));
        Assert.Equal([olderInValenciennes, inParis, online, newerInLille], Ids(ofAdministrator));
        var first = ofHdf.GetProperty("items")[0];
        Assert.Equal("Visite de l'usine de Valenciennes", first.GetProperty("title").GetString());
        Assert.Equal("Usine Exemple SAS", first.GetProperty("organisationName").GetString());
        Assert.Equal(("32", "59", "Valenciennes"), (first.GetProperty("regionCode").GetString(), first.GetProperty("departmentCode").GetString(), first.GetProperty("city").GetString()));
        Assert.Equal(("Pending", "CompanyVisit", 0), (first.GetProperty("status").GetString(), first.GetProperty("format").GetString(), first.GetProperty("failedCriteria").GetInt32()));
        // Thursday 1 October 2020: Friday 2, Monday 5, Tuesday 6, Wednesday 7 → until midnight, Paris time.
        Assert.Equal(new DateTime(2020, 10, 7, 22, 0, 0, DateTimeKind.Utc), first.GetProperty("dueAtUtc").GetDateTime());
        var onlineItem = ofAdministrator.GetProperty("items")[2];
        Assert.Equal(JsonValueKind.Null, onlineItem.GetProperty("regionCode").ValueKind);
        Assert.Equal(JsonValueKind.Null, onlineItem.GetProperty("city").ValueKind);
    }

    [Fact]
    public async Task Queue_WhenFilteredByStatusRegionDepartmentOrFormat_ListsOnlyThoseAndPages()
    {
        await using var scene = await Scene.StartAsync();
        var valenciennes = await scene.SubmitAsync(Submission("Visite de l'usine de Valenciennes", submittedAtUtc: FirstSubmission));
        var arras = await scene.SubmitAsync(Submission("Visite de la sucrerie d'Arras", department: "62", submittedAtUtc: FirstSubmission.AddMinutes(1)));
        var conference = await scene.SubmitAsync(Submission("Conférence sur l'hydrogène", format: "Conference", submittedAtUtc: FirstSubmission.AddMinutes(2)));
        var paris = await scene.SubmitAsync(Submission("Atelier de soudure à Paris", region: "11", submittedAtUtc: FirstSubmission.AddMinutes(3)));
        var refused = await scene.SubmitAsync(Submission("Visite payante de la brasserie", submittedAtUtc: FirstSubmission.AddMinutes(4)));
        (await scene.Admin.PostAsJsonAsync($"/api/labelling/applications/{valenciennes}/grant", new { })).EnsureSuccessStatusCode();
        (await scene.Admin.PostAsJsonAsync($"/api/labelling/applications/{refused}/refuse", new { reason = "L'événement est payant." })).EnsureSuccessStatusCode();
        using var hdf = await scene.ClientAsync(HdfModerator);

        Assert.Equal([arras, conference], Ids(await QueueAsync(hdf, "status=Pending")));
        Assert.Equal([valenciennes], Ids(await QueueAsync(hdf, "status=Granted")));
        Assert.Equal([refused], Ids(await QueueAsync(hdf, "status=refused")));
        Assert.Equal([paris], Ids(await QueueAsync(scene.Admin, "region=11")));
        Assert.Empty(Ids(await QueueAsync(hdf, "region=11"))); // not theirs, even when asked
        Assert.Equal([arras], Ids(await QueueAsync(hdf, "department=62")));
        Assert.Equal([conference], Ids(await QueueAsync(hdf, "format=Conference")));
        Assert.Equal([arras], Ids(await QueueAsync(hdf, "status=Pending&department=62&format=CompanyVisit")));

        var secondPage = await QueueAsync(scene.Admin, "page=2&pageSize=2");
        Assert.Equal([conference, paris], Ids(secondPage));
        Assert.Equal((5, 2, 2), (secondPage.GetProperty("total").GetInt32(), secondPage.GetProperty("page").GetInt32(), secondPage.GetProperty("pageSize").GetInt32()));
        var lastPage = await QueueAsync(scene.Admin, "page=3&pageSize=2");
        Assert.Equal([refused], Ids(lastPage));
        Assert.Equal(5, lastPage.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Queue_WhenTheDeadlinePasses_OnlyUndecidedApplicationsAreOverdue()
    {
        await using var scene = await Scene.StartAsync();
        var now = scene.Clock.GetUtcNow().UtcDateTime;
        var forgotten = await scene.SubmitAsync(Submission("Visite de l'usine de Valenciennes", submittedAtUtc: now));
        var decided = await scene.SubmitAsync(Submission("Visite de la sucrerie d'Arras", department: "62", submittedAtUtc: now.AddMinutes(1)));
        using (var before = await scene.ClientAsync(HdfModerator))
        {
            var fresh = (await QueueAsync(before, "")).GetProperty("items")[0];
            Assert.False(fresh.GetProperty("overdue").GetBoolean());
            Assert.Equal(4, fresh.GetProperty("workingDaysLeft").GetInt32());
            Assert.Empty(Ids(await QueueAsync(before, "overdue=true")));
            (await before.PostAsJsonAsync($"/api/labelling/applications/{decided}/grant", new { })).EnsureSuccessStatusCode();
        }

        // Ten days later (well past 4 working days, holidays included), a new one arrives.
        scene.Clock.MoveTo(scene.Clock.GetUtcNow().AddDays(10));
        var justArrived = await scene.SubmitAsync(Submission("Conférence sur l'hydrogène", format: "Conference", submittedAtUtc: scene.Clock.GetUtcNow().UtcDateTime));
        using var hdf = await scene.ClientAsync(HdfModerator);

        var overdue = await QueueAsync(hdf, "overdue=true");
        var onTime = await QueueAsync(hdf, "overdue=false");
        var one = await hdf.GetFromJsonAsync<JsonElement>(new Uri($"/api/labelling/applications/{forgotten}", UriKind.Relative));

        Assert.Equal([forgotten], Ids(overdue));
        Assert.True(overdue.GetProperty("items")[0].GetProperty("overdue").GetBoolean());
        Assert.True(overdue.GetProperty("items")[0].GetProperty("workingDaysLeft").GetInt32() < 0);
        Assert.Equal([decided, justArrived], Ids(onTime));
        Assert.True(one.GetProperty("overdue").GetBoolean());
    }

    // ---- one application ----

    [Fact]
    public async Task GetApplication_ForTheRegionsModerator_ShowsTheEventCriteriaDeadlineAndHistory()
    {
        await using var scene = await Scene.StartAsync();
        var id = await scene.SubmitAsync(Submission("Visite de l'usine de Valenciennes"));
        var older = await scene.SubmitAsync(Submission("Visite de l'usine de Valenciennes 2019", submittedAtUtc: FirstSubmission.AddDays(-1)));
        using var hdf = await scene.ClientAsync(HdfModerator);

        var application = await hdf.GetFromJsonAsync<JsonElement>(new Uri($"/api/labelling/applications/{id}", UriKind.Relative));

        Assert.Equal(("Pending", "à examiner"), (application.GetProperty("status").GetString(), application.GetProperty("statusName").GetString()));
        Assert.Equal(("Visite de l'usine de Valenciennes", "Valenciennes"), (application.GetProperty("event").GetProperty("title").GetString(), application.GetProperty("event").GetProperty("location").GetProperty("city").GetString()));
        Assert.Equal(Organiser, application.GetProperty("organiser").GetProperty("email").GetString());
        Assert.Equal(
            [
                ("PlaceAndPeriod", "En France, pendant la période de l'édition", "Passed"),
                ("OpenToPublic", "Ouvert au public", "Passed"),
                ("AboutIndustry", "Fait découvrir l'industrie", "ToReview"),
                ("FreeOfCharge", "Gratuit", "Passed"),
            ],
            application.GetProperty("criteria").EnumerateArray().Select(c => (c.GetProperty("criterion").GetString(), c.GetProperty("name").GetString(), c.GetProperty("outcome").GetString())));
        Assert.Equal(
            "À Valenciennes ; toutes les séances ont lieu du 9 novembre 2020 au 29 novembre 2020 (période de la région Hauts-de-France).",
            application.GetProperty("criteria")[0].GetProperty("detail").GetString());
        Assert.True(application.GetProperty("canBeGranted").GetBoolean());
        Assert.Equal(new DateTime(2020, 10, 7, 22, 0, 0, DateTimeKind.Utc), application.GetProperty("dueAtUtc").GetDateTime());
        var submitted = Assert.Single(application.GetProperty("history").EnumerateArray());
        Assert.Equal(("Submitted", Organiser), (submitted.GetProperty("kind").GetString(), submitted.GetProperty("by").GetString()));
        var other = Assert.Single(application.GetProperty("organiserHistory").EnumerateArray());
        Assert.Equal(older, other.GetProperty("id").GetGuid());
        Assert.Equal("à examiner", other.GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetApplication_WhenCriteriaFail_ExplainsInFrenchAndCannotBeGranted()
    {
        await using var scene = await Scene.StartAsync();
        var id = await scene.SubmitAsync(Submission("Visite réservée au personnel", audiences: ["Employees"], isFree: false));
        using var hdf = await scene.ClientAsync(HdfModerator);

        var application = await hdf.GetFromJsonAsync<JsonElement>(new Uri($"/api/labelling/applications/{id}", UriKind.Relative));
        var grant = await hdf.PostAsJsonAsync($"/api/labelling/applications/{id}/grant", new { });

        Assert.False(application.GetProperty("canBeGranted").GetBoolean());
        Assert.Equal(["Passed", "Failed", "ToReview", "Failed"], application.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("outcome").GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, grant.StatusCode);
        Assert.Equal(
            "Le label ne peut pas être attribué : « Ouvert au public » : Réservé aux salariés de l'organisation : l'événement doit être ouvert au public. « Gratuit » : L'événement est payant : seuls les événements gratuits sont labellisés.",
            await DetailAsync(grant));
        Assert.Equal(0, await scene.OutboxCountAsync("LabelGranted"));
    }

    [Fact]
    public async Task GetApplication_ByAnotherRegionsModeratorOrUnknown_403Or404()
    {
        await using var scene = await Scene.StartAsync();
        var inLille = await scene.SubmitAsync(Submission("Visite de l'usine de Valenciennes"));
        var online = await scene.SubmitAsync(Submission("Webinaire des métiers", online: true));
        using var idf = await scene.ClientAsync(IdfModerator);

        var otherRegion = await idf.GetAsync(new Uri($"/api/labelling/applications/{inLille}", UriKind.Relative));
        var onlineOnly = await idf.GetAsync(new Uri($"/api/labelling/applications/{online}", UriKind.Relative));
        var unknown = await idf.GetAsync(new Uri($"/api/labelling/applications/{Guid.NewGuid()}", UriKind.Relative));
        var byAdministrator = await scene.Admin.GetAsync(new Uri($"/api/labelling/applications/{online}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, otherRegion.StatusCode);
        Assert.Equal(OtherRegion, await DetailAsync(otherRegion));
        Assert.Equal(HttpStatusCode.Forbidden, onlineOnly.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(NotFound, await DetailAsync(unknown));
        Assert.Equal(HttpStatusCode.OK, byAdministrator.StatusCode);
    }

    // ---- who may moderate ----

    [Fact]
    public async Task LabellingEndpoints_ForOrganiserOrOperator403AndAnonymous401_NothingChanges()
    {
        await using var scene = await Scene.StartAsync();
        var id = await scene.SubmitAsync(Submission("Visite de l'usine de Valenciennes"));
        using var organiser = await scene.ClientAsync(Organiser);
        using var operatorClient = await scene.ClientAsync("operateur@tests.local");
        using var anonymous = scene.Platform.CreateClient();
        var routes = new (string Method, string Route, object? Body)[]
        {
            ("GET", "/api/labelling/applications", null),
            ("GET", $"/api/labelling/applications/{id}", null),
            ("POST", $"/api/labelling/applications/{id}/grant", new { }),
            ("POST", $"/api/labelling/applications/{id}/refuse", new { reason = "Motif." }),
            ("POST", $"/api/labelling/applications/{id}/request-changes", new { comment = "Commentaire." }),
            ("POST", $"/api/labelling/applications/{id}/revoke", new { reason = "Motif." }),
            ("POST", "/api/labelling/applications/bulk-grant", new { ids = new[] { id } }),
        };

        foreach (var (client, expected) in new[] { (organiser, HttpStatusCode.Forbidden), (operatorClient, HttpStatusCode.Forbidden), (anonymous, HttpStatusCode.Unauthorized) })
        {
            foreach (var (method, route, body) in routes)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(route, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
                var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == expected, $"{method} {route}: {(int)response.StatusCode}, expected {(int)expected}");
            }
        }

        Assert.Equal("Pending", await scene.StatusAsync(id));
        Assert.Equal(0, await scene.Database.ScalarAsync("""SELECT COUNT(*) FROM labelling_decisions WHERE "Kind" <> 'Submitted'"""));
    }

    // ---- refuse, request changes, revoke ----

    [Theory]
    [InlineData("refuse", "reason", "Le motif est obligatoire : l'organisateur le lira.")]
    [InlineData("request-changes", "comment", "Dites à l'organisateur ce qu'il doit modifier.")]
    [InlineData("revoke", "reason", "Le motif est obligatoire : l'organisateur le lira.")]
    public async Task Decide_WhenTheReasonOrCommentIsEmpty_400WithTheFrenchFieldErrorAndNothingChanges(string action, string field, string message)
    {
        await using var scene = await Scene.StartAsync();
        var id = await scene.SubmitAsync(Submission("Visite de l'usine de Valenciennes"));
        using var hdf = await scene.ClientAsync(HdfModerator);
        if (action == "revoke")
        {
            (await hdf.PostAsJsonAsync($"/api/labelling/applications/{id}/grant", new { })).EnsureSuccessStatusCode();
        }

        var statusBefore = await scene.StatusAsync(id);
        var blank = await hdf.PostAsync(new Uri($"/api/labelling/applications/{id}/{action}", UriKind.Relative), Json($$"""{"{{field}}": "   "}"""));
        var missing = await hdf.PostAsJsonAsync($"/api/labelling/applications/{id}/{action}", new { });
        var tooLong = await hdf.PostAsync(new Uri($"/api/labelling/applications/{id}/{action}", UriKind.Relative), Json($$"""{"{{field}}": "{{new string('x', 2001)}}"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal([message], await ErrorsAsync(blank, field));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal([message], await ErrorsAsync(missing, field));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(["Le texte ne dépasse pas 2 000 caractères."], await ErrorsAsync(tooLong, field));
        Assert.Equal(statusBefore, await scene.StatusAsync(id));
        Assert.Equal(0, await scene.OutboxCountAsync("LabelRefused") + await scene.OutboxCountAsync("ChangesRequested") + await scene.OutboxCountAsync("LabelRevoked"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Decide_WhenAllowed_ChangesTheStatusAndTellsTheOrganiserThroughTheOutbox(string provider)
    {
        await using var scene = await Scene.StartAsync(provider);
        var refused = await scene.SubmitAsync(Submission("Visite payante de la brasserie"));
        var changes = await scene.SubmitAsync(Submission("Visite de la sucrerie d'Arras", department: "62"));
        var revoked = await scene.SubmitAsync(Submission("Visite de l'usine de Valenciennes"));
        using var hdf = await scene.ClientAsync(HdfModerator);
        (await hdf.PostAsJsonAsync($"/api/labelling/applications/{revoked}/grant", new { })).EnsureSuccessStatusCode();

        var refusal = await hdf.PostAsJsonAsync($"/api/labelling/applications/{refused}/refuse", new { reason = "L'événement est payant." });
        var request = await hdf.PostAsJsonAsync($"/api/labelling/applications/{changes}/request-changes", new { comment = "  Précisez les horaires de la visite.  " });
        var revocation = await hdf.PostAsJsonAsync($"/api/labelling/applications/{revoked}/revoke", new { reason = "Événement réservé aux salariés en réalité." });

        Assert.Equal(HttpStatusCode.OK, refusal.StatusCode);
        Assert.Equal(("Refused", "refusé"), await StatusAndMessageAsync(refusal));
        Assert.Equal(("ChangesRequested", "modifications demandées"), await StatusAndMessageAsync(request));
        Assert.Equal(("Revoked", "label retiré"), await StatusAndMessageAsync(revocation));
        Assert.Equal("Refused", await scene.StatusAsync(refused));
        Assert.Equal("ChangesRequested", await scene.StatusAsync(changes));
        Assert.Equal("Revoked", await scene.StatusAsync(revoked));

        var refusedMessage = Assert.Single(await scene.OutboxAsync("LabelRefused"));
        Assert.Equal(refused, refusedMessage.GetProperty("eventId").GetGuid());
        Assert.Equal("L'événement est payant.", refusedMessage.GetProperty("reason").GetString());
        Assert.Equal(Organiser, refusedMessage.GetProperty("organiser").GetProperty("email").GetString());
        var changesMessage = Assert.Single(await scene.OutboxAsync("ChangesRequested"));
        Assert.Equal((changes, "Précisez les horaires de la visite."), (changesMessage.GetProperty("eventId").GetGuid(), changesMessage.GetProperty("comment").GetString()));
        var revokedMessage = Assert.Single(await scene.OutboxAsync("LabelRevoked"));
        Assert.Equal((revoked, "SDI-2020-000001", "Événement réservé aux salariés en réalité."), (revokedMessage.GetProperty("eventId").GetGuid(), revokedMessage.GetProperty("labelNumber").GetString(), revokedMessage.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Decide_WhenTheStatusDoesNotAllowIt_409AndNothingChanges()
    {
        await using var scene = await Scene.StartAsync();
        var granted = await scene.SubmitAsync(Submission("Visite de l'usine de Valenciennes"));
        var refused = await scene.SubmitAsync(Submission("Visite payante de la brasserie"));
        var pending = await scene.SubmitAsync(Submission("Visite de la sucrerie d'Arras", department: "62"));
        using var hdf = await scene.ClientAsync(HdfModerator);
        (await hdf.PostAsJsonAsync($"/api/labelling/applications/{granted}/grant", new { })).EnsureSuccessStatusCode();
        (await hdf.PostAsJsonAsync($"/api/labelling/applications/{refused}/refuse", new { reason = "L'événement est payant." })).EnsureSuccessStatusCode();

        var refuseGranted = await hdf.PostAsJsonAsync($"/api/labelling/applications/{granted}/refuse", new { reason = "Trop tard." });
        var changesOnRefused = await hdf.PostAsJsonAsync($"/api/labelling/applications/{refused}/request-changes", new { comment = "Rendez-le gratuit." });
        var revokeNeverLabelled = await hdf.PostAsJsonAsync($"/api/labelling/applications/{pending}/revoke", new { reason = "Motif." });
        var grantRefused = await hdf.PostAsJsonAsync($"/api/labelling/applications/{refused}/grant", new { });

        Assert.Equal(HttpStatusCode.Conflict, refuseGranted.StatusCode);
        Assert.Equal("Cette décision n'est pas possible : la demande est au statut « labellisé ».", await DetailAsync(refuseGranted));
        Assert.Equal(HttpStatusCode.Conflict, changesOnRefused.StatusCode);
        Assert.Equal("Cette décision n'est pas possible : la demande est au statut « refusé ».", await DetailAsync(changesOnRefused));
        Assert.Equal(HttpStatusCode.Conflict, revokeNeverLabelled.StatusCode);
        Assert.Equal("Cet événement n'a pas de label à retirer.", await DetailAsync(revokeNeverLabelled));
        Assert.Equal(HttpStatusCode.Conflict, grantRefused.StatusCode);
        Assert.Equal("Cette demande n'attend pas de décision (statut : refusé).", await DetailAsync(grantRefused));
        Assert.Equal(("Granted", "Refused", "Pending"), (await scene.StatusAsync(granted), await scene.StatusAsync(refused), await scene.StatusAsync(pending)));
        Assert.Equal(1, await scene.OutboxCountAsync("LabelRefused"));
        Assert.Equal(0, await scene.OutboxCountAsync("ChangesRequested") + await scene.OutboxCountAsync("LabelRevoked"));
    }

    [Fact]
    public async Task Decide_ByAnotherRegionsModeratorOrOnAnUnknownApplication_403Or404()
    {
        await using var scene = await Scene.StartAsync();
        var id = await scene.SubmitAsync(Submission("Visite de l'usine de Valenciennes"));
        using var idf = await scene.ClientAsync(IdfModerator);

        var refuse = await idf.PostAsJsonAsync($"/api/labelling/applications/{id}/refuse", new { reason = "Motif." });
        var changes = await idf.PostAsJsonAsync($"/api/labelling/applications/{id}/request-changes", new { comment = "Commentaire." });
        var unknown = await idf.PostAsJsonAsync($"/api/labelling/applications/{Guid.NewGuid()}/refuse", new { reason = "Motif." });

        Assert.Equal(HttpStatusCode.Forbidden, refuse.StatusCode);
        Assert.Equal(OtherRegion, await DetailAsync(refuse));
        Assert.Equal(HttpStatusCode.Forbidden, changes.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(NotFound, await DetailAsync(unknown));
        Assert.Equal("Pending", await scene.StatusAsync(id));
    }

    // ---- the audit trail ----

    [Fact]
    public async Task History_AfterRequestChangesResubmissionAndGrant_ShowsWhoWhenWhatAndWhy()
    {
        await using var scene = await Scene.StartAsync();
        var submission = Submission("Visite de l'usine de Valenciennes");
        var id = await scene.SubmitAsync(submission);
        using var hdf = await scene.ClientAsync(HdfModerator);
        var before = scene.Clock.GetUtcNow().UtcDateTime;

        (await hdf.PostAsJsonAsync($"/api/labelling/applications/{id}/request-changes", new { comment = "Ajoutez une séance ouverte aux demandeurs d'emploi." })).EnsureSuccessStatusCode();
        await scene.SubmitAsync(submission with { SubmissionNumber = 2, SubmittedAtUtc = scene.Clock.GetUtcNow().UtcDateTime });
        (await scene.Admin.PostAsJsonAsync($"/api/labelling/applications/{id}/grant", new { comment = "Très bel événement." })).EnsureSuccessStatusCode();
        var after = scene.Clock.GetUtcNow().UtcDateTime;
        var application = await hdf.GetFromJsonAsync<JsonElement>(new Uri($"/api/labelling/applications/{id}", UriKind.Relative));

        var history = application.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(
            [
                ("Submitted", Organiser, null, null),
                ("ChangesRequested", HdfModerator, "Ajoutez une séance ouverte aux demandeurs d'emploi.", null),
                ("Resubmitted", Organiser, null, null),
                ("Granted", PlatformFactory.AdminEmail, "Très bel événement.", "SDI-2020-000001"),
            ],
            history.Select(h => (h.GetProperty("kind").GetString(), h.GetProperty("by").GetString(), h.GetProperty("comment").GetString(), h.GetProperty("labelNumber").GetString())));
        Assert.Equal(FirstSubmission, history[0].GetProperty("atUtc").GetDateTime());
        Assert.InRange(history[1].GetProperty("atUtc").GetDateTime(), before, after);
        Assert.InRange(history[3].GetProperty("atUtc").GetDateTime(), before, after);
        Assert.Equal(("Granted", "SDI-2020-000001", 1, 2), (application.GetProperty("status").GetString(), application.GetProperty("labelNumber").GetString(), application.GetProperty("labelVersion").GetInt32(), application.GetProperty("submissionNumber").GetInt32()));
        Assert.Equal("Passed", application.GetProperty("criteria")[2].GetProperty("outcome").GetString()); // the moderator confirmed criterion 3
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Decide_WhenTwoModeratorsDecideTheSameApplicationAtOnce_OneWinsTheOtherGets409(string provider)
    {
        await using var scene = await Scene.StartAsync(provider);
        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await scene.SubmitAsync(Submission($"Visite d'atelier n° {i + 1}", submittedAtUtc: FirstSubmission.AddMinutes(i))));
        }

        using var hdf = await scene.ClientAsync(HdfModerator);

        // For each application, the region's moderator refuses while the administrator grants.
        var races = await Task.WhenAll(ids.Select(async id =>
        {
            var both = await Task.WhenAll(
                hdf.PostAsJsonAsync($"/api/labelling/applications/{id}/refuse", new { reason = "Doublon d'un autre événement." }),
                scene.Admin.PostAsJsonAsync($"/api/labelling/applications/{id}/grant", new { }));
            return (Id: id, Refusal: both[0], Grant: both[1]);
        }));

        var labelNumbers = new List<string?>();
        foreach (var (id, refusal, grant) in races)
        {
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], new[] { refusal.StatusCode, grant.StatusCode }.Order());
            var application = await scene.Admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/labelling/applications/{id}", UriKind.Relative));
            Assert.Equal(refusal.StatusCode == HttpStatusCode.OK ? "Refused" : "Granted", application.GetProperty("status").GetString());
            Assert.Equal(2, application.GetProperty("history").GetArrayLength()); // submitted, then one decision
            if (grant.StatusCode == HttpStatusCode.OK)
            {
                labelNumbers.Add((await JsonAsync(grant)).GetProperty("labelNumber").GetString());
            }
        }

        // A grant that lost gives its number back: the numbers given are 1, 2, 3… with none wasted.
        Assert.Equal(Enumerable.Range(1, labelNumbers.Count).Select(n => $"SDI-2020-{n:000000}"), labelNumbers.Order(StringComparer.Ordinal));
        Assert.Equal(labelNumbers.Count, await scene.OutboxCountAsync("LabelGranted"));
        Assert.Equal(ids.Count - labelNumbers.Count, await scene.OutboxCountAsync("LabelRefused"));
    }

    // ---- what Registration tells Labelling ----

    [Fact]
    public async Task RegistrationNotifications_WhenWithdrawnCancelledOrDeliveredTwice_CloseWithTheOrganisersWordsAndNothingIsDuplicated()
    {
        await using var scene = await Scene.StartAsync();
        var withdrawn = Submission("Visite de l'usine de Valenciennes");
        var cancelled = Submission("Portes ouvertes de l'aciérie", submittedAtUtc: FirstSubmission.AddMinutes(1));
        var twice = Submission("Conférence sur l'hydrogène", format: "Conference", submittedAtUtc: FirstSubmission.AddMinutes(2));
        await scene.SubmitAsync(withdrawn);
        await scene.SubmitAsync(cancelled);
        await scene.SubmitAsync(twice);
        await scene.SubmitAsync(twice);
        using var hdf = await scene.ClientAsync(HdfModerator);
        (await hdf.PostAsJsonAsync($"/api/labelling/applications/{cancelled.EventId}/grant", new { })).EnsureSuccessStatusCode();
        var now = scene.Clock.GetUtcNow().UtcDateTime;

        await scene.Platform.PublishAsync(new EventWithdrawn { EventId = withdrawn.EventId, EditionId = withdrawn.EditionId, Title = withdrawn.Event.Title, Organiser = withdrawn.Organiser, WithdrawnAtUtc = now });
        await scene.Platform.PublishAsync(new EventCancelled { EventId = cancelled.EventId, EditionId = cancelled.EditionId, Title = cancelled.Event.Title, LabelNumber = "SDI-2020-000001", Reason = "Intempéries.", Organiser = cancelled.Organiser, CancelledAtUtc = now });
        var refuseWithdrawn = await hdf.PostAsJsonAsync($"/api/labelling/applications/{withdrawn.EventId}/refuse", new { reason = "Trop tard." });
        var revokeCancelled = await hdf.PostAsJsonAsync($"/api/labelling/applications/{cancelled.EventId}/revoke", new { reason = "Trop tard." });

        var ofWithdrawn = await hdf.GetFromJsonAsync<JsonElement>(new Uri($"/api/labelling/applications/{withdrawn.EventId}", UriKind.Relative));
        var ofCancelled = await hdf.GetFromJsonAsync<JsonElement>(new Uri($"/api/labelling/applications/{cancelled.EventId}", UriKind.Relative));
        var ofTwice = await hdf.GetFromJsonAsync<JsonElement>(new Uri($"/api/labelling/applications/{twice.EventId}", UriKind.Relative));
        Assert.Equal(("Closed", "retiré ou annulé par l'organisateur"), (ofWithdrawn.GetProperty("status").GetString(), ofWithdrawn.GetProperty("statusName").GetString()));
        var closing = ofWithdrawn.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("Closed", Organiser, "L'organisateur a retiré l'événement."), (closing.GetProperty("kind").GetString(), closing.GetProperty("by").GetString(), closing.GetProperty("comment").GetString()));
        Assert.Equal(("Closed", "SDI-2020-000001"), (ofCancelled.GetProperty("status").GetString(), ofCancelled.GetProperty("labelNumber").GetString()));
        Assert.Equal("L'organisateur a annulé l'événement : Intempéries.", ofCancelled.GetProperty("history").EnumerateArray().Last().GetProperty("comment").GetString());
        Assert.Equal(HttpStatusCode.Conflict, refuseWithdrawn.StatusCode);
        Assert.Equal("Cette décision n'est pas possible : la demande est au statut « retiré ou annulé par l'organisateur ».", await DetailAsync(refuseWithdrawn));
        Assert.Equal(HttpStatusCode.Conflict, revokeCancelled.StatusCode);
        Assert.Single(ofTwice.GetProperty("history").EnumerateArray());
        Assert.Equal([twice.EventId], Ids(await QueueAsync(hdf, "status=Pending")));
    }

    // ---- bulk grant ----

    [Fact]
    public async Task BulkGrant_OfThirtyWithSomeFailing_PerIdOutcomesAndConsecutiveLabelNumbers()
    {
        await using var scene = await Scene.StartAsync();
        var eligible = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            eligible.Add(await scene.SubmitAsync(Submission($"Visite d'atelier n° {i + 1}", submittedAtUtc: FirstSubmission.AddMinutes(i))));
        }

        var inParis = await scene.SubmitAsync(Submission("Atelier de soudure à Paris", region: "11"));
        var paid = await scene.SubmitAsync(Submission("Visite payante de la brasserie", isFree: false));
        var unknown = Guid.NewGuid();
        using var hdf = await scene.ClientAsync(HdfModerator);
        var selection = eligible.Take(10).Append(inParis).Concat(eligible.Skip(10).Take(10)).Append(paid).Append(unknown).Concat(eligible.Skip(20)).Append(eligible[0]).ToList();

        var response = await hdf.PostAsJsonAsync("/api/labelling/applications/bulk-grant", new { ids = selection });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await JsonAsync(response);
        Assert.Equal((30, 3), (result.GetProperty("granted").GetInt32(), result.GetProperty("failed").GetInt32()));
        var items = result.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(selection.Distinct(), items.Select(i => i.GetProperty("id").GetGuid()));
        var granted = items.Where(i => i.GetProperty("outcome").GetString() == "granted").ToList();
        Assert.Equal(eligible, granted.Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal(Enumerable.Range(1, 30).Select(n => $"SDI-2020-{n:000000}"), granted.Select(i => i.GetProperty("labelNumber").GetString()));
        var failed = items.Where(i => i.GetProperty("outcome").GetString() == "failed").ToDictionary(i => i.GetProperty("id").GetGuid(), i => i.GetProperty("error").GetString());
        Assert.Equal(OtherRegion, failed[inParis]);
        Assert.Equal("Le label ne peut pas être attribué : « Gratuit » : L'événement est payant : seuls les événements gratuits sont labellisés.", failed[paid]);
        Assert.Equal(NotFound, failed[unknown]);
        Assert.Equal(30, (await QueueAsync(hdf, "status=Granted")).GetProperty("total").GetInt32());
        Assert.Equal(("Pending", "Pending"), (await scene.StatusAsync(inParis), await scene.StatusAsync(paid)));
        Assert.Equal(30, await scene.OutboxCountAsync("LabelGranted"));

        // Again, with one already labelled: it keeps its number, the next one is never a reused number.
        var another = await scene.SubmitAsync(Submission("Visite de la sucrerie d'Arras", department: "62"));
        var again = await JsonAsync(await hdf.PostAsJsonAsync("/api/labelling/applications/bulk-grant", new { ids = new[] { eligible[0], another } }));
        Assert.Equal("Cet événement est déjà labellisé (SDI-2020-000001).", again.GetProperty("items")[0].GetProperty("error").GetString());
        Assert.Equal("SDI-2020-000031", again.GetProperty("items")[1].GetProperty("labelNumber").GetString());
    }

    [Fact]
    public async Task BulkGrant_WhenTheSelectionIsEmptyOrTooLarge_400InFrench()
    {
        await using var scene = await Scene.StartAsync();
        using var hdf = await scene.ClientAsync(HdfModerator);

        var empty = await hdf.PostAsJsonAsync("/api/labelling/applications/bulk-grant", new { ids = Array.Empty<Guid>() });
        var missing = await hdf.PostAsJsonAsync("/api/labelling/applications/bulk-grant", new { });
        var tooMany = await hdf.PostAsJsonAsync("/api/labelling/applications/bulk-grant", new { ids = Enumerable.Range(0, 501).Select(_ => Guid.NewGuid()) });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["Sélectionnez au moins une demande."], await ErrorsAsync(empty, "ids"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["Sélectionnez au moins une demande."], await ErrorsAsync(missing, "ids"));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(["Au plus 500 demandes à la fois."], await ErrorsAsync(tooMany, "ids"));
    }

    // ---- label numbers under concurrent grants ----

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Grant_FiftyAtOnceFromParallelRequests_EachGetsItsOwnNumberFromOneToFifty(string provider)
    {
        await using var scene = await Scene.StartAsync(provider);
        var ids = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add(await scene.SubmitAsync(Submission($"Visite d'atelier n° {i + 1}", submittedAtUtc: FirstSubmission.AddMinutes(i))));
        }

        using var hdf = await scene.ClientAsync(HdfModerator);
        using var admin = await scene.Platform.SignedInClientAsync();

        // Two moderators, each request on its own: they all race for the edition's next number.
        var responses = await Task.WhenAll(ids.Select((id, i) => (i % 2 == 0 ? hdf : admin).PostAsJsonAsync($"/api/labelling/applications/{id}/grant", new { })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var numbers = await Task.WhenAll(responses.Select(async r => (await JsonAsync(r)).GetProperty("labelNumber").GetString()));
        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"SDI-2020-{n:000000}"), numbers.Order(StringComparer.Ordinal));
        var listed = (await QueueAsync(scene.Admin, "status=Granted&pageSize=100")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("labelNumber").GetString()).ToList();
        Assert.Equal(50, listed.Distinct().Count());
        Assert.Equal(50, await scene.OutboxCountAsync("LabelGranted"));
        Assert.Equal(50, await scene.Database.ScalarAsync("""SELECT "LastNumber" FROM labelling_label_sequences"""));
    }

    // ---- the edition moves ----

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Reschedule_WhenALabelledEventIsNowOutsideThePeriod_SuspendedThenReinstatedByNewDates(string provider)
    {
        await using var scene = await Scene.StartAsync(provider);
        var inParis = Submission("Atelier de soudure à Paris", region: "11");
        var suspended = await scene.SubmitAsync(inParis);
        var keptByTheRegionalPeriod = await scene.SubmitAsync(Submission("Visite de l'usine de Valenciennes"));
        var pending = await scene.SubmitAsync(Submission("Conférence sur l'hydrogène à Paris", region: "11", format: "Conference"));
        (await scene.Admin.PostAsJsonAsync($"/api/labelling/applications/{suspended}/grant", new { })).EnsureSuccessStatusCode();
        (await scene.Admin.PostAsJsonAsync($"/api/labelling/applications/{keptByTheRegionalPeriod}/grant", new { })).EnsureSuccessStatusCode();

        // A week later nationally; Hauts-de-France keeps a wide period of its own.
        await scene.Platform.PublishAsync(new EditionRescheduled
        {
            Edition = Edition2020(("2020-11-23", "2020-11-29"), ("32", "2020-11-09", "2020-12-06")),
            PreviousSchedule = Edition2020().Schedule,
            Reason = "Report lié au Covid-19.",
            OccurredAtUtc = scene.Clock.GetUtcNow().UtcDateTime,
        });

        using var idf = await scene.ClientAsync(IdfModerator);
        var afterRescheduling = await idf.GetFromJsonAsync<JsonElement>(new Uri($"/api/labelling/applications/{suspended}", UriKind.Relative));
        Assert.Equal(("Suspended", "SDI-2020-000001"), (afterRescheduling.GetProperty("status").GetString(), afterRescheduling.GetProperty("labelNumber").GetString()));
        var suspension = afterRescheduling.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("Suspended", LabellingSystem), (suspension.GetProperty("kind").GetString(), suspension.GetProperty("by").GetString()));
        Assert.StartsWith("L'édition a changé de dates. Hors de la période du 23 novembre 2020 au 29 novembre 2020 : ", suspension.GetProperty("comment").GetString(), StringComparison.Ordinal);
        var message = Assert.Single(await scene.OutboxAsync("LabelSuspended"));
        Assert.Equal((suspended, "SDI-2020-000001"), (message.GetProperty("eventId").GetGuid(), message.GetProperty("labelNumber").GetString()));
        var seenBySuspendedOrganiser = (await scene.OutboxAsync("CriteriaChecked")).Last(c => c.GetProperty("eventId").GetGuid() == suspended);
        Assert.Equal("Failed", seenBySuspendedOrganiser.GetProperty("criteria")[0].GetProperty("outcome").GetString());
        Assert.Equal("Granted", await scene.StatusAsync(keptByTheRegionalPeriod));
        var stillPending = await idf.GetFromJsonAsync<JsonElement>(new Uri($"/api/labelling/applications/{pending}", UriKind.Relative));
        Assert.Equal("Pending", stillPending.GetProperty("status").GetString());
        Assert.Equal("Failed", stillPending.GetProperty("criteria")[0].GetProperty("outcome").GetString());
        Assert.False(stillPending.GetProperty("canBeGranted").GetBoolean());
        var seenByPendingOrganiser = (await scene.OutboxAsync("CriteriaChecked")).Last(c => c.GetProperty("eventId").GetGuid() == pending);
        Assert.Equal("Failed", seenByPendingOrganiser.GetProperty("criteria")[0].GetProperty("outcome").GetString());

        // The organiser moves the event into the new week: the label is back, same number, next version.
        await scene.Platform.PublishAsync(new EventUpdated
        {
            EventId = suspended,
            EditionId = SampleEvents.Edition2020,
            EditionYear = 2020,
            Status = "Suspended",
            LabelNumber = "SDI-2020-000001",
            NeedsReview = true,
            Revision = 5,
            Event = inParis.Event with { Sessions = [new EventSession(new DateTime(2020, 11, 24, 9, 0, 0), new DateTime(2020, 11, 24, 12, 0, 0))] },
            Organiser = inParis.Organiser,
            UpdatedAtUtc = scene.Clock.GetUtcNow().UtcDateTime,
        });

        var reinstated = await idf.GetFromJsonAsync<JsonElement>(new Uri($"/api/labelling/applications/{suspended}", UriKind.Relative));
        Assert.Equal(("Granted", "SDI-2020-000001", 2), (reinstated.GetProperty("status").GetString(), reinstated.GetProperty("labelNumber").GetString(), reinstated.GetProperty("labelVersion").GetInt32()));
        Assert.Equal("Reinstated", reinstated.GetProperty("history").EnumerateArray().Last().GetProperty("kind").GetString());
        Assert.Equal(["Passed", "Passed", "Passed", "Passed"], reinstated.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("outcome").GetString()));
        var seenWhenReinstated = (await scene.OutboxAsync("CriteriaChecked")).Last(c => c.GetProperty("eventId").GetGuid() == suspended);
        Assert.Equal("À Paris ; toutes les séances ont lieu du 23 novembre 2020 au 29 novembre 2020.", seenWhenReinstated.GetProperty("criteria")[0].GetProperty("detail").GetString());
        Assert.True(seenWhenReinstated.GetProperty("revision").GetInt32() > seenBySuspendedOrganiser.GetProperty("revision").GetInt32());
        var grants = await scene.OutboxAsync("LabelGranted");
        var regranted = grants.Last();
        Assert.Equal((suspended, "SDI-2020-000001", 2), (regranted.GetProperty("eventId").GetGuid(), regranted.GetProperty("labelNumber").GetString(), regranted.GetProperty("labelVersion").GetInt32()));
    }

    [Fact]
    public async Task Reschedule_ThroughTheEditionsApi_ReachesLabellingAndSuspendsTheLabel()
    {
        await using var scene = await Scene.StartAsync(publishEdition: false);
        var created = await scene.Admin.PostAsJsonAsync("/api/editions", new
        {
            number = 10,
            year = 2020,
            name = "Semaine de l'industrie 2020",
            theme = "Inventer un avenir durable",
            themeDescription = "L'industrie au cœur de la transition écologique.",
            focusTopics = Array.Empty<string>(),
            hashtag = "#SemaineIndustrie",
            headlineWeek = new { start = "2020-03-30", end = "2020-04-05" },
            eventPeriod = new { start = "2020-03-30", end = "2020-04-05" },
            regionalPeriods = new[] { new { regionCode = "32", start = "2020-03-16", end = "2020-04-19" } },
            registrationOpens = "2019-11-01",
            registrationCloses = "2020-03-20",
            mapVisibleFrom = "2019-11-01",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var editionId = (await JsonAsync(created)).GetProperty("id").GetGuid();
        (await scene.Admin.PostAsync(new Uri($"/api/editions/{editionId}/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
        await scene.DispatchAsync();
        var sample = Submission("Atelier de soudure à Paris", region: "11");
        var id = await scene.SubmitAsync(sample with
        {
            EditionId = editionId,
            Event = sample.Event with { Sessions = [new EventSession(new DateTime(2020, 4, 1, 9, 0, 0), new DateTime(2020, 4, 1, 12, 0, 0))] },
        });
        (await scene.Admin.PostAsJsonAsync($"/api/labelling/applications/{id}/grant", new { })).EnsureSuccessStatusCode();

        var rescheduled = await scene.Admin.PostAsJsonAsync($"/api/editions/{editionId}/reschedule", new
        {
            headlineWeek = new { start = "2020-11-16", end = "2020-11-22" },
            eventPeriod = new { start = "2020-11-16", end = "2020-11-22" },
            regionalPeriods = Array.Empty<object>(),
            registrationCloses = "2020-11-06",
            reason = "Report lié au Covid-19.",
        });
        Assert.True(rescheduled.IsSuccessStatusCode, await rescheduled.Content.ReadAsStringAsync());
        await scene.DispatchAsync();

        var application = await scene.Admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/labelling/applications/{id}", UriKind.Relative));
        Assert.Equal("Suspended", application.GetProperty("status").GetString());
        Assert.Equal(
            "L'édition a changé de dates. Hors de la période du 16 novembre 2020 au 22 novembre 2020 : mercredi 1er avril 2020, 9 h 00 – 12 h 00.",
            application.GetProperty("history").EnumerateArray().Last().GetProperty("comment").GetString());
        Assert.Equal(1, await scene.OutboxCountAsync("LabelSuspended"));
    }

    // ---- helpers ----

    private const string LabellingSystem = "système";

    /// <summary>The 2020 edition as Editions announces it (16 – 22 November; Hauts-de-France 9 – 29 November unless told otherwise).</summary>
    private static EditionSnapshot Edition2020((string Start, string End)? eventPeriod = null, (string Region, string Start, string End)? regional = null)
    {
        var (start, end) = eventPeriod ?? ("2020-11-16", "2020-11-22");
        var (region, regionalStart, regionalEnd) = regional ?? ("32", "2020-11-09", "2020-11-29");
        var period = new DatePeriod(Day(start), Day(end));
        return new EditionSnapshot
        {
            Id = SampleEvents.Edition2020,
            Number = 10,
            Year = 2020,
            Name = "Semaine de l'industrie 2020",
            Theme = "Inventer un avenir durable",
            ThemeDescription = "L'industrie au cœur de la transition écologique.",
            FocusTopics = [],
            Hashtag = "#SemaineIndustrie",
            Schedule = new EditionSchedule
            {
                HeadlineWeek = period,
                EventPeriod = period,
                RegionalPeriods = [new RegionalPeriod(region, Day(regionalStart), Day(regionalEnd))],
                RegistrationCloses = Day(start).AddDays(-10),
            },
            RegistrationOpens = new DateOnly(2019, 11, 1),
            MapVisibleFrom = new DateOnly(2019, 11, 1),
            Status = EditionStatus.Published,
        };
    }

    private static DateOnly Day(string value) => DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly EventLocation Paris = new()
    {
        Mode = LocationMode.OnSite, Street = "20 rue de la Boétie", PostalCode = "75008", City = "Paris", InseeCode = "75108",
        DepartmentCode = "75", RegionCode = "11", Latitude = 48.8727, Longitude = 2.3126,
    };

    private static readonly EventLocation Arras = new()
    {
        Mode = LocationMode.OnSite, Street = "5 rue de la Sucrerie", PostalCode = "62000", City = "Arras", InseeCode = "62041",
        DepartmentCode = "62", RegionCode = "32", Latitude = 50.291, Longitude = 2.7775,
    };

    /// <summary>A submission of the factory visit, somewhere else, in another format, paid or for employees only.</summary>
    private static EventSubmitted Submission(
        string title, string region = "32", string department = "59", string format = "CompanyVisit", bool isFree = true,
        bool online = false, string[]? audiences = null, DateTime? submittedAtUtc = null)
    {
        var sample = SampleEvents.FactoryVisit(title: title);
        var location = online ? new EventLocation { Mode = LocationMode.Online, OnlineUrl = "https://usine-exemple.fr/webinaire" }
            : region == "11" ? Paris
            : department == "62" ? Arras
            : sample.Event.Location;
        return sample with
        {
            Event = sample.Event with { Format = format, IsFree = isFree, Location = location, Audiences = audiences ?? sample.Event.Audiences },
            SubmittedAtUtc = submittedAtUtc ?? sample.SubmittedAtUtc,
        };
    }

    private static async Task<JsonElement> QueueAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync(new Uri($"/api/labelling/applications?{query}", UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET ?{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await JsonAsync(response);
    }

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<string?> DetailAsync(HttpResponseMessage response) => (await JsonAsync(response)).GetProperty("detail").GetString();

    private static async Task<(string?, string?)> StatusAndMessageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        return (body.GetProperty("status").GetString(), body.GetProperty("message").GetString());
    }

    private static async Task<List<string?>> ErrorsAsync(HttpResponseMessage response, string field)
    {
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error on « {field} »: {errors}");
        return [.. messages.EnumerateArray().Select(m => m.GetString())];
    }

    /// <summary>The host on a database of its own, the outbox dispatched by the test, a clock it moves forward, the moderators and the 2020 edition.</summary>
    private sealed class Scene : IAsyncDisposable
    {
        private Scene(TestDatabase database, PlatformFactory platform, TestClock clock)
        {
            Database = database;
            Platform = platform;
            Clock = clock;
        }

        public TestDatabase Database { get; }

        public PlatformFactory Platform { get; }

        public TestClock Clock { get; }

        public HttpClient Admin { get; private set; } = null!;

        public static async Task<Scene> StartAsync(string provider = "Sqlite", bool publishEdition = true)
        {
            var database = await TestDatabase.CreateAsync(provider);
            var clock = new TestClock();
            var scene = new Scene(database, new PlatformFactory(database, new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false" }) { Clock = clock }, clock);
            scene.Admin = await scene.Platform.SignedInClientAsync();
            await scene.Platform.CreateUserAsync(HdfModerator, Password, [PlatformRoles.Moderator], ["32"]);
            await scene.Platform.CreateUserAsync(IdfModerator, Password, [PlatformRoles.Moderator], ["11"]);
            await scene.Platform.CreateUserAsync(Organiser, Password, [PlatformRoles.Organiser]);
            await scene.Platform.CreateUserAsync("operateur@tests.local", Password, [PlatformRoles.Operator]);
            if (publishEdition)
            {
                await scene.Platform.PublishAsync(new EditionPublished { Edition = Edition2020(), OccurredAtUtc = clock.GetUtcNow().UtcDateTime });
            }

            return scene;
        }

        public Task<HttpClient> ClientAsync(string email) => Platform.SignedInClientAsync(email, Password);

        /// <summary>Registration's EventSubmitted, as its outbox would deliver it.</summary>
        public async Task<Guid> SubmitAsync(EventSubmitted submitted)
        {
            await Platform.PublishAsync(submitted);
            return submitted.EventId;
        }

        public Task<int> DispatchAsync() => Platform.Services.GetRequiredService<IOutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);

        public async Task<string?> StatusAsync(Guid id) =>
            (await Admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/labelling/applications/{id}", UriKind.Relative))).GetProperty("status").GetString();

        public Task<long> OutboxCountAsync(string type) =>
            Database.ScalarAsync($"""SELECT COUNT(*) FROM labelling_outbox WHERE "Type" LIKE '%.{type},%'""");

        /// <summary>The payloads of Labelling's outbox messages of one type, oldest first.</summary>
        public async Task<List<JsonElement>> OutboxAsync(string type)
        {
            await using var connection = Database.CreateConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"""SELECT "Payload" FROM labelling_outbox WHERE "Type" LIKE '%.{type},%' ORDER BY "Id" """;
            var payloads = new List<JsonElement>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                payloads.Add(JsonDocument.Parse(reader.GetString(0)).RootElement.Clone());
            }

            return payloads;
        }

        public async ValueTask DisposeAsync()
        {
            Admin.Dispose();
            await Platform.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
