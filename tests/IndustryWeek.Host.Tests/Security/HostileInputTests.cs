using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IndustryWeek.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IndustryWeek.Host.Tests.Security;

/// <summary>
/// Issue 9, hostile input: every write endpoint of the API, called by the persona allowed to use it (so that
/// validation, not authorization, meets the input), with wrong types, missing and extra fields, huge strings,
/// invalid dates and time zones, out-of-range numbers, markup, SQL, path tricks, overposting and wrong content
/// types. Never a 5xx; every 4xx a problem details answer (French field errors); and the database exactly as it
/// was after every rejected request. Every failure is collected, so one run names every bad endpoint.
/// </summary>
public sealed class HostileInputTests(AuthorizationScene scene, ITestOutputHelper output) : IClassFixture<AuthorizationScene>
{
    [Fact]
    public void Every_write_endpoint_of_the_app_has_hostile_cases()
    {
        var writes = WriteRoutes(scene);
        var covered = Endpoints(scene, Guid.Empty).Select(e => e.Route).ToHashSet(StringComparer.Ordinal);
        var uncovered = writes.Where(w => !covered.Contains(w)).Order().ToList();
        Assert.True(uncovered.Count == 0, "No hostile cases for: " + string.Join(", ", uncovered));
        var stale = covered.Where(c => !writes.Contains(c)).ToList();
        Assert.True(stale.Count == 0, "Hostile cases for routes the app no longer has: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Hostile_requests_to_every_write_endpoint_are_refused_cleanly_and_change_nothing()
    {
        var draft = await DraftEventAsync();
        await QuietAsync();
        var endpoints = Endpoints(scene, draft);
        var cases = endpoints.SelectMany(HostileRequests.For).ToList();
        Assert.True(cases.Count >= 1000, $"only {cases.Count} hostile requests");

        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var statuses = await HostileRunner.RunAsync(scene.Platform.Database, cases, scene.Api, failures);
        output.WriteLine($"{cases.Count} hostile requests to {endpoints.Count} endpoints in {clock.Elapsed.TotalSeconds:0.0} s; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        await CheckOverpostingAsync(draft, failures);
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} hostile requests misbehaved:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task A_title_or_an_organisation_name_with_a_line_break_is_a_field_error()
    {
        // Both go into mail subjects (the kit, the invitations), where a line break is refused, or would start a header.
        const string Broken = "Visite\r\nBcc: victime@exemple.fr";
        var organiser = scene.Api(Persona.OrganiserA);
        var created = await organiser.PostAsJsonAsync("/api/events", scene.Kit.EventBody(Broken));
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.True((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("title", out _));
        var renamed = await organiser.PutAsJsonAsync("/api/me/organisation", new
        {
            name = "Alpha\nIndustries",
            type = "IndustrialCompany",
            address = new { street = "1 rue de l'Industrie", postalCode = "59300", city = "Valenciennes" },
            contactName = "Camille Martin",
        });
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        Assert.True((await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("name", out _));
    }

    /// <summary>The write routes of the API (« POST /api/events/ »), as the app declares them.</summary>
    internal static HashSet<string> WriteRoutes(AuthorizationScene scene) =>
        scene.Platform.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m is "POST" or "PUT" or "DELETE" or "PATCH")
                .Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Each write endpoint, whom it is sent by and a valid body to spoil.</summary>
    internal static List<WriteEndpoint> Endpoints(AuthorizationScene scene, Guid draft)
    {
        var year = scene.Kit.Year;
        var unknown = Guid.NewGuid().ToString();
        var eventBody = Node(scene.Kit.EventBody("Visite hostile de l'atelier"));
        var eventFields = EventFields();
        var edition = Edition(year, year + 2, "Semaine de l'industrie test");
        var draftEdition = Edition(year, year + 1, $"Semaine de l'industrie {year + 1}");
        var schedule = new JsonObject
        {
            ["headlineWeek"] = draftEdition["headlineWeek"]!.DeepClone(),
            ["eventPeriod"] = draftEdition["eventPeriod"]!.DeepClone(),
            ["regionalPeriods"] = draftEdition["regionalPeriods"]!.DeepClone(),
            ["registrationCloses"] = draftEdition["registrationCloses"]!.DeepClone(),
            ["reason"] = "Report demandé par le ministère.",
        };
        var organisation = Node(new
        {
            name = AuthorizationScene.OrganisationA,
            type = "IndustrialCompany",
            address = new { street = "1 rue de l'Industrie", postalCode = "59300", city = "Valenciennes" },
            contactName = "Camille Martin",
            contactPhone = "03 27 00 00 00",
        });
        FieldSpec[] identity = [new("email", FieldKind.Email, true), new("password", FieldKind.Text, true)];
        const Persona Admin = Persona.Administrator;

        return
        [
            // Accounts (ASP.NET Core Identity's endpoints, anonymous but for « manage »).
            new("POST /api/identity/register", Persona.Anonymous, "/api/identity/register", Body: Node(new { email = "hostile.nouveau@exemple.fr", password = "Mot-de-passe-2027" }), Fields: identity),
            new("POST /api/identity/login", Persona.Anonymous, "/api/identity/login", Body: Node(new { email = "inconnu@exemple.fr", password = "Mot-de-passe-2027" }),
                Fields: [new("email", FieldKind.Text, true), new("password", FieldKind.Text, true), new("twoFactorCode", FieldKind.Text)]),
            new("POST /api/identity/refresh", Persona.Anonymous, "/api/identity/refresh", Body: Node(new { refreshToken = "jeton-invalide" }), Fields: [new("refreshToken", FieldKind.Text, true)]),
            new("POST /api/identity/forgotPassword", Persona.Anonymous, "/api/identity/forgotPassword", Body: Node(new { email = "inconnu@exemple.fr" }), Fields: [new("email", FieldKind.LookupEmail, true)], Control: true),
            new("POST /api/identity/resendConfirmationEmail", Persona.Anonymous, "/api/identity/resendConfirmationEmail", Body: Node(new { email = "inconnu@exemple.fr" }), Fields: [new("email", FieldKind.LookupEmail, true)], Control: true),
            new("POST /api/identity/resetPassword", Persona.Anonymous, "/api/identity/resetPassword", Body: Node(new { email = "inconnu@exemple.fr", resetCode = "Q09ERQ", newPassword = "Mot-de-passe-2028" }),
                Fields: [new("email", FieldKind.Email, true), new("resetCode", FieldKind.Text, true), new("newPassword", FieldKind.Text, true)]),
            new("POST /api/identity/manage/2fa", Persona.OrganiserA, "/api/identity/manage/2fa", Body: Node(new { enable = true, twoFactorCode = "000000" }),
                Fields: [new("enable", FieldKind.Bool), new("twoFactorCode", FieldKind.Text)]),
            new("POST /api/identity/manage/info", Persona.OrganiserA, "/api/identity/manage/info", Body: Node(new { newPassword = "Mot-de-passe-2028", oldPassword = "pas-le-bon" }),
                Fields: [new("newEmail", FieldKind.Email), new("newPassword", FieldKind.Text), new("oldPassword", FieldKind.Text)]),
            new("POST /api/admin/users/{email}/roles", Admin, "/api/admin/users/{P}/roles", "personne@tests.local", Node(new { roles = new[] { "Moderator" }, regions = new[] { "32" } }),
                [new("roles", FieldKind.EnumList, true), new("regions", FieldKind.EnumList)], Parameter: ParameterKind.Text),
            new("POST /api/admin/users/{email}/lock", Admin, "/api/admin/users/{P}/lock", "personne@tests.local", Parameter: ParameterKind.Text),
            new("POST /api/admin/users/{email}/unlock", Admin, "/api/admin/users/{P}/unlock", "personne@tests.local", Parameter: ParameterKind.Text),
            new("POST /deconnexion", Persona.Anonymous, "/deconnexion"),

            // Editions (administrators).
            new("POST /api/editions/", Admin, "/api/editions", Body: edition, Fields: EditionFields(), Control: true),
            new("PUT /api/editions/{id:guid}", Admin, "/api/editions/{P}", scene.DraftEditionId.ToString(), draftEdition, EditionFields(), Control: true, Parameter: ParameterKind.Guid),
            new("POST /api/editions/{id:guid}/reschedule", Admin, "/api/editions/{P}/reschedule", scene.DraftEditionId.ToString(), schedule,
                [.. EditionFields().Where(f => f.Path.StartsWith("headlineWeek", StringComparison.Ordinal) || f.Path.StartsWith("eventPeriod", StringComparison.Ordinal)
                    || f.Path.StartsWith("regionalPeriods", StringComparison.Ordinal) || f.Path == "registrationCloses"), new("reason", FieldKind.Text, true)],
                Control: true, Parameter: ParameterKind.Guid),
            new("POST /api/editions/{id:guid}/publish", Admin, "/api/editions/{P}/publish", unknown, Parameter: ParameterKind.Guid),
            new("POST /api/editions/{id:guid}/close", Admin, "/api/editions/{P}/close", unknown, Parameter: ParameterKind.Guid),
            new("POST /api/editions/{id:guid}/archive", Admin, "/api/editions/{P}/archive", unknown, Parameter: ParameterKind.Guid),

            // Organisations and events (organiser A, on A's own organisation and events).
            new("PUT /api/me/organisation/", Persona.OrganiserA, "/api/me/organisation", Body: organisation, Control: true, Fields:
            [
                new("name", FieldKind.Text, true), new("type", FieldKind.Enum, true), new("siret", FieldKind.Enum), new("address", FieldKind.Object, true),
                new("address.street", FieldKind.Text, true), new("address.postalCode", FieldKind.Enum, true), new("address.city", FieldKind.Text, true),
                new("contactName", FieldKind.Text, true), new("contactPhone", FieldKind.Phone),
            ]),
            new("POST /api/me/organisation/invitations/", Persona.OrganiserA, "/api/me/organisation/invitations", Body: Node(new { email = "collegue@alpha.fr" }), Fields: [new("email", FieldKind.Email, true)], Control: true),
            new("POST /api/me/organisation/invitations/{token:guid}/accept", Persona.OrganiserB, "/api/me/organisation/invitations/{P}/accept", unknown, Parameter: ParameterKind.Guid),
            new("POST /api/events/", Persona.OrganiserA, "/api/events", Body: eventBody, Fields: [.. eventFields, new("editionId", FieldKind.Guid)], Control: true),
            // The bulk import takes a multipart CSV file, not JSON: every JSON case is refused (415); its hostile files are HostileImportTests'.
            new("POST /api/events/import", Persona.OrganiserA, "/api/events/import"),
            new("PUT /api/events/{id:guid}", Persona.OrganiserA, "/api/events/{P}", draft.ToString(), eventBody, eventFields, Control: true, Parameter: ParameterKind.Guid),
            new("POST /api/events/{id:guid}/submit", Persona.OrganiserA, "/api/events/{P}/submit", unknown, Parameter: ParameterKind.Guid),
            new("POST /api/events/{id:guid}/withdraw", Persona.OrganiserA, "/api/events/{P}/withdraw", unknown, Parameter: ParameterKind.Guid),
            new("POST /api/events/{id:guid}/cancel", Persona.OrganiserA, "/api/events/{P}/cancel", scene.EventALabelled.ToString(), Node(new { reason = "Intempéries annoncées." }),
                [new("reason", FieldKind.Text, true)], Destructive: true, Parameter: ParameterKind.Guid),
            new("POST /api/events/{id:guid}/participation", Persona.OrganiserA, "/api/events/{P}/participation", scene.EventALabelled.ToString(),
                Node(new { participants = 120, youngPeople = 80, jobSeekers = 10, teachers = 5 }),
                [new("participants", FieldKind.Int, true, 0, 1_000_000), new("youngPeople", FieldKind.Int, false, 0, 1_000_000), new("jobSeekers", FieldKind.Int, false, 0, 1_000_000), new("teachers", FieldKind.Int, false, 0, 1_000_000)],
                Parameter: ParameterKind.Guid),
            new("POST /api/events/{id:guid}/reconduct", Persona.OrganiserA, "/api/events/{P}/reconduct", scene.EventALabelled.ToString(), Node(new { editionId = scene.EditionId }),
                [new("editionId", FieldKind.Guid)], Parameter: ParameterKind.Guid, OptionalBody: true),
            new("POST /api/events/{id:guid}/kit/resend", Persona.OrganiserA, "/api/events/{P}/kit/resend", unknown, Parameter: ParameterKind.Guid),

            // Labelling (the moderator of region X, on organisation A's pending event).
            new("POST /api/labelling/applications/{id:guid}/grant", Persona.ModeratorX, "/api/labelling/applications/{P}/grant", scene.EventAPending.ToString(), Node(new { comment = "Les critères sont remplis." }),
                [new("comment", FieldKind.Text)], Destructive: true, Parameter: ParameterKind.Guid, OptionalBody: true),
            new("POST /api/labelling/applications/{id:guid}/refuse", Persona.ModeratorX, "/api/labelling/applications/{P}/refuse", scene.EventAPending.ToString(), Node(new { reason = "Hors des critères." }),
                [new("reason", FieldKind.Text, true)], Destructive: true, Parameter: ParameterKind.Guid),
            new("POST /api/labelling/applications/{id:guid}/request-changes", Persona.ModeratorX, "/api/labelling/applications/{P}/request-changes", scene.EventAPending.ToString(), Node(new { comment = "Précisez le programme." }),
                [new("comment", FieldKind.Text, true)], Destructive: true, Parameter: ParameterKind.Guid),
            new("POST /api/labelling/applications/{id:guid}/revoke", Persona.ModeratorX, "/api/labelling/applications/{P}/revoke", scene.EventAPending.ToString(), Node(new { reason = "Hors des critères." }),
                [new("reason", FieldKind.Text, true)], Destructive: true, Parameter: ParameterKind.Guid),
            new("POST /api/labelling/applications/bulk-grant", Persona.ModeratorX, "/api/labelling/applications/bulk-grant", Body: Node(new { ids = new[] { scene.EventAPending } }),
                Fields: [new("ids", FieldKind.GuidList, true)], Destructive: true),
            new("POST /api/labelling/stock-reasons/", Admin, "/api/labelling/stock-reasons", Body: Node(new { text = "Événement payant." }), Fields: [new("text", FieldKind.Text, true)], Control: true),
            new("DELETE /api/labelling/stock-reasons/{id:guid}", Admin, "/api/labelling/stock-reasons/{P}", unknown, Parameter: ParameterKind.Guid),

            // Operations (the operator).
            new("POST /api/ops/jobs/{id:long}/retry", Persona.Operator, "/api/ops/jobs/{P}/retry", "999999", Parameter: ParameterKind.Long),
            new("DELETE /api/ops/jobs/{id:long}", Persona.Operator, "/api/ops/jobs/{P}", "999999", Parameter: ParameterKind.Long),
            new("POST /api/ops/jobs/retry", Persona.Operator, "/api/ops/jobs/retry", Body: Node(new { ids = new[] { 999999 } }), Fields: [new("ids", FieldKind.LongList, true)]),
            new("POST /api/ops/jobs/delete", Persona.Operator, "/api/ops/jobs/delete", Body: Node(new { ids = new[] { 999999 } }), Fields: [new("ids", FieldKind.LongList, true)]),
            new("POST /api/ops/outbox/{module}/{id:long}/retry", Persona.Operator, "/api/ops/outbox/{P}/999999/retry", "labelling", Parameter: ParameterKind.Text),
            new("POST /api/ops/recurring/{name}/trigger", Persona.Operator, "/api/ops/recurring/{P}/trigger", "inconnue", Parameter: ParameterKind.Text),
            new("POST /api/ops/recurring/{name}/pause", Persona.Operator, "/api/ops/recurring/{P}/pause", "inconnue", Node(new { reason = "Maintenance du serveur de courriel." }),
                [new("reason", FieldKind.Text, true)], Parameter: ParameterKind.Text),
            new("POST /api/ops/recurring/{name}/resume", Persona.Operator, "/api/ops/recurring/{P}/resume", "inconnue", Node(new { reason = "Maintenance terminée." }),
                [new("reason", FieldKind.Text)], Parameter: ParameterKind.Text, OptionalBody: true),
        ];
    }

    internal static FieldSpec[] EventFields() =>
    [
        new("title", FieldKind.Text, true), new("description", FieldKind.Text, true), new("format", FieldKind.Enum, true),
        new("audiences", FieldKind.EnumList, true), new("sectors", FieldKind.EnumList, true), new("topics", FieldKind.TextList),
        new("sessions", FieldKind.ObjectList, true), new("sessions[0].start", FieldKind.DateTime, true), new("sessions[0].end", FieldKind.DateTime, true),
        new("location", FieldKind.Object, true), new("location.mode", FieldKind.Enum, true), new("location.street", FieldKind.Text, false),
        new("location.postalCode", FieldKind.Enum, true), new("location.inseeCode", FieldKind.Enum), new("location.latitude", FieldKind.Number, true),
        new("location.longitude", FieldKind.Number, true), new("isFree", FieldKind.Bool, true), new("booking", FieldKind.Object, true),
        new("booking.required", FieldKind.Bool), new("booking.url", FieldKind.Url), new("booking.capacity", FieldKind.Int, false, 1, 100_000),
        new("publicContact", FieldKind.Object), new("publicContact.email", FieldKind.Email), new("publicContact.phone", FieldKind.Phone),
        new("accessible", FieldKind.Bool), new("aboutIndustry", FieldKind.Bool),
    ];

    internal static FieldSpec[] EditionFields() =>
    [
        new("number", FieldKind.Int, true, 1, 200), new("year", FieldKind.Int, true, 2011, 2100), new("name", FieldKind.Text, true),
        new("theme", FieldKind.Text, true), new("themeDescription", FieldKind.Text), new("focusTopics", FieldKind.TextList),
        new("hashtag", FieldKind.Enum, true), new("headlineWeek", FieldKind.Object, true), new("headlineWeek.start", FieldKind.Date, true),
        new("headlineWeek.end", FieldKind.Date, true), new("eventPeriod", FieldKind.Object, true), new("eventPeriod.start", FieldKind.Date, true),
        new("eventPeriod.end", FieldKind.Date, true), new("regionalPeriods", FieldKind.ObjectList), new("regionalPeriods[0].regionCode", FieldKind.Enum, true),
        new("regionalPeriods[0].start", FieldKind.Date, true), new("regionalPeriods[0].end", FieldKind.Date, true),
        new("registrationOpens", FieldKind.Date, true), new("registrationCloses", FieldKind.Date, true), new("mapVisibleFrom", FieldKind.Date, true),
    ];

    internal static JsonObject Edition(int kitYear, int year, string name)
    {
        string Day(int y, int month, int day) => new DateOnly(y, month, day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Node(new Dictionary<string, object?>
        {
            ["number"] = year - 2010,
            ["year"] = year,
            ["name"] = name,
            ["theme"] = "Brouillon",
            ["themeDescription"] = "Une édition en préparation.",
            ["focusTopics"] = new[] { "Brouillon" },
            ["hashtag"] = "#SemaineIndustrie",
            ["headlineWeek"] = new { start = Day(year, 3, 22), end = Day(year, 3, 28) },
            ["eventPeriod"] = new { start = Day(year, 3, 22), end = Day(year, 3, 28) },
            ["regionalPeriods"] = new[] { new { regionCode = "32", start = Day(year, 3, 15), end = Day(year, 4, 5) } },
            ["registrationOpens"] = Day(kitYear, 12, 1),
            ["registrationCloses"] = Day(year, 3, 1),
            ["mapVisibleFrom"] = Day(year, 3, 1),
        });
    }

    internal static JsonObject Node(object value) => JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web)!.AsObject();

    /// <summary>A draft of organiser A's, for the hostile updates (the scene's events stay as the other tests expect them).</summary>
    private async Task<Guid> DraftEventAsync()
    {
        var created = await scene.Api(Persona.OrganiserA).PostAsJsonAsync("/api/events", scene.Kit.EventBody("Brouillon pour les requêtes hostiles"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The scene's own background work done: the labelled event's kit sent and its pin on the map.</summary>
    private async Task QuietAsync()
    {
        await scene.Kit.WaitForDeliveryAsync(scene.EventALabelled, "label-v1", "Sent");
        await Eventually.WaitAsync(async () => await MapApi.FeatureAsync(scene.Api(Persona.Anonymous), scene.EventALabelled) is not null, "the labelled event is on the map");
    }

    /// <summary>After the batch: the draft is still a draft of organisation A's, without a label number.</summary>
    private async Task CheckOverpostingAsync(Guid draft, List<string> failures)
    {
        var current = await scene.Api(Persona.OrganiserA).GetFromJsonAsync<JsonElement>($"/api/events/{draft}");
        if (current.GetProperty("status").GetString() != "Draft" || current.TryGetProperty("labelNumber", out var label) && label.ValueKind != JsonValueKind.Null)
        {
            failures.Add($"the hostile updates changed the draft's status or label: {current}");
        }

        var editions = await scene.Api(Persona.Administrator).GetStringAsync(new Uri("/api/editions", UriKind.Relative));
        if (editions.Contains(HostileRunner.Overposted, StringComparison.Ordinal))
        {
            failures.Add("an edition took the overposted id");
        }
    }
}

/// <summary>
/// The pages' forms, posted with their antiforgery token by the persona the page is for, every text field 100,000
/// characters long, every date impossible and every number out of range: the form comes back with its errors
/// (never a 5xx), and the database is as it was.
/// </summary>
public sealed class HostileFormTests(AuthorizationScene scene) : IClassFixture<AuthorizationScene>
{
    [Fact]
    public async Task Every_form_posted_with_hostile_values_is_refused_cleanly_and_changes_nothing()
    {
        var failures = new List<string>();
        var posted = 0;
        foreach (var (_, template, expected) in AuthorizationMatrixTests.Pages)
        {
            var outcomes = expected.Split(' ');
            if (Enum.GetValues<Persona>().Where(p => outcomes[(int)p] == "200").Cast<Persona?>().FirstOrDefault() is not { } persona)
            {
                continue;
            }

            var path = template
                .Replace("{E}", scene.EditionId.ToString(), StringComparison.Ordinal).Replace("{AL}", scene.EventALabelled.ToString(), StringComparison.Ordinal)
                .Replace("{AP}", scene.EventAPending.ToString(), StringComparison.Ordinal).Replace("{UA}", scene.OrganiserAUserId, StringComparison.Ordinal);
            var session = scene.Pages(persona);
            var page = await session.GetAsync(path);
            var forms = page.Document.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
                .Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase) && f.GetAttribute("action") != "/deconnexion").ToList();
            for (var i = 0; i < forms.Count; i++)
            {
                var values = new Dictionary<string, string?>();
                foreach (var field in forms[i].Elements)
                {
                    var (name, type) = field switch
                    {
                        AngleSharp.Html.Dom.IHtmlInputElement input => (input.Name, input.Type),
                        AngleSharp.Html.Dom.IHtmlTextAreaElement area => (area.Name, "textarea"),
                        _ => (null, null),
                    };
                    if (string.IsNullOrEmpty(name) || name == "__RequestVerificationToken")
                    {
                        continue;
                    }

                    values[name] = type switch
                    {
                        "text" or "textarea" or "email" or "url" or "tel" or "search" or "password" => HostileRequests.Huge,
                        "date" => "2027-02-30",
                        "datetime-local" => "2027-03-28T02:30",
                        "number" => "-99999999999",
                        _ => null,
                    };
                    if (values[name] is null)
                    {
                        values.Remove(name);
                    }
                }

                if (values.Count == 0)
                {
                    continue; // a button (grant, resend...): nothing typed to be hostile with
                }

                forms[i].Id = $"hostile-form-{i}";
                var before = await DatabaseSnapshot.TakeAsync(scene.Platform.Database);
                var answer = await session.SubmitAsync(page, "#" + forms[i].Id, values);
                posted++;
                var status = (int)answer.Response.StatusCode;
                var what = $"{forms[i].GetAttribute("action") ?? path} from {path} as {persona}";
                if (status >= 500)
                {
                    failures.Add($"{what}: {status}");
                }
                else if (status is >= 300 and < 400)
                {
                    failures.Add($"{what}: accepted 100,000-character texts ({status} → {answer.Response.Headers.Location})");
                }
                else if ((await DatabaseSnapshot.TakeAsync(scene.Platform.Database)).ChangesSince(before) is { Count: > 0 } changes)
                {
                    failures.Add($"{what}: refused with {status} but the database changed: {string.Join(", ", changes)}");
                }
            }
        }

        Assert.True(posted >= 10, $"only {posted} forms posted");
        Assert.True(failures.Count == 0, $"{failures.Count} of {posted} hostile forms misbehaved:\n" + string.Join("\n", failures));
    }
}
