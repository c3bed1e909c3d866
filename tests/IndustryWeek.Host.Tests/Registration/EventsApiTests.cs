using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Outbox;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Host.Tests.Registration;

/// <summary>
/// API.md, Organisations and events: an organiser's events from draft to label and after, their own
/// organisation's only; what Registration tells the other modules (outbox) and learns from them
/// (editions, labelling decisions).
/// </summary>
public sealed class EventsApiTests
{
    private const string Password = "Mot-de-passe-2020";
    private const string NotFound = "Cet événement n'existe pas, ou n'est pas celui de votre organisation.";

    public static TheoryData<string> Providers() => TestDatabase.Providers();

    // ---- who sees what ----

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Events_WhenAnotherOrganisationAsks_404ForEveryRouteAndNeverListed(string provider)
    {
        await using var scene = await Scene.StartAsync(provider);
        await scene.PublishEditionAsync(Edition2027());
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        using var b = await scene.OrganiserAsync("b@lycee-b.fr", "Lycée B");
        var laterEventOfA = await CreateAsync(a, FactoryVisit(title: "Atelier soudure du samedi", sessions: [("2027-03-27T09:00", "2027-03-27T12:00")]));
        var eventOfA = await CreateAsync(a, FactoryVisit());
        var eventOfB = await CreateAsync(b, FactoryVisit(title: "Le lycée ouvre ses ateliers"));
        var id = eventOfA.GetProperty("id").GetString();

        var attempts = new (string Method, string Route, object? Body)[]
        {
            ("GET", $"/api/events/{id}", null),
            ("PUT", $"/api/events/{id}", FactoryVisit(title: "Titre écrit par une autre organisation")),
            ("POST", $"/api/events/{id}/submit", null),
            ("POST", $"/api/events/{id}/withdraw", null),
            ("POST", $"/api/events/{id}/cancel", new { reason = "Annulé par une autre organisation." }),
            ("POST", $"/api/events/{id}/participation", new { participants = 10 }),
            ("POST", $"/api/events/{id}/reconduct", new { }),
        };
        foreach (var (method, route, body) in attempts)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(route, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
            var response = await b.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {route}: {(int)response.StatusCode}");
            Assert.Equal(NotFound, await DetailAsync(response));
        }

        var listOfB = await b.GetFromJsonAsync<JsonElement>(new Uri("/api/events", UriKind.Relative));
        var listOfA = await a.GetFromJsonAsync<JsonElement>(new Uri("/api/events", UriKind.Relative));
        Assert.Equal([eventOfB.GetProperty("id").GetString()], listOfB.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal([id, laterEventOfA.GetProperty("id").GetString()], listOfA.EnumerateArray().Select(e => e.GetProperty("id").GetString())); // by first session
        var unchanged = await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{id}", UriKind.Relative));
        Assert.Equal("Visite de l'usine de Valenciennes", unchanged.GetProperty("title").GetString());
        Assert.Equal("Draft", unchanged.GetProperty("status").GetString());
        Assert.Equal(eventOfA.GetProperty("revision").GetInt32(), unchanged.GetProperty("revision").GetInt32());
        Assert.Equal(3, await scene.Database.ScalarAsync("SELECT COUNT(*) FROM registration_events"));
        Assert.Equal(0, await scene.Database.ScalarAsync(NotDraftMessages)); // drafts are only counted (DraftAnnouncementTests)
    }

    [Fact]
    public async Task Events_WhenNotAnOrganiser_401ForAnonymous403ForModeratorAndAdministrator()
    {
        await using var scene = await Scene.StartAsync();
        await scene.PublishEditionAsync(Edition2027());
        await scene.Platform.CreateUserAsync("moderatrice@prefecture-hdf.fr", Password, [PlatformRoles.Moderator], ["32"]);
        using var anonymous = scene.Platform.CreateClient();
        using var moderator = await scene.Platform.SignedInClientAsync("moderatrice@prefecture-hdf.fr", Password);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/events", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/events", FactoryVisit())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(new Uri($"/api/events/{Guid.NewGuid()}/submit", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync(new Uri("/api/events", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PostAsJsonAsync("/api/events", FactoryVisit())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await scene.Admin.PostAsJsonAsync("/api/events", FactoryVisit())).StatusCode);
        Assert.Equal(0, await scene.Database.ScalarAsync("SELECT COUNT(*) FROM registration_events"));
    }

    [Fact]
    public async Task Create_WhenNoOrganisationOrNoEditionAcceptsEvents_Returns422WithTheFrenchReason()
    {
        await using var scene = await Scene.StartAsync();
        await scene.Platform.CreateUserAsync("sans-organisation@usine-c.fr", Password, [PlatformRoles.Organiser]);
        using var withoutOrganisation = await scene.Platform.SignedInClientAsync("sans-organisation@usine-c.fr", Password);
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");

        var beforeAnyEdition = await a.PostAsJsonAsync("/api/events", FactoryVisit());
        await scene.PublishEditionAsync(Edition2027());
        var noOrganisation = await withoutOrganisation.PostAsJsonAsync("/api/events", FactoryVisit());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, beforeAnyEdition.StatusCode);
        Assert.Equal("Aucune édition de la Semaine de l'industrie n'accepte d'événements pour l'instant.", await DetailAsync(beforeAnyEdition));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noOrganisation.StatusCode);
        Assert.Equal("Décrivez d'abord votre organisation (page « Mon organisation ») : les événements sont ceux d'une organisation.", await DetailAsync(noOrganisation));
        Assert.Empty((await withoutOrganisation.GetFromJsonAsync<JsonElement>(new Uri("/api/events", UriKind.Relative))).EnumerateArray());
        Assert.Equal(0, await scene.Database.ScalarAsync("SELECT COUNT(*) FROM registration_events"));
    }

    // ---- creation: the place from the official communes, the dates from the edition ----

    [Fact]
    public async Task Create_WhenValid_Returns201DraftWithLocationAndTheApiShape()
    {
        await using var scene = await Scene.StartAsync();
        var editionId = await scene.PublishEditionAsync(Edition2027());
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");

        var response = await a.PostAsJsonAsync("/api/events", FactoryVisit());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await JsonAsync(response);
        var id = created.GetProperty("id").GetString();
        Assert.Equal($"/api/events/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Draft", created.GetProperty("status").GetString());
        Assert.Equal(editionId, created.GetProperty("editionId").GetGuid());
        Assert.Equal(2027, created.GetProperty("editionYear").GetInt32());
        Assert.Equal("Usine A", created.GetProperty("organisationName").GetString());
        Assert.Equal("CompanyVisit", created.GetProperty("format").GetString());
        Assert.Equal(["Pupils", "JobSeekers"], created.GetProperty("audiences").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(["Transition écologique"], created.GetProperty("topics").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(
            ["2027-03-23T09:00:00 2027-03-23T12:00:00", "2027-03-25T14:00:00 2027-03-25T17:30:00"],
            created.GetProperty("sessions").EnumerateArray().Select(s => $"{s.GetProperty("start").GetString()} {s.GetProperty("end").GetString()}"));
        var location = created.GetProperty("location");
        Assert.Equal("OnSite", location.GetProperty("mode").GetString());
        Assert.Equal(
            ("Valenciennes", "59606", "59", "32"),
            (location.GetProperty("city").GetString(), location.GetProperty("inseeCode").GetString(), location.GetProperty("departmentCode").GetString(), location.GetProperty("regionCode").GetString()));
        Assert.Equal("https://usine-exemple.fr/visites", created.GetProperty("booking").GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("labelNumber").ValueKind);
        Assert.Equal(0, created.GetProperty("submissionNumber").GetInt32());
        Assert.Equal(["edit", "submit", "withdraw", "reconduct"], created.GetProperty("actions").EnumerateArray().Select(x => x.GetString()));
        var read = await a.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        Assert.Equal(id, read.GetProperty("id").GetString());
        Assert.Equal(0, await scene.Database.ScalarAsync(NotDraftMessages)); // drafts are only counted (DraftAnnouncementTests)
    }

    [Theory]
    [InlineData("59300", "59606", null, 50.357, 3.523, "Valenciennes", "59606", "59", "32")]
    [InlineData("59300", null, "valenciennes", 50.357, 3.523, "Valenciennes", "59606", "59", "32")]
    [InlineData("59300", null, "Aulnoy lez Valenciennes", 50.335, 3.54, "Aulnoy-lez-Valenciennes", "59032", "59", "32")]
    [InlineData("20000", null, null, 41.9192, 8.7386, "Ajaccio", "2A004", "2A", "94")]
    [InlineData("97139", "97101", null, 16.271, -61.5045, "Les Abymes", "97101", "971", "01")]
    public async Task Create_WhenPostalCodeAndCommuneAreOfficial_DerivesCommuneDepartmentAndRegion(
        string postalCode, string? inseeCode, string? city, double latitude, double longitude, string commune, string insee, string department, string region)
    {
        await using var scene = await Scene.StartAsync();
        await scene.PublishEditionAsync(Edition2027());
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");

        var response = await a.PostAsJsonAsync("/api/events", FactoryVisit(location: new { mode = "OnSite", street = "1 rue de l'Industrie", postalCode, inseeCode, city, latitude, longitude }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var location = (await JsonAsync(response)).GetProperty("location");
        Assert.Equal(
            (commune, insee, department, region),
            (location.GetProperty("city").GetString(), location.GetProperty("inseeCode").GetString(), location.GetProperty("departmentCode").GetString(), location.GetProperty("regionCode").GetString()));
        Assert.Equal(1, await scene.Database.ScalarAsync($"SELECT COUNT(*) FROM registration_events WHERE \"RegionCode\" = '{region}' AND \"DepartmentCode\" = '{department}'"));
    }

    public static TheoryData<string, string, string> BadEvents() => new()
    {
        { """{"title":"  "}""", "title", "Le titre est obligatoire." },
        { """{"title":"Visi"}""", "title", "Le titre compte de 5 à 150 caractères." },
        { """{"description":"Une visite."}""", "description", "La description compte de 20 à 4 000 caractères." },
        { """{"format":"Visite"}""", "format", "« Visite » n'est pas un format ; formats possibles : CompanyVisit, OpenDay, JobDating, JobForum, Conference, WebConference, Workshop, Exhibition, ClassIntervention, VirtualVisit, Contest, Other." },
        { """{"audiences":[]}""", "audiences", "Choisissez au moins un public." },
        { """{"audiences":["Pupils","Everyone"]}""", "audiences[1]", "« Everyone » n'est pas un public ; publics possibles : GeneralPublic, Pupils, Students, JobSeekers, Teachers, CareersAdvisers, Employees, Other." },
        { """{"sectors":["Automotive","Automotive"]}""", "sectors", "Chaque secteur ne se choisit qu'une fois." },
        { """{"topics":["Robotique"]}""", "topics[0]", "« Robotique » n'est pas un thème de l'édition 2027 ; thèmes possibles : Transition écologique, Économie circulaire, Mixité des métiers." },
        { """{"sessions":[]}""", "sessions", "Ajoutez au moins une séance (date et heures)." },
        { """{"sessions":[null]}""", "sessions[0]", "Indiquez le début et la fin de chaque séance." },
        { """{"sessions":[{"start":"2027-03-23","end":"2027-03-23T12:00"}]}""", "sessions[0].start", "Le début n'est pas une date et heure valide (par exemple 2020-11-16T09:00)." },
        { """{"sessions":[{"start":"2027-03-23T09:00","end":"2027-03-23T08:00"}]}""", "sessions[0].end", "La séance doit se terminer après son début." },
        { """{"sessions":[{"start":"2027-03-23T09:00","end":null}]}""", "sessions[0].end", "La fin de la séance est obligatoire." },
        { """{"sessions":[{"start":"2027-03-15T09:00","end":"2027-04-01T12:00"}]}""", "sessions[0].end", "Une séance dure au plus 14 jours ; découpez un événement plus long en plusieurs séances." },
        { """{"sessions":[{"start":"2027-03-23T09:00","end":"2027-03-23T12:00"},{"start":"2027-03-28T02:30","end":"2027-03-28T05:00"}]}""", "sessions[1].start", "Cette heure n'existe pas à Paris (passage à l'heure d'été : de 2 h à 3 h, les horloges avancent d'une heure)." },
        { """{"sessions":[{"start":"2027-03-23T09:00","end":"2027-03-23T12:00"},{"start":"2027-04-12T09:00","end":"2027-04-12T12:00"}]}""", "sessions[1].start", "Les séances ont lieu pendant la période de l'édition 2027 pour la région Hauts-de-France : du 15 mars 2027 au 11 avril 2027." },
        { """{"location":null}""", "location", "Indiquez où a lieu l'événement." },
        { """{"location":{"mode":"Ailleurs"}}""", "location.mode", "« Ailleurs » n'est pas un mode ; modes possibles : OnSite, Online, Hybrid." },
        { """{"location":{"mode":"OnSite","street":"1 rue de l'Industrie","postalCode":"5930","latitude":50.357,"longitude":3.523}}""", "location.postalCode", "Le code postal compte cinq chiffres." },
        { """{"location":{"mode":"OnSite","street":"1 rue de l'Industrie","postalCode":"00000","latitude":50.357,"longitude":3.523}}""", "location.postalCode", "Le code postal 00000 n'existe pas dans le code officiel géographique." },
        { """{"location":{"mode":"OnSite","street":"1 rue de l'Industrie","postalCode":"59300","latitude":50.357,"longitude":3.523}}""", "location.city", "Plusieurs communes ont le code postal 59300 : Aulnoy-lez-Valenciennes (59032), Famars (59221), Valenciennes (59606). Précisez laquelle." },
        { """{"location":{"mode":"OnSite","street":"1 rue de l'Industrie","postalCode":"59300","city":"Lille","latitude":50.357,"longitude":3.523}}""", "location.city", "« Lille » n'a pas le code postal 59300 ; communes de ce code postal : Aulnoy-lez-Valenciennes (59032), Famars (59221), Valenciennes (59606)." },
        { """{"location":{"mode":"OnSite","street":"1 rue de l'Industrie","postalCode":"59300","inseeCode":"2A004","latitude":50.357,"longitude":3.523}}""", "location.inseeCode", "La commune 2A004 n'a pas le code postal 59300 ; communes de ce code postal : Aulnoy-lez-Valenciennes (59032), Famars (59221), Valenciennes (59606)." },
        { """{"location":{"mode":"OnSite","street":"1 rue de l'Industrie","postalCode":"59300","inseeCode":"59606","longitude":3.523}}""", "location.latitude", "Placez l'événement sur la carte ou saisissez sa latitude." },
        { """{"location":{"mode":"OnSite","street":"1 rue de l'Industrie","postalCode":"59300","inseeCode":"59606","latitude":40.7128,"longitude":-74.006}}""", "location.latitude", "Ces coordonnées ne sont pas en France (métropole ou outre-mer)." },
        { """{"location":{"mode":"OnSite","street":"1 rue de l'Industrie","postalCode":"59300","inseeCode":"59606","latitude":16.271,"longitude":-61.5045}}""", "location.latitude", "Ce point est hors de la France métropolitaine, où se trouve Valenciennes : placez l'événement sur la carte à son adresse." },
        { """{"location":{"mode":"OnSite","street":"1 rue des Abymes","postalCode":"97139","latitude":50.357,"longitude":3.523}}""", "location.latitude", "Ce point est hors de la Guadeloupe, où se trouve Les Abymes : placez l'événement sur la carte à son adresse." },
        { """{"location":{"mode":"Online"}}""", "location.onlineUrl", "Le lien de l'événement en ligne est obligatoire." },
        { """{"location":{"mode":"Hybrid","street":"1 rue de l'Industrie","postalCode":"59300","inseeCode":"59606","latitude":50.357,"longitude":3.523,"onlineUrl":"visio"}}""", "location.onlineUrl", "Le lien en ligne doit être une adresse web complète (https://…)." },
        { """{"isFree":null}""", "isFree", "Indiquez si l'événement est gratuit." },
        { """{"booking":{"required":true,"url":"usine-exemple.fr/visites"}}""", "booking.url", "Le lien de réservation doit être une adresse web complète (https://…)." },
        { """{"booking":{"required":true},"publicContact":null}""", "booking.url", "Une réservation est nécessaire : donnez un lien de réservation, ou un courriel ou un téléphone de contact." },
        { """{"booking":{"required":true,"url":"https://usine-exemple.fr/visites","capacity":0}}""", "booking.capacity", "La capacité d'accueil est un nombre de places entre 1 et 100 000." },
        { """{"publicContact":{"email":"visites-at-usine"}}""", "publicContact.email", "L'adresse électronique de contact n'est pas valide." },
        { """{"publicContact":{"phone":"12"}}""", "publicContact.phone", "Le téléphone de contact n'est pas valide (par exemple 03 20 96 48 06)." },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task Create_WhenAFieldIsWrong_Returns400WithItsFrenchMessageAndSavesNothing(string change, string field, string message)
    {
        await using var scene = await Scene.StartAsync();
        await scene.PublishEditionAsync(Edition2027());
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");

        var response = await a.PostAsync(new Uri("/api/events", UriKind.Relative), Json(Merge(FactoryVisit(), change)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, await ErrorsAsync(response, field));
        Assert.Empty((await a.GetFromJsonAsync<JsonElement>(new Uri("/api/events", UriKind.Relative))).EnumerateArray());
        Assert.Equal(0, await scene.Database.ScalarAsync("SELECT COUNT(*) FROM registration_events"));
    }

    [Fact]
    public async Task Create_WhenFieldsAreMissingOrNull_Returns400NeverA500()
    {
        await using var scene = await Scene.StartAsync();
        await scene.PublishEditionAsync(Edition2027());
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");

        foreach (var change in new[] { """{"sessions":[null]}""", """{"sessions":null}""", """{"sessions":[{}]}""", """{"audiences":[null]}""", """{"topics":[null]}""", """{"booking":null}""", """{"location":{"mode":"OnSite"}}""", """{"location":{"mode":"Hybrid","street":"1 rue de l'Industrie","postalCode":"59300","inseeCode":"59606","latitude":50.357,"longitude":3.523}}""", """{"location":{}}""" })
        {
            var response = await a.PostAsync(new Uri("/api/events", UriKind.Relative), Json(Merge(FactoryVisit(), change)));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{change}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(0, await scene.Database.ScalarAsync("SELECT COUNT(*) FROM registration_events"));
    }

    [Fact]
    public async Task Create_WhenDatesAreOutsideTheNationalPeriod_400ExceptInsideTheRegionsOwnPeriod()
    {
        await using var scene = await Scene.StartAsync();
        await scene.PublishEditionAsync(Edition2027());
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        (string, string)[] beforeTheWeek = [("2027-03-16T09:00", "2027-03-16T12:00")];

        var inParis = await a.PostAsJsonAsync("/api/events", FactoryVisit(sessions: beforeTheWeek, location: ParisLocation));
        var inValenciennes = await a.PostAsJsonAsync("/api/events", FactoryVisit(sessions: beforeTheWeek));

        Assert.Equal(HttpStatusCode.BadRequest, inParis.StatusCode);
        Assert.Equal(["Les séances ont lieu pendant la période de l'édition 2027 : du 22 mars 2027 au 28 mars 2027."], await ErrorsAsync(inParis, "sessions[0].start"));
        Assert.Equal(HttpStatusCode.Created, inValenciennes.StatusCode);
        Assert.Equal("32", (await JsonAsync(inValenciennes)).GetProperty("location").GetProperty("regionCode").GetString());
        Assert.Equal(1, await scene.Database.ScalarAsync("SELECT COUNT(*) FROM registration_events"));
    }

    [Fact]
    public async Task Create_WhenASessionCrossesMidnight_ItsLastDayCountsUnlessItEndsAtMidnight()
    {
        await using var scene = await Scene.StartAsync();
        await scene.PublishEditionAsync(Edition2027());
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");

        var endsAtOne = await a.PostAsJsonAsync("/api/events", FactoryVisit(sessions: [("2027-03-28T20:00", "2027-03-29T01:00")], location: ParisLocation));
        var endsAtMidnight = await a.PostAsJsonAsync("/api/events", FactoryVisit(sessions: [("2027-03-28T20:00", "2027-03-29T00:00")], location: ParisLocation));
        var acrossTheSpringForwardNight = await a.PostAsJsonAsync("/api/events", FactoryVisit(sessions: [("2027-03-28T01:30", "2027-03-28T03:30")], location: ParisLocation));
        var startsBeforeTheWeek = await a.PostAsJsonAsync("/api/events", FactoryVisit(sessions: [("2027-03-21T20:00", "2027-03-22T00:00")], location: ParisLocation));

        Assert.Equal(HttpStatusCode.BadRequest, endsAtOne.StatusCode);
        Assert.Equal(["Les séances ont lieu pendant la période de l'édition 2027 : du 22 mars 2027 au 28 mars 2027."], await ErrorsAsync(endsAtOne, "sessions[0].start"));
        Assert.Equal(HttpStatusCode.Created, endsAtMidnight.StatusCode);
        Assert.Equal("2027-03-29T00:00:00", (await JsonAsync(endsAtMidnight)).GetProperty("sessions")[0].GetProperty("end").GetString());
        Assert.Equal(HttpStatusCode.Created, acrossTheSpringForwardNight.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, startsBeforeTheWeek.StatusCode);
        var listed = await a.GetFromJsonAsync<JsonElement>(new Uri("/api/events", UriKind.Relative));
        Assert.Equal(["2027-03-28T01:30:00", "2027-03-28T20:00:00"], listed.EnumerateArray().Select(e => e.GetProperty("sessions")[0].GetProperty("start").GetString()));
        Assert.Equal(2, await scene.Database.ScalarAsync("SELECT COUNT(*) FROM registration_events"));
    }

    // ---- lifecycle ----

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Lifecycle_DraftSubmittedLabelledChangedCancelled_EachStepAllowedOnceAndToldThroughTheOutbox(string provider)
    {
        await using var scene = await Scene.StartAsync(provider);
        await scene.PublishEditionAsync(Edition2027());
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        var draft = await CreateAsync(a, FactoryVisit());
        var id = draft.GetProperty("id").GetGuid();

        var cancelDraft = await a.PostAsJsonAsync($"/api/events/{id}/cancel", new { reason = "Le site ferme pour travaux." });
        var submitted = await a.PostAsync(new Uri($"/api/events/{id}/submit", UriKind.Relative), null);
        var submittedAgain = await a.PostAsync(new Uri($"/api/events/{id}/submit", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, cancelDraft.StatusCode);
        Assert.Equal("Seul un événement labellisé s'annule ; un événement non labellisé se retire.", await DetailAsync(cancelDraft));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var afterSubmission = await JsonAsync(submitted);
        Assert.Equal("Submitted", afterSubmission.GetProperty("status").GetString());
        Assert.Equal(1, afterSubmission.GetProperty("submissionNumber").GetInt32());
        Assert.Equal(["edit", "withdraw", "reconduct"], afterSubmission.GetProperty("actions").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, submittedAgain.StatusCode);
        Assert.Equal("Un événement au statut « En cours d'examen » ne peut pas être soumis.", await DetailAsync(submittedAgain));
        var message = Assert.Single(await scene.OutboxAsync("EventSubmitted"));
        Assert.Equal(id, message.GetProperty("eventId").GetGuid());
        Assert.Equal(2027, message.GetProperty("editionYear").GetInt32());
        Assert.Equal(1, message.GetProperty("submissionNumber").GetInt32());
        Assert.Equal("32", message.GetProperty("event").GetProperty("location").GetProperty("regionCode").GetString());
        Assert.Equal("a@usine-a.fr", message.GetProperty("organiser").GetProperty("email").GetString());
        Assert.Equal("Usine A", message.GetProperty("organiser").GetProperty("organisationName").GetString());

        // Labelling opens the application, the administrator grants the label, Registration learns it.
        await scene.DispatchAsync();
        Assert.Equal(1, await scene.Database.ScalarAsync("SELECT COUNT(*) FROM labelling_applications"));
        (await scene.Admin.PostAsJsonAsync($"/api/labelling/applications/{id}/grant", new { comment = "Les critères sont remplis." })).EnsureSuccessStatusCode();
        await scene.DispatchAsync();
        var labelled = await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{id}", UriKind.Relative));
        Assert.Equal("Labelled", labelled.GetProperty("status").GetString());
        Assert.Equal("SDI-2027-000001", labelled.GetProperty("labelNumber").GetString());
        Assert.Equal(["edit", "cancel", "reconduct"], labelled.GetProperty("actions").EnumerateArray().Select(x => x.GetString()));

        var withdrawLabelled = await a.PostAsync(new Uri($"/api/events/{id}/withdraw", UriKind.Relative), null);
        var reworded = await a.PutAsJsonAsync($"/api/events/{id}", FactoryVisit(description: "Découverte des lignes d'assemblage, des robots de soudure et des métiers de la production.", revision: labelled.GetProperty("revision").GetInt32()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, withdrawLabelled.StatusCode);
        Assert.Equal("Un événement labellisé ne se retire pas : annulez-le.", await DetailAsync(withdrawLabelled));
        Assert.Equal(HttpStatusCode.OK, reworded.StatusCode);
        var afterRewording = await JsonAsync(reworded);
        Assert.Equal("Labelled", afterRewording.GetProperty("status").GetString());
        Assert.False(afterRewording.GetProperty("reviewPending").GetBoolean());
        Assert.Equal("SDI-2027-000001", afterRewording.GetProperty("labelNumber").GetString());
        var rewording = Assert.Single(await scene.OutboxAsync("EventUpdated"));
        Assert.False(rewording.GetProperty("needsReview").GetBoolean());
        Assert.Equal("Labelled", rewording.GetProperty("status").GetString());
        Assert.Equal("SDI-2027-000001", rewording.GetProperty("labelNumber").GetString());
        Assert.StartsWith("Découverte des lignes d'assemblage, des robots", rewording.GetProperty("event").GetProperty("description").GetString(), StringComparison.Ordinal);

        var stale = await a.PutAsJsonAsync($"/api/events/{id}", FactoryVisit(revision: labelled.GetProperty("revision").GetInt32()));
        var moved = await a.PutAsJsonAsync($"/api/events/{id}", FactoryVisit(sessions: [("2027-03-24T09:00", "2027-03-24T12:00")], revision: afterRewording.GetProperty("revision").GetInt32()));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Cet événement a été modifié depuis que vous l'avez ouvert : rechargez-le puis recommencez.", await DetailAsync(stale));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var afterMove = await JsonAsync(moved);
        Assert.Equal("Labelled", afterMove.GetProperty("status").GetString());
        Assert.True(afterMove.GetProperty("reviewPending").GetBoolean());
        Assert.Equal("SDI-2027-000001", afterMove.GetProperty("labelNumber").GetString());
        var updates = await scene.OutboxAsync("EventUpdated");
        Assert.Equal([false, true], updates.Select(u => u.GetProperty("needsReview").GetBoolean()));
        Assert.Equal("2027-03-24T09:00:00", updates[1].GetProperty("event").GetProperty("sessions")[0].GetProperty("start").GetString());
        Assert.True(updates[1].GetProperty("revision").GetInt32() > updates[0].GetProperty("revision").GetInt32());

        var noReason = await a.PostAsJsonAsync($"/api/events/{id}/cancel", new { reason = " " });
        var cancelled = await a.PostAsJsonAsync($"/api/events/{id}/cancel", new { reason = "Le site ferme pour travaux en mars." });
        var changedAfterCancelling = await a.PutAsJsonAsync($"/api/events/{id}", FactoryVisit());

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Indiquez pourquoi l'événement est annulé.", await ErrorsAsync(noReason, "reason"));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var afterCancelling = await JsonAsync(cancelled);
        Assert.Equal("Cancelled", afterCancelling.GetProperty("status").GetString());
        Assert.Equal("Le site ferme pour travaux en mars.", afterCancelling.GetProperty("cancellationReason").GetString());
        Assert.Equal(["reconduct"], afterCancelling.GetProperty("actions").EnumerateArray().Select(x => x.GetString()));
        var cancellation = Assert.Single(await scene.OutboxAsync("EventCancelled"));
        Assert.Equal("SDI-2027-000001", cancellation.GetProperty("labelNumber").GetString());
        Assert.Equal("Le site ferme pour travaux en mars.", cancellation.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changedAfterCancelling.StatusCode);
        Assert.Equal("Un événement au statut « Annulé » ne peut plus être modifié.", await DetailAsync(changedAfterCancelling));

        // The kit of the label goes to the organiser (let its job finish before the host stops).
        await Eventually.WaitAsync(() => Task.FromResult(MailFile.Kits(scene.Platform.Mails()).Count == 1), "the communication kit is mailed");
        Assert.Equal("a@usine-a.fr", MailFile.Read(MailFile.Kits(scene.Platform.Mails())[0]).To);
    }

    [Fact]
    public async Task Event_AfterSubmissionAndLabel_ShowsTheFourCriteriaAndTheKitDelivery()
    {
        await using var scene = await Scene.StartAsync();
        await scene.PublishEditionAsync(Edition2027());
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        var id = (await CreateAsync(a, FactoryVisit())).GetProperty("id").GetGuid();
        var draft = await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{id}", UriKind.Relative));
        (await a.PostAsync(new Uri($"/api/events/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();

        await scene.DispatchAsync(); // EventSubmitted → Labelling checks the criteria → CriteriaChecked
        await scene.DispatchAsync();
        var submitted = await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{id}", UriKind.Relative));
        (await scene.Admin.PostAsJsonAsync($"/api/labelling/applications/{id}/grant", new { })).EnsureSuccessStatusCode();
        await Eventually.WaitAsync(
            async () =>
            {
                await scene.DispatchAsync(); // LabelGranted → the kit job → KitDeliveryUpdated → Registration
                var e = await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{id}", UriKind.Relative));
                return e.TryGetProperty("kit", out var kit) && kit.ValueKind == JsonValueKind.Object && kit.GetProperty("status").GetString() == "Sent";
            },
            "the organiser sees the kit sent");
        var labelled = await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{id}", UriKind.Relative));

        Assert.Equal(JsonValueKind.Null, draft.GetProperty("criteria").ValueKind);
        var criteria = submitted.GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal(["PlaceAndPeriod", "OpenToPublic", "AboutIndustry", "FreeOfCharge"], criteria.Select(c => c.GetProperty("criterion").GetString()));
        Assert.Equal(["Passed", "Passed", "ToReview", "Passed"], criteria.Select(c => c.GetProperty("outcome").GetString()));
        Assert.Contains("Hauts-de-France", criteria[0].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Passed", labelled.GetProperty("criteria")[2].GetProperty("outcome").GetString()); // confirmed by the moderator
        Assert.Equal(1, labelled.GetProperty("kit").GetProperty("labelVersion").GetInt32());
    }

    [Fact]
    public async Task Update_WhenDraftChanges_NobodyElseIsToldAndAWrongFieldChangesNothing()
    {
        await using var scene = await Scene.StartAsync();
        await scene.PublishEditionAsync(Edition2027());
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        var draft = await CreateAsync(a, FactoryVisit());
        var id = draft.GetProperty("id").GetGuid();

        var renamed = await a.PutAsJsonAsync($"/api/events/{id}", FactoryVisit(title: "Portes ouvertes de l'usine", location: ParisLocation));
        var wrong = await a.PutAsync(new Uri($"/api/events/{id}", UriKind.Relative), Json(Merge(FactoryVisit(), """{"title":"Visi","sessions":[{"start":"2027-03-30T09:00","end":"2027-03-30T12:00"}]}""")));

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var afterRenaming = await JsonAsync(renamed);
        Assert.Equal(("Draft", "Portes ouvertes de l'usine", "11"), (afterRenaming.GetProperty("status").GetString(), afterRenaming.GetProperty("title").GetString(), afterRenaming.GetProperty("location").GetProperty("regionCode").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(["Le titre compte de 5 à 150 caractères."], await ErrorsAsync(wrong, "title"));
        var read = await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{id}", UriKind.Relative));
        Assert.Equal("Portes ouvertes de l'usine", read.GetProperty("title").GetString());
        Assert.Equal(afterRenaming.GetProperty("revision").GetInt32(), read.GetProperty("revision").GetInt32());
        Assert.Equal(0, await scene.Database.ScalarAsync(NotDraftMessages)); // drafts are only counted (DraftAnnouncementTests)
    }

    [Fact]
    public async Task Withdraw_WhenDraftOrSubmitted_WithdrawnAndOnlyASubmittedOneIsAnnouncedAndALateLabelIsIgnored()
    {
        await using var scene = await Scene.StartAsync();
        await scene.PublishEditionAsync(Edition2027());
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        var draft = (await CreateAsync(a, FactoryVisit())).GetProperty("id").GetGuid();
        var submitted = (await CreateAsync(a, FactoryVisit(title: "Conférence sur les métiers de l'automobile"))).GetProperty("id").GetGuid();
        (await a.PostAsync(new Uri($"/api/events/{submitted}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();

        var draftWithdrawn = await a.PostAsync(new Uri($"/api/events/{draft}/withdraw", UriKind.Relative), null);
        var submittedWithdrawn = await a.PostAsync(new Uri($"/api/events/{submitted}/withdraw", UriKind.Relative), null);
        var withdrawnAgain = await a.PostAsync(new Uri($"/api/events/{submitted}/withdraw", UriKind.Relative), null);
        var submittedAfterWithdrawal = await a.PostAsync(new Uri($"/api/events/{draft}/submit", UriKind.Relative), null);
        await scene.Platform.PublishAsync(Granted(submitted, "SDI-2027-000007", version: 1));

        Assert.Equal(HttpStatusCode.OK, draftWithdrawn.StatusCode);
        var afterWithdrawal = await JsonAsync(draftWithdrawn);
        Assert.Equal("Withdrawn", afterWithdrawal.GetProperty("status").GetString());
        Assert.Equal(["reconduct"], afterWithdrawal.GetProperty("actions").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(HttpStatusCode.OK, submittedWithdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withdrawnAgain.StatusCode);
        Assert.Equal("Un événement au statut « Retiré » ne peut pas être retiré.", await DetailAsync(withdrawnAgain));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, submittedAfterWithdrawal.StatusCode);
        Assert.Equal("Un événement au statut « Retiré » ne peut pas être soumis.", await DetailAsync(submittedAfterWithdrawal));
        var withdrawal = Assert.Single(await scene.OutboxAsync("EventWithdrawn"));
        Assert.Equal(submitted, withdrawal.GetProperty("eventId").GetGuid());
        Assert.Equal("Conférence sur les métiers de l'automobile", withdrawal.GetProperty("title").GetString());
        var afterLateLabel = await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{submitted}", UriKind.Relative));
        Assert.Equal("Withdrawn", afterLateLabel.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, afterLateLabel.GetProperty("labelNumber").ValueKind);
        await Eventually.WaitAsync(() => Task.FromResult(MailFile.Kits(scene.Platform.Mails()).Count == 1), "the communication kit's job has run");
    }

    [Fact]
    public async Task Decisions_WhenLabellingRequestsChangesGrantsSuspendsOrRevokes_TheOrganiserSeesEachAndAnOlderOneChangesNothing()
    {
        await using var scene = await Scene.StartAsync();
        await scene.PublishEditionAsync(Edition2027());
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        var id = (await CreateAsync(a, FactoryVisit())).GetProperty("id").GetGuid();
        (await a.PostAsync(new Uri($"/api/events/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var organiser = new OrganiserContact(Guid.NewGuid(), "Usine A", "a@usine-a.fr");
        var monday = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

        await scene.Platform.PublishAsync(new ChangesRequested
        {
            EventId = id, EditionId = Guid.NewGuid(), EditionYear = 2027, Title = "Visite de l'usine de Valenciennes",
            Comment = "Précisez l'âge minimum des visiteurs.", Organiser = organiser, DecidedAtUtc = monday.AddHours(2),
        });
        await scene.Platform.PublishAsync(new LabelRefused
        {
            EventId = id, EditionId = Guid.NewGuid(), EditionYear = 2027, Title = "Visite de l'usine de Valenciennes",
            Reason = "Décision plus ancienne, arrivée en retard.", Organiser = organiser, DecidedAtUtc = monday.AddHours(1),
        });
        var changesRequested = await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{id}", UriKind.Relative));
        var resubmitted = await a.PostAsync(new Uri($"/api/events/{id}/submit", UriKind.Relative), null);

        Assert.Equal("ChangesRequested", changesRequested.GetProperty("status").GetString());
        Assert.Equal("Précisez l'âge minimum des visiteurs.", changesRequested.GetProperty("moderatorMessage").GetString());
        Assert.Equal(["edit", "submit", "withdraw", "reconduct"], changesRequested.GetProperty("actions").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);
        Assert.Equal(2, (await JsonAsync(resubmitted)).GetProperty("submissionNumber").GetInt32());
        Assert.Equal([1, 2], (await scene.OutboxAsync("EventSubmitted")).Select(m => m.GetProperty("submissionNumber").GetInt32()));

        await scene.Platform.PublishAsync(Granted(id, "SDI-2027-000042", version: 2, grantedAtUtc: monday.AddHours(3)));
        await scene.Platform.PublishAsync(Granted(id, "SDI-2027-000041", version: 1, grantedAtUtc: monday.AddHours(4)));
        var labelled = await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{id}", UriKind.Relative));
        await scene.Platform.PublishAsync(new LabelSuspended
        {
            EventId = id, EditionId = Guid.NewGuid(), EditionYear = 2027, Title = "Visite de l'usine de Valenciennes", LabelNumber = "SDI-2027-000042",
            Reason = "Les nouvelles dates de l'édition ne conviennent plus.", Organiser = organiser, DecidedAtUtc = monday.AddHours(5),
        });
        var suspended = await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{id}", UriKind.Relative));
        await scene.Platform.PublishAsync(new LabelRevoked
        {
            EventId = id, EditionId = Guid.NewGuid(), EditionYear = 2027, Title = "Visite de l'usine de Valenciennes", LabelNumber = "SDI-2027-000042",
            Reason = "Événement réservé aux salariés.", Organiser = organiser, DecidedAtUtc = monday.AddHours(6),
        });
        var revoked = await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{id}", UriKind.Relative));

        Assert.Equal(("Labelled", "SDI-2027-000042"), (labelled.GetProperty("status").GetString(), labelled.GetProperty("labelNumber").GetString()));
        Assert.Equal(JsonValueKind.Null, labelled.GetProperty("moderatorMessage").ValueKind);
        Assert.Equal("Suspended", suspended.GetProperty("status").GetString());
        Assert.Equal("Les nouvelles dates de l'édition ne conviennent plus.", suspended.GetProperty("moderatorMessage").GetString());
        Assert.Equal(["edit", "cancel", "reconduct"], suspended.GetProperty("actions").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal("Refused", revoked.GetProperty("status").GetString());
        Assert.Equal("Label retiré : Événement réservé aux salariés.", revoked.GetProperty("moderatorMessage").GetString());
        Assert.Equal(["reconduct"], revoked.GetProperty("actions").EnumerateArray().Select(x => x.GetString()));
        // The kit jobs end before the host stops: sent, or cancelled if they ran after the revocation (either is right).
        await Eventually.WaitAsync(
            async () => (await BackgroundJobRuns.OfTypeAsync(scene.Platform, "communication-kit.deliver")) is { Count: > 0 } kits && kits.All(k => k.State is IndustryWeek.Shared.Jobs.JobState.Succeeded),
            "the communication kit's jobs have run");
    }

    [Fact]
    public async Task Submit_WhenTheRegistrationDeadlineHasPassed_Returns422AndNothingIsSent()
    {
        await using var scene = await Scene.StartAsync();
        await scene.PublishEditionAsync(Edition2027());
        using (var before = await scene.OrganiserAsync("a@usine-a.fr", "Usine A"))
        {
            await CreateAsync(before, FactoryVisit());
        }

        scene.Clock.MoveTo(new DateTimeOffset(2027, 3, 13, 8, 0, 0, TimeSpan.FromHours(1)));
        using var a = await scene.Platform.SignedInClientAsync("a@usine-a.fr", Password);
        var id = (await a.GetFromJsonAsync<JsonElement>(new Uri("/api/events", UriKind.Relative)))[0].GetProperty("id").GetGuid();

        var response = await a.PostAsync(new Uri($"/api/events/{id}/submit", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Les inscriptions à la Semaine de l'industrie 2027 ne sont pas ouvertes : l'événement ne peut pas être soumis.", await DetailAsync(response));
        Assert.Equal("Draft", (await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{id}", UriKind.Relative))).GetProperty("status").GetString());
        Assert.Equal(0, await scene.Database.ScalarAsync(NotDraftMessages)); // drafts are only counted (DraftAnnouncementTests)
    }

    [Fact]
    public async Task Submit_WhenTheAdministratorClosedTheEdition_Returns422AndNoNewEventIsAccepted()
    {
        await using var scene = await Scene.StartAsync();
        var editionId = await scene.PublishEditionAsync(Edition2027());
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        var id = (await CreateAsync(a, FactoryVisit())).GetProperty("id").GetGuid();

        (await scene.Admin.PostAsync(new Uri($"/api/editions/{editionId}/close", UriKind.Relative), null)).EnsureSuccessStatusCode();
        await scene.DispatchAsync();
        var submitted = await a.PostAsync(new Uri($"/api/events/{id}/submit", UriKind.Relative), null);
        var created = await a.PostAsJsonAsync("/api/events", FactoryVisit());
        var createdInIt = await a.PostAsync(new Uri("/api/events", UriKind.Relative), Json(Merge(FactoryVisit(), $$"""{"editionId":"{{editionId}}"}""")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, submitted.StatusCode);
        Assert.Equal("Les inscriptions à la Semaine de l'industrie 2027 ne sont pas ouvertes : l'événement ne peut pas être soumis.", await DetailAsync(submitted));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, created.StatusCode);
        Assert.Equal("Aucune édition de la Semaine de l'industrie n'accepte d'événements pour l'instant.", await DetailAsync(created));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, createdInIt.StatusCode);
        Assert.Equal("Cette édition n'existe pas ou n'accepte plus d'événements.", await DetailAsync(createdInIt));
        Assert.Equal(1, await scene.Database.ScalarAsync("SELECT COUNT(*) FROM registration_events"));
        Assert.Equal(0, await scene.Database.ScalarAsync(NotDraftMessages)); // drafts are only counted (DraftAnnouncementTests)
    }

    // ---- after the event ----

    [Fact]
    public async Task ReportParticipation_BeforeTheLabelledEventEndsInParis_422ThenRecordedAndAnnounced()
    {
        await using var scene = await Scene.StartAsync();
        await scene.PublishEditionAsync(Edition2027());
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        var id = (await CreateAsync(a, FactoryVisit(sessions: [("2027-03-23T09:00", "2027-03-23T12:00")]))).GetProperty("id").GetGuid();

        var onADraft = await a.PostAsJsonAsync($"/api/events/{id}/participation", new { participants = 40 });
        (await a.PostAsync(new Uri($"/api/events/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
        await scene.Platform.PublishAsync(Granted(id, "SDI-2027-000001", version: 1));
        var tooEarly = await a.PostAsJsonAsync($"/api/events/{id}/participation", new { participants = 40 });

        // 11 h 59 in Paris (10 h 59 UTC): still on.
        scene.Clock.MoveTo(new DateTimeOffset(2027, 3, 23, 10, 59, 0, TimeSpan.Zero));
        using var during = await scene.Platform.SignedInClientAsync("a@usine-a.fr", Password);
        var lastMinute = await during.PostAsJsonAsync($"/api/events/{id}/participation", new { participants = 40 });

        // 12 h 00 in Paris: over.
        scene.Clock.MoveTo(new DateTimeOffset(2027, 3, 23, 12, 0, 0, TimeSpan.FromHours(1)));
        using var after = await scene.Platform.SignedInClientAsync("a@usine-a.fr", Password);
        var inconsistent = await after.PostAsJsonAsync($"/api/events/{id}/participation", new { participants = 40, youngPeople = 41 });
        var reported = await after.PostAsJsonAsync($"/api/events/{id}/participation", new { participants = 42, youngPeople = 30, teachers = 3 });
        var corrected = await after.PostAsJsonAsync($"/api/events/{id}/participation", new { participants = 45, youngPeople = 31, teachers = 3 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, onADraft.StatusCode);
        Assert.Equal("Seul un événement labellisé fait l'objet d'un bilan de participation.", await DetailAsync(onADraft));
        const string NotOver = "Le bilan se déclare après l'événement, qui se termine le 23 mars 2027 à 12 h 00.";
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooEarly.StatusCode);
        Assert.Equal(NotOver, await DetailAsync(tooEarly));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, lastMinute.StatusCode);
        Assert.Equal(NotOver, await DetailAsync(lastMinute));
        Assert.Equal(HttpStatusCode.BadRequest, inconsistent.StatusCode);
        Assert.Equal(["Le nombre de jeunes ne dépasse pas le nombre total de participants."], await ErrorsAsync(inconsistent, "youngPeople"));
        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        var afterReport = await JsonAsync(reported);
        Assert.Equal((42, 30, 3), (afterReport.GetProperty("participation").GetProperty("participants").GetInt32(), afterReport.GetProperty("participation").GetProperty("youngPeople").GetInt32(), afterReport.GetProperty("participation").GetProperty("teachers").GetInt32()));
        Assert.Contains("reportParticipation", afterReport.GetProperty("actions").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var read = await after.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{id}", UriKind.Relative));
        Assert.Equal(45, read.GetProperty("participation").GetProperty("participants").GetInt32());
        var reports = await scene.OutboxAsync("ParticipationReported");
        Assert.Equal([42, 45], reports.Select(r => r.GetProperty("participants").GetInt32()));
        Assert.Equal(("SDI-2027-000001", "32", "59", "CompanyVisit"), (reports[0].GetProperty("labelNumber").GetString(), reports[0].GetProperty("regionCode").GetString(), reports[0].GetProperty("departmentCode").GetString(), reports[0].GetProperty("format").GetString()));
        await Eventually.WaitAsync(() => Task.FromResult(MailFile.Kits(scene.Platform.Mails()).Count == 1), "the communication kit's job has run");
    }

    [Fact]
    public async Task ParticipationReminder_RunTwice_OneMailPerLabelledEventOverForADayAndUnreported_LinkingItsReportPage()
    {
        await using var scene = await Scene.StartAsync(publicUrl: "https://semaine-industrie.example.fr");
        await scene.PublishEditionAsync(Edition2027());
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        var morning = new (string, string)[] { ("2027-03-23T09:00", "2027-03-23T12:00") };
        var over = (await CreateAsync(a, FactoryVisit(title: "Visite de la fonderie", sessions: morning))).GetProperty("id").GetGuid();
        var reported = (await CreateAsync(a, FactoryVisit(title: "Visite de l'atelier", sessions: morning))).GetProperty("id").GetGuid();
        var revoked = (await CreateAsync(a, FactoryVisit(title: "Visite du laboratoire", sessions: morning))).GetProperty("id").GetGuid();
        var notOver = (await CreateAsync(a, FactoryVisit(title: "Visite de la chaîne", sessions: [("2027-03-23T09:00", "2027-03-23T12:00"), ("2027-03-25T14:00", "2027-03-25T17:30")]))).GetProperty("id").GetGuid();
        var number = 0;
        foreach (var id in new[] { over, reported, revoked, notOver })
        {
            (await a.PostAsync(new Uri($"/api/events/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
            await scene.Platform.PublishAsync(Granted(id, $"SDI-2027-00000{++number}", version: 1));
        }

        await scene.Platform.PublishAsync(new LabelRevoked
        {
            EventId = revoked, EditionId = Guid.NewGuid(), EditionYear = 2027, Title = "Visite du laboratoire", LabelNumber = "SDI-2027-000003",
            Reason = "Événement réservé aux salariés.", Organiser = new OrganiserContact(Guid.NewGuid(), "Usine A", "a@usine-a.fr"), DecidedAtUtc = DateTime.UtcNow.AddMinutes(1),
        });
        scene.Clock.MoveTo(new DateTimeOffset(2027, 3, 23, 12, 30, 0, TimeSpan.FromHours(1)));
        using (var after = await scene.Platform.SignedInClientAsync("a@usine-a.fr", Password))
        {
            (await after.PostAsJsonAsync($"/api/events/{reported}/participation", new { participants = 30 })).EnsureSuccessStatusCode();
        }

        // A day after the morning sessions (the fourth event still has one to come): the job runs twice.
        scene.Clock.MoveTo(new DateTimeOffset(2027, 3, 24, 12, 0, 0, TimeSpan.FromHours(1)));
        List<MailFile> Reminders() => [.. scene.Platform.Mails().Select(MailFile.Read).Where(m => m.Subject.Contains("combien de participants", StringComparison.Ordinal))];
        await scene.TriggerRecurringAsync("registration.participation-reminders", runs: 1);
        await Eventually.WaitAsync(() => Task.FromResult(Reminders().Count == 1), "the reminder is sent");
        await scene.TriggerRecurringAsync("registration.participation-reminders", runs: 2);
        await scene.RunJobsAgainAsync("registration.send-organiser-notices");

        var mail = Assert.Single(Reminders());
        var page = $"https://semaine-industrie.example.fr/mon-espace/evenements/{over}/bilan";
        Assert.Equal("a@usine-a.fr", mail.To);
        Assert.Equal("Semaine de l'industrie 2027 : combien de participants à « Visite de la fonderie » ?", mail.Subject);
        Assert.Contains("labellisé pour la Semaine de l'industrie 2027 (label SDI-2027-000001), s'est terminé le 23 mars 2027.", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"Déclarer le bilan : {page}", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{page}\"", mail.Html, StringComparison.Ordinal);
        Assert.Equal(1, await scene.Database.ScalarAsync("SELECT COUNT(*) FROM registration_notices WHERE \"Batch\" LIKE 'participation-reminder:%'"));
    }

    // ---- next year ----

    [Fact]
    public async Task Reconduct_IntoAnotherPublishedEdition_NewDraftWithSessionsMovedByWholeWeeks()
    {
        await using var scene = await Scene.StartAsync();
        var edition2027 = await scene.PublishEditionAsync(Edition2027());
        var edition2028 = await scene.PublishEditionAsync(Edition2028());
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        var source = await CreateAsync(a, FactoryVisit());
        var sourceId = source.GetProperty("id").GetGuid();
        (await a.PostAsync(new Uri($"/api/events/{sourceId}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();

        var response = await a.PostAsJsonAsync($"/api/events/{sourceId}/reconduct", new { editionId = edition2028 });
        var intoTheSameEdition = await a.PostAsJsonAsync($"/api/events/{sourceId}/reconduct", new { editionId = edition2027 });
        var intoTheCurrentEdition = await a.PostAsync(new Uri($"/api/events/{sourceId}/reconduct", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var copy = await JsonAsync(response);
        Assert.Equal($"/api/events/{copy.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        Assert.NotEqual(sourceId, copy.GetProperty("id").GetGuid());
        Assert.Equal("Draft", copy.GetProperty("status").GetString());
        Assert.Equal(edition2028, copy.GetProperty("editionId").GetGuid());
        Assert.Equal(2028, copy.GetProperty("editionYear").GetInt32());
        Assert.Equal(sourceId, copy.GetProperty("reconductedFromId").GetGuid());
        Assert.Equal(0, copy.GetProperty("submissionNumber").GetInt32());
        // 52 weeks later: Tuesday 23 March 2027 → Tuesday 21 March 2028, same hours.
        Assert.Equal(
            ["2028-03-21T09:00:00 2028-03-21T12:00:00", "2028-03-23T14:00:00 2028-03-23T17:30:00"],
            copy.GetProperty("sessions").EnumerateArray().Select(s => $"{s.GetProperty("start").GetString()} {s.GetProperty("end").GetString()}"));
        Assert.Empty(copy.GetProperty("topics").EnumerateArray()); // not a focus topic of 2028
        Assert.Equal("Valenciennes", copy.GetProperty("location").GetProperty("city").GetString());
        Assert.Equal(source.GetProperty("title").GetString(), copy.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, copy.GetProperty("scheduleWarning").ValueKind);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, intoTheSameEdition.StatusCode);
        Assert.Equal("Cet événement est déjà un événement de l'édition 2027.", await DetailAsync(intoTheSameEdition));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, intoTheCurrentEdition.StatusCode);
        Assert.Equal("Cet événement est déjà un événement de l'édition 2027.", await DetailAsync(intoTheCurrentEdition));
        var stillSubmitted = await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{sourceId}", UriKind.Relative));
        Assert.Equal(("Submitted", "2027-03-23T09:00:00"), (stillSubmitted.GetProperty("status").GetString(), stillSubmitted.GetProperty("sessions")[0].GetProperty("start").GetString()));
        Assert.Equal(2, (await a.GetFromJsonAsync<JsonElement>(new Uri("/api/events", UriKind.Relative))).GetArrayLength());
        var of2028 = await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events?edition={edition2028}", UriKind.Relative));
        Assert.Equal([copy.GetProperty("id").GetString()], of2028.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Single(await scene.OutboxAsync("EventSubmitted"));
    }

    [Fact]
    public async Task Reconduct_WhenTheSessionsLandOutsideTheNewPeriod_TheCopyIsFlaggedAndCannotBeSubmittedAsIs()
    {
        await using var scene = await Scene.StartAsync();
        await scene.PublishEditionAsync(Edition2027());
        var edition2028 = await scene.PublishEditionAsync(Edition2028());
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        // Inside the Hauts-de-France period of 2027 (from 15 March), which 2028 does not have.
        var sourceId = (await CreateAsync(a, FactoryVisit(sessions: [("2027-03-16T09:00", "2027-03-16T12:00")]))).GetProperty("id").GetGuid();

        var copy = await JsonAsync(await a.PostAsJsonAsync($"/api/events/{sourceId}/reconduct", new { editionId = edition2028 }));
        var submitted = await a.PostAsync(new Uri($"/api/events/{copy.GetProperty("id").GetString()}/submit", UriKind.Relative), null);

        Assert.Equal("2028-03-14T09:00:00", copy.GetProperty("sessions")[0].GetProperty("start").GetString());
        Assert.Equal("Reconduit de l'édition 2027 : Les séances ont lieu pendant la période de l'édition 2028 : du 20 mars 2028 au 26 mars 2028. Modifiez les dates.", copy.GetProperty("scheduleWarning").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, submitted.StatusCode);
        Assert.Equal("Les séances ont lieu pendant la période de l'édition 2028 : du 20 mars 2028 au 26 mars 2028. Modifiez les dates avant de soumettre.", await DetailAsync(submitted));
    }

    // ---- the edition moves ----

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Reschedule_WhenSessionsFallOutsideTheNewPeriod_TheEventIsFlaggedAndItsOrganiserGetsOneFrenchMail(string provider)
    {
        await using var scene = await Scene.StartAsync(provider);
        var editionId = await scene.PublishEditionAsync(Edition2027());
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        var outside = (await CreateAsync(a, FactoryVisit(title: "Conférence sur les métiers de l'industrie", sessions: [("2027-03-26T09:00", "2027-03-26T12:00")], location: ParisLocation))).GetProperty("id").GetGuid();
        var regional = (await CreateAsync(a, FactoryVisit(sessions: [("2027-03-23T09:00", "2027-03-23T12:00")]))).GetProperty("id").GetGuid();
        var withdrawn = (await CreateAsync(a, FactoryVisit(title: "Atelier annulé d'avance", sessions: [("2027-03-24T09:00", "2027-03-24T12:00")], location: ParisLocation))).GetProperty("id").GetGuid();
        (await a.PostAsync(new Uri($"/api/events/{outside}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
        (await a.PostAsync(new Uri($"/api/events/{withdrawn}/withdraw", UriKind.Relative), null)).EnsureSuccessStatusCode();

        var rescheduled = await scene.Admin.PostAsJsonAsync($"/api/editions/{editionId}/reschedule", new
        {
            headlineWeek = new { start = "2027-03-29", end = "2027-04-04" },
            eventPeriod = new { start = "2027-03-29", end = "2027-04-04" },
            regionalPeriods = new[] { new { regionCode = "32", start = "2027-03-22", end = "2027-04-18" } },
            registrationCloses = "2027-03-19",
            reason = "Report lié à un mouvement social national.",
        });
        rescheduled.EnsureSuccessStatusCode();
        await scene.DispatchAsync();
        await Eventually.WaitAsync(() => Task.FromResult(DatesNotices(scene).Count == 1), "the organiser is told to change the dates");

        var flagged = await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{outside}", UriKind.Relative));
        Assert.Equal("L'édition 2027 a changé de dates : les séances doivent maintenant avoir lieu du 29 mars 2027 au 4 avril 2027. Modifiez les dates de votre événement.", flagged.GetProperty("scheduleWarning").GetString());
        Assert.Equal("Submitted", flagged.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, (await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{regional}", UriKind.Relative))).GetProperty("scheduleWarning").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{withdrawn}", UriKind.Relative))).GetProperty("scheduleWarning").ValueKind);
        var mail = Assert.Single(DatesNotices(scene));
        Assert.Equal("a@usine-a.fr", mail.To);
        Assert.Equal("Semaine de l'industrie 2027 : changez les dates de « Conférence sur les métiers de l'industrie »", mail.Subject);
        Assert.Contains("La Semaine de l'industrie 2027 change de dates : elle a désormais lieu du 29 mars 2027 au 4 avril 2027.", mail.Body, StringComparison.Ordinal);
        Assert.Contains("Motif : Report lié à un mouvement social national.", mail.Body, StringComparison.Ordinal);
        Assert.Contains("Votre événement « Conférence sur les métiers de l'industrie » (Usine A) a des séances en dehors de la nouvelle période, du 29 mars 2027 au 4 avril 2027 :", mail.Body, StringComparison.Ordinal);
        Assert.Contains("- vendredi 26 mars 2027, 9 h 00 – 12 h 00", mail.Body, StringComparison.Ordinal);

        // The same notification delivered again, and the mail job run again: still one mail.
        await scene.Database.ExecuteAsync("""UPDATE editions_outbox SET "ProcessedAtUtc" = NULL WHERE "Type" LIKE '%EditionRescheduled%'""");
        Assert.Equal(1, await scene.DispatchAsync());
        await scene.RunJobsAgainAsync("registration.send-organiser-notices");
        Assert.Single(DatesNotices(scene));
        Assert.Equal(1, await scene.Database.ScalarAsync("""SELECT COUNT(*) FROM registration_notices WHERE "SentAtUtc" IS NOT NULL"""));

        // New dates inside the new period: the warning goes.
        var moved = await a.PutAsJsonAsync($"/api/events/{outside}", FactoryVisit(title: "Conférence sur les métiers de l'industrie", sessions: [("2027-04-02T09:00", "2027-04-02T12:00")], location: ParisLocation));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(moved)).GetProperty("scheduleWarning").ValueKind);
    }

    // ---- helpers ----

    private static readonly object ValenciennesLocation = new { mode = "OnSite", street = "1 rue de l'Industrie", postalCode = "59300", inseeCode = "59606", latitude = 50.357, longitude = 3.523 };

    private static readonly object ParisLocation = new { mode = "OnSite", street = "20 rue de la Boétie", postalCode = "75008", city = "Paris", latitude = 48.8727, longitude = 2.3126 };

    private static Dictionary<string, object?> FactoryVisit(
        string title = "Visite de l'usine de Valenciennes",
        string description = "Découverte des lignes d'assemblage et des métiers de la production, avec les apprentis du site.",
        (string Start, string End)[]? sessions = null,
        object? location = null,
        int? revision = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["title"] = title,
            ["description"] = description,
            ["format"] = "CompanyVisit",
            ["audiences"] = new[] { "Pupils", "JobSeekers" },
            ["sectors"] = new[] { "Automotive" },
            ["topics"] = new[] { "Transition écologique" },
            ["sessions"] = (sessions ?? [("2027-03-23T09:00", "2027-03-23T12:00"), ("2027-03-25T14:00", "2027-03-25T17:30")]).Select(s => new { start = s.Start, end = s.End }).ToArray(),
            ["location"] = location ?? ValenciennesLocation,
            ["isFree"] = true,
            ["booking"] = new { required = true, url = "https://usine-exemple.fr/visites", capacity = 25 },
            ["publicContact"] = new { email = "visites@usine-exemple.fr", phone = "03 27 00 00 00" },
            ["accessible"] = true,
            ["aboutIndustry"] = true,
        };
        if (revision is not null)
        {
            body["revision"] = revision;
        }

        return body;
    }

    /// <summary>17th edition: 22 – 28 March 2027, Hauts-de-France from 15 March to 11 April; registration open today (22 November 2026).</summary>
    private static Dictionary<string, object?> Edition2027() => Edition(
        2027, 17, ("2027-03-22", "2027-03-28"), ("2026-11-01", "2027-03-12"),
        [new { regionCode = "32", start = "2027-03-15", end = "2027-04-11" }],
        ["Transition écologique", "Économie circulaire", "Mixité des métiers"]);

    /// <summary>18th edition: 20 – 26 March 2028, no regional period; registration from 1 November 2027.</summary>
    private static Dictionary<string, object?> Edition2028() => Edition(
        2028, 18, ("2028-03-20", "2028-03-26"), ("2027-11-01", "2028-03-10"), [], ["Industrie du futur"]);

    private static Dictionary<string, object?> Edition(int year, int number, (string Start, string End) week, (string Opens, string Closes) registration, object[] regionalPeriods, string[] focusTopics) => new()
    {
        ["number"] = number,
        ["year"] = year,
        ["name"] = $"Semaine de l'industrie {year}",
        ["theme"] = "Inventer un avenir durable",
        ["themeDescription"] = "Transition écologique, économie circulaire et mixité des métiers.",
        ["focusTopics"] = focusTopics,
        ["hashtag"] = "#SemaineIndustrie",
        ["headlineWeek"] = new { start = week.Start, end = week.End },
        ["eventPeriod"] = new { start = week.Start, end = week.End },
        ["regionalPeriods"] = regionalPeriods,
        ["registrationOpens"] = registration.Opens,
        ["registrationCloses"] = registration.Closes,
        ["mapVisibleFrom"] = registration.Opens,
    };

    private static LabelGranted Granted(Guid eventId, string labelNumber, int version, DateTime? grantedAtUtc = null)
    {
        var sample = SampleEvents.FactoryVisit(eventId);
        return new LabelGranted
        {
            EventId = eventId,
            EditionId = sample.EditionId,
            EditionYear = 2027,
            LabelNumber = labelNumber,
            LabelVersion = version,
            Event = sample.Event,
            Organiser = new OrganiserContact(Guid.NewGuid(), "Usine A", "a@usine-a.fr"),
            GrantedAtUtc = grantedAtUtc ?? DateTime.UtcNow,
        };
    }

    /// <summary>The mails asking organisers to change their dates (they are also told each step of their applications).</summary>
    private static List<MailFile> DatesNotices(Scene scene) =>
        [.. scene.Platform.Mails().Select(MailFile.Read).Where(m => m.Subject.Contains("changez les dates", StringComparison.Ordinal))];

    private static async Task<JsonElement> CreateAsync(HttpClient organiser, Dictionary<string, object?> body)
    {
        var response = await organiser.PostAsJsonAsync("/api/events", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/events: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await JsonAsync(response);
    }

    private static string Merge(Dictionary<string, object?> body, string changeJson)
    {
        var merged = JsonSerializer.SerializeToNode(body)!.AsObject();
        foreach (var (key, value) in JsonNode.Parse(changeJson)!.AsObject())
        {
            merged[key] = value?.DeepClone();
        }

        return merged.ToJsonString();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<string?> DetailAsync(HttpResponseMessage response) => (await JsonAsync(response)).GetProperty("detail").GetString();

    private static async Task<List<string?>> ErrorsAsync(HttpResponseMessage response, string field)
    {
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error on « {field} »: {errors}");
        return [.. messages.EnumerateArray().Select(m => m.GetString())];
    }

    /// <summary>Registration's outbox messages but the drafts' own (DraftChanged, which only the edition dashboard counts).</summary>
    private const string NotDraftMessages = """SELECT COUNT(*) FROM registration_outbox WHERE "Type" NOT LIKE '%.DraftChanged,%'""";

    /// <summary>The host on a database of its own, the outbox dispatched by the test, a clock it can move forward, and the administrator.</summary>
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

        public static async Task<Scene> StartAsync(string provider = "Sqlite", string? publicUrl = null)
        {
            var database = await TestDatabase.CreateAsync(provider);
            var clock = new TestClock();
            var settings = new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false" };
            if (publicUrl is not null)
            {
                settings["Site:PublicUrl"] = publicUrl;
            }

            var scene = new Scene(database, new PlatformFactory(database, settings) { Clock = clock }, clock);
            scene.Admin = await scene.Platform.SignedInClientAsync();
            return scene;
        }

        /// <summary>Created and published by the administrator; Registration knows it once EditionPublished is dispatched.</summary>
        public async Task<Guid> PublishEditionAsync(Dictionary<string, object?> edition)
        {
            var created = await Admin.PostAsJsonAsync("/api/editions", edition);
            Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST /api/editions: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            var id = (await JsonAsync(created)).GetProperty("id").GetGuid();
            var published = await Admin.PostAsync(new Uri($"/api/editions/{id}/publish", UriKind.Relative), null);
            Assert.True(published.IsSuccessStatusCode, $"publish: {(int)published.StatusCode} {await published.Content.ReadAsStringAsync()}");
            await DispatchAsync();
            Assert.Equal(1, await Database.ScalarAsync($"""SELECT COUNT(*) FROM registration_editions WHERE "Status" = 'Published' AND "Year" = {edition["year"]}"""));
            return id;
        }

        public Task<int> DispatchAsync() => Platform.Services.GetRequiredService<IOutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);

        /// <summary>An organiser signed in, whose organisation is described.</summary>
        public async Task<HttpClient> OrganiserAsync(string email, string organisation)
        {
            await Platform.CreateUserAsync(email, Password, [PlatformRoles.Organiser]);
            var client = await Platform.SignedInClientAsync(email, Password);
            var saved = await client.PutAsJsonAsync("/api/me/organisation", new
            {
                name = organisation,
                type = "IndustrialCompany",
                address = new { street = "1 rue de l'Industrie", postalCode = "59300", city = "Valenciennes" },
                contactName = "Camille Martin",
            });
            saved.EnsureSuccessStatusCode();
            return client;
        }

        /// <summary>The payloads of Registration's outbox messages of one type, oldest first.</summary>
        public async Task<List<JsonElement>> OutboxAsync(string type)
        {
            await using var connection = Database.CreateConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"""SELECT "Payload" FROM registration_outbox WHERE "Type" LIKE '%.{type},%' ORDER BY "Id" """;
            var payloads = new List<JsonElement>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                payloads.Add(JsonDocument.Parse(reader.GetString(0)).RootElement.Clone());
            }

            return payloads;
        }

        /// <summary>Fires a recurring job now, as an operator does, and waits until it has succeeded <paramref name="runs"/> times in all.</summary>
        public async Task TriggerRecurringAsync(string name, int runs)
        {
            await using (var scope = Platform.Services.CreateAsyncScope())
            {
                Assert.True((await scope.ServiceProvider.GetRequiredService<IJobOperations>().TriggerRecurringAsync(name, "test", CancellationToken.None)).IsSuccess);
            }

            await Eventually.WaitAsync(
                async () => await Database.ScalarAsync($"""SELECT COUNT(*) FROM platform_job_attempts a JOIN platform_jobs j ON j."Id" = a."JobId" WHERE j."Type" = '{name}' AND a."Result" = 'Succeeded'""") == runs,
                $"« {name} » has run {runs} time(s)");
        }

        /// <summary>Runs once more every job of <paramref name="group"/> (a retry, a recovery after a crash) and waits for them.</summary>
        public async Task RunJobsAgainAsync(string group) => Assert.Empty(await BackgroundJobRuns.RunAgainAsync(Platform, group));

        public async ValueTask DisposeAsync()
        {
            Admin?.Dispose();
            await Platform.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
