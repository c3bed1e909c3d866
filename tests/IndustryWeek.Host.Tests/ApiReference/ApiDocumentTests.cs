using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Net;
using IndustryWeek.Host.Tests.Api;
using IndustryWeek.Host.Tests.CommunicationKit;
using IndustryWeek.Host.Tests.Registration;
using IndustryWeek.Testing;
using Json.Schema;

namespace IndustryWeek.Host.Tests.ApiReference;

/// <summary>
/// `/openapi/v1.json` is typed enough to generate a client from, and the API answers what it says: every JSON
/// answer of every GET endpoint is checked against the document's own schema for it, on both providers.
/// </summary>
public sealed partial class ApiDocumentTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_JSON_answer_of_every_GET_endpoint_matches_its_schema_in_the_document(string provider)
    {
        await using var scene = await ReadScene.StartAsync(provider);
        var document = JsonNode.Parse(await scene.Client(Reader.Anonymous).GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var failures = new List<string>();
        var checkedAnswers = 0;
        foreach (var endpoint in scene.Endpoints())
        {
            using var response = await scene.Client(endpoint.Reader).GetAsync(new Uri(endpoint.Path, UriKind.Relative));
            var type = response.Content.Headers.ContentType?.MediaType;
            if (type is not ("application/json" or "application/geo+json") || !endpoint.Route.StartsWith("GET /api/", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.True(response.IsSuccessStatusCode, $"{endpoint.Path}: {(int)response.StatusCode}");
            var path = OpenApiPath(endpoint.Route);
            var schema = document["paths"]?[path]?["get"]?["responses"]?[((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?[type]?["schema"];
            if (schema is null)
            {
                failures.Add($"{path}: no {type} schema for {(int)response.StatusCode} in the document");
                continue;
            }

            var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            var results = SchemaOf(document, schema).Evaluate(answer, Options);
            checkedAnswers++;
            if (path == "/api/events/{id}")
            {
                // The check can fail: the same answer with a number for its title does not match.
                answer!["title"] = 3;
                Assert.False(SchemaOf(document, schema).Evaluate(answer, Options).IsValid, "a title as a number passed the check");
            }

            if (!results.IsValid)
            {
                failures.AddRange(results.Details.Where(d => d.HasErrors).Take(5)
                    .Select(d => $"{path} {d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"));
            }
        }

        Assert.True(failures.Count == 0, $"answers unlike the document on {provider}:\n" + string.Join("\n", failures));
        Assert.True(checkedAnswers >= 20, $"only {checkedAnswers} answers checked");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_POST_and_PUT_answer_of_the_main_journey_errors_included_matches_the_schema_of_its_status(string provider)
    {
        await using var kit = await KitScene.StartAsync(provider, new Dictionary<string, string?> { ["RateLimits:Accounts:PermitLimit"] = "100000" });
        var organiser = await kit.OrganiserAsync("organisatrice@alpha.fr", "Alpha Industries SAS");
        var moderator = await kit.ModeratorAsync();
        var document = JsonNode.Parse(await kit.Platform.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var failures = new List<string>();

        async Task<JsonNode?> CheckAsync(string route, HttpResponseMessage response, HttpStatusCode expected)
        {
            var method = response.RequestMessage!.Method.Method;
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{method} {route}: {(int)response.StatusCode} instead of {(int)expected}: {text}");
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var type = response.Content.Headers.ContentType?.MediaType;
            var schema = document["paths"]?[route]?[method.ToLowerInvariant()]?["responses"]?[status]?["content"]?[type ?? ""]?["schema"];
            var answer = JsonNode.Parse(text);
            if (schema is null)
            {
                failures.Add($"{method} {route}: no {type} schema for {status} in the document");
                return answer;
            }

            var results = SchemaOf(document, schema).Evaluate(answer, Options);
            if (!results.IsValid)
            {
                failures.AddRange(results.Details.Where(d => d.HasErrors).Take(5)
                    .Select(d => $"{method} {route} {status} {d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"));
            }

            return answer;
        }

        // The document's own limit is the validator's: one character more is a French field error, the limit itself passes.
        var titleLimit = document["components"]!["schemas"]!["CreateEventCommand"]!["properties"]!["title"]!["maxLength"]!.GetValue<int>();
        var tooLong = await CheckAsync("/api/events", await organiser.PostAsJsonAsync("/api/events", kit.EventBody(title: new string('a', titleLimit + 1))), HttpStatusCode.BadRequest);
        Assert.Equal("Le titre compte de 5 à 150 caractères.", tooLong!["errors"]!["title"]![0]!.GetValue<string>());
        var atLimit = await CheckAsync("/api/events", await organiser.PostAsJsonAsync("/api/events", kit.EventBody(title: new string('a', titleLimit))), HttpStatusCode.Created);

        // A draft changed with the revision read (200), then with that revision again, now stale (409).
        var draftId = atLimit!["id"]!.GetValue<Guid>();
        var revision = atLimit["revision"]!.GetValue<int>();
        await CheckAsync("/api/events/{id}", await organiser.PutAsJsonAsync($"/api/events/{draftId}", kit.EventBody(title: "Visite des ateliers de Valenciennes", revision: revision)), HttpStatusCode.OK);
        await CheckAsync("/api/events/{id}", await organiser.PutAsJsonAsync($"/api/events/{draftId}", kit.EventBody(title: "Visite des ateliers, encore", revision: revision)), HttpStatusCode.Conflict);

        var id = draftId;
        await CheckAsync("/api/events/{id}/submit", await organiser.PostAsync(new Uri($"/api/events/{id}/submit", UriKind.Relative), null), HttpStatusCode.OK);
        await kit.DispatchAsync();
        await CheckAsync("/api/events/{id}/submit", await organiser.PostAsync(new Uri($"/api/events/{Guid.NewGuid()}/submit", UriKind.Relative), null), HttpStatusCode.NotFound);

        // The grant, refused for each reason it can be: unknown (404), criteria not met (422), already decided (409).
        const string Grant = "/api/labelling/applications/{id}/grant";
        await CheckAsync(Grant, await moderator.PostAsJsonAsync($"/api/labelling/applications/{id}/grant", new { comment = "Les critères sont remplis." }), HttpStatusCode.OK);
        await CheckAsync(Grant, await moderator.PostAsJsonAsync($"/api/labelling/applications/{id}/grant", new { }), HttpStatusCode.Conflict);
        await CheckAsync(Grant, await moderator.PostAsJsonAsync($"/api/labelling/applications/{Guid.NewGuid()}/grant", new { }), HttpStatusCode.NotFound);
        var paying = kit.EventBody(title: "Visite payante de l'atelier");
        paying["isFree"] = false;
        var created = await organiser.PostAsJsonAsync("/api/events", paying);
        var payingId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.True((await organiser.PostAsync(new Uri($"/api/events/{payingId}/submit", UriKind.Relative), null)).IsSuccessStatusCode);
        await kit.DispatchAsync();
        var criteria = await CheckAsync(Grant, await moderator.PostAsJsonAsync($"/api/labelling/applications/{payingId}/grant", new { }), HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("Le label ne peut pas être attribué : « Gratuit »", criteria!["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        const string Refuse = "/api/labelling/applications/{id}/refuse";
        await CheckAsync(Refuse, await moderator.PostAsJsonAsync($"/api/labelling/applications/{payingId}/refuse", new { reason = "" }), HttpStatusCode.BadRequest);
        var reasonLimit = document["components"]!["schemas"]!["ReasonRequest"]!["properties"]!["reason"]!["maxLength"]!.GetValue<int>();
        var tooLongReason = await CheckAsync(Refuse, await moderator.PostAsJsonAsync($"/api/labelling/applications/{payingId}/refuse", new { reason = new string('a', reasonLimit + 1) }), HttpStatusCode.BadRequest);
        Assert.Equal("Le texte ne dépasse pas 2 000 caractères.", tooLongReason!["errors"]!["reason"]![0]!.GetValue<string>());
        await CheckAsync(Refuse, await moderator.PostAsJsonAsync($"/api/labelling/applications/{payingId}/refuse", new { reason = "L'événement est payant : seuls les événements gratuits sont labellisés." }), HttpStatusCode.OK);

        const string Invitations = "/api/me/organisation/invitations";
        await CheckAsync(Invitations, await organiser.PostAsJsonAsync(Invitations, new { email = "collegue@alpha.fr" }), HttpStatusCode.OK);
        await CheckAsync(Invitations, await organiser.PostAsJsonAsync(Invitations, new { email = "pas une adresse" }), HttpStatusCode.BadRequest);
        await CheckAsync(Invitations + "/{token}/accept", await organiser.PostAsync(new Uri($"{Invitations}/{Guid.NewGuid()}/accept", UriKind.Relative), null), HttpStatusCode.NotFound);

        const string Import = "/api/events/import";
        var template = await organiser.GetByteArrayAsync(new Uri("/api/events/import/template.csv", UriKind.Relative));
        await CheckAsync(Import, await organiser.PostAsync(new Uri(Import + "?dryRun=true", UriKind.Relative), ImportEventsApiTests.File(template)), HttpStatusCode.OK);
        await CheckAsync(Import, await organiser.PostAsync(new Uri(Import, UriKind.Relative), JsonContent.Create(new { file = "x" })), HttpStatusCode.UnsupportedMediaType);

        Assert.True(failures.Count == 0, $"answers unlike the document on {provider}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task The_document_types_every_property_names_every_operation_and_says_who_may_call()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);
        var document = await platform.CreateClient().GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        var untyped = new List<string>();
        foreach (var schema in document.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            foreach (var property in schema.Value.TryGetProperty("properties", out var properties) ? properties.EnumerateObject() : Enumerable.Empty<JsonProperty>())
            {
                var value = property.Value;
                var hasType = value.TryGetProperty("type", out _) || value.TryGetProperty("$ref", out _) || value.TryGetProperty("oneOf", out _) || value.TryGetProperty("anyOf", out _) || value.TryGetProperty("allOf", out _);
                if (!hasType)
                {
                    untyped.Add($"{schema.Name}.{property.Name}");
                }
                else if (value.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.GetString() == "string") && type.EnumerateArray().Any(t => t.GetString() is "integer" or "number"))
                {
                    untyped.Add($"{schema.Name}.{property.Name} (a number or a string)");
                }
                else if (value.TryGetProperty("type", out var array) && array.ToString().Contains("array", StringComparison.Ordinal) && !value.TryGetProperty("items", out _))
                {
                    untyped.Add($"{schema.Name}.{property.Name} (an array of what?)");
                }
            }
        }

        Assert.True(untyped.Count == 0, "properties without a type:\n" + string.Join("\n", untyped));
        Assert.Equal("string", document.GetProperty("components").GetProperty("schemas").GetProperty("EventDto").GetProperty("properties").GetProperty("title").GetProperty("type").GetString());
        Assert.Equal(ApiDocumentPattern, document.GetProperty("components").GetProperty("schemas").GetProperty("EventSession").GetProperty("properties").GetProperty("start").GetProperty("pattern").GetString());

        // Lengths and formats come from the validators; the sessions of a request take the answers' local date-time.
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var title = schemas.GetProperty("CreateEventCommand").GetProperty("properties").GetProperty("title");
        Assert.Equal((5, 150), (title.GetProperty("minLength").GetInt32(), title.GetProperty("maxLength").GetInt32()));
        Assert.Equal(100, schemas.GetProperty("CreateEventCommand").GetProperty("properties").GetProperty("topics").GetProperty("items").GetProperty("maxLength").GetInt32());
        var contactEmail = schemas.GetProperty("PublicContactFields").GetProperty("properties").GetProperty("email");
        Assert.Equal(("email", 256), (contactEmail.GetProperty("format").GetString(), contactEmail.GetProperty("maxLength").GetInt32()));
        Assert.Equal("email", schemas.GetProperty("InviteColleagueCommand").GetProperty("properties").GetProperty("email").GetProperty("format").GetString());
        Assert.Equal(("uri", 500), (schemas.GetProperty("BookingFields").GetProperty("properties").GetProperty("url").GetProperty("format").GetString(), schemas.GetProperty("BookingFields").GetProperty("properties").GetProperty("url").GetProperty("maxLength").GetInt32()));
        Assert.Equal("uri", schemas.GetProperty("LocationFields").GetProperty("properties").GetProperty("onlineUrl").GetProperty("format").GetString());
        // A body that becomes a command before it is validated takes the command's limits.
        Assert.Equal(2000, schemas.GetProperty("GrantLabelRequest").GetProperty("properties").GetProperty("comment").GetProperty("maxLength").GetInt32());
        Assert.Equal(2000, schemas.GetProperty("ReasonRequest").GetProperty("properties").GetProperty("reason").GetProperty("maxLength").GetInt32());
        Assert.Equal(2000, schemas.GetProperty("CommentRequest").GetProperty("properties").GetProperty("comment").GetProperty("maxLength").GetInt32());
        Assert.Equal("uuid", schemas.GetProperty("EventDto").GetProperty("properties").GetProperty("id").GetProperty("format").GetString());
        Assert.Equal("date", schemas.GetProperty("CreateEditionCommand").GetProperty("properties").GetProperty("registrationOpens").GetProperty("format").GetString());
        foreach (var end in new[] { "start", "end" })
        {
            var requested = schemas.GetProperty("SessionFields").GetProperty("properties").GetProperty(end);
            Assert.Equal(ApiDocumentPattern, requested.GetProperty("pattern").GetString());
            Assert.Equal(schemas.GetProperty("EventSession").GetProperty("properties").GetProperty(end).GetProperty("description").GetString(), requested.GetProperty("description").GetString());
        }

        // Strings the code keeps as text but which take a few values only are declared with them.
        var eventStatus = document.GetProperty("components").GetProperty("schemas").GetProperty("EventDto").GetProperty("properties").GetProperty("status");
        Assert.Contains("Labelled", eventStatus.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        var audiences = document.GetProperty("components").GetProperty("schemas").GetProperty("CreateEventCommand").GetProperty("properties").GetProperty("audiences");
        Assert.Contains("Pupils", audiences.GetProperty("items").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("sdi.session", schemes.GetProperty("cookie").GetProperty("name").GetString());

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                Assert.True(operation.Value.TryGetProperty("operationId", out var id) && ids.Add(id.GetString()!), $"{where}: no operationId, or one used twice");
                var responses = operation.Value.GetProperty("responses");
                if (operation.Value.TryGetProperty("security", out _))
                {
                    Assert.True(responses.TryGetProperty("401", out _) && responses.TryGetProperty("403", out _), $"{where}: protected, but without 401 and 403");
                }
            }
        }

        // Protected and public operations told apart, with Identity's own endpoints named.
        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/labelling/applications/{id}/grant").GetProperty("post").TryGetProperty("security", out _));
        Assert.False(paths.GetProperty("/api/map/events").GetProperty("get").TryGetProperty("security", out _));
        Assert.Equal("postIdentityLogin", paths.GetProperty("/api/identity/login").GetProperty("post").GetProperty("operationId").GetString());

        // What the operations answer: the grant's two refusals, the invitations' bodies, the import's form with its file.
        var grant = paths.GetProperty("/api/labelling/applications/{id}/grant").GetProperty("post").GetProperty("responses");
        Assert.True(grant.TryGetProperty("409", out _) && grant.TryGetProperty("422", out _), "the grant declares 409 (already decided) and 422 (criteria not met)");
        Assert.Equal("#/components/schemas/InvitationSent", paths.GetProperty("/api/me/organisation/invitations").GetProperty("post").GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/InvitationAccepted", paths.GetProperty("/api/me/organisation/invitations/{token}/accept").GetProperty("post").GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        var form = paths.GetProperty("/api/events/import").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.Equal(["multipart/form-data"], form.EnumerateObject().Select(c => c.Name));
        var file = form.GetProperty("multipart/form-data").GetProperty("schema");
        Assert.Equal(["file"], file.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(("string", "binary"), (file.GetProperty("properties").GetProperty("file").GetProperty("type").GetString(), file.GetProperty("properties").GetProperty("file").GetProperty("format").GetString()));

        // The map's filters, which the endpoints read themselves, are declared with their values.
        foreach (var route in new[] { "/api/map/events", "/api/map/pins", "/api/map/export.csv", "/api/map/export.geojson", "/api/map/events.ics" })
        {
            var parameters = paths.GetProperty(route).GetProperty("get").GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
            Assert.Equal(["audience", "bbox", "department", "edition", "format", "from", "online", "q", "region", "sector", "to"], parameters.Keys.Order(StringComparer.Ordinal));
            Assert.Contains("CompanyVisit", parameters["format"].GetProperty("schema").GetProperty("items").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
            Assert.Equal("date", parameters["from"].GetProperty("schema").GetProperty("format").GetString());
            Assert.True(paths.GetProperty(route).GetProperty("get").GetProperty("responses").TryGetProperty("400", out _), $"{route}: bad filters answer 400");
        }
    }

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private const string ApiDocumentPattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$";

    /// <summary>« GET /api/events/{id:guid}/kit/ » → « /api/events/{id}/kit ».</summary>
    private static string OpenApiPath(string route) =>
        RouteConstraint().Replace(route["GET ".Length..], "{$1}").TrimEnd('/');

    /// <summary>A schema of the document, with the document's components as its definitions.</summary>
    private static JsonSchema SchemaOf(JsonNode document, JsonNode schema)
    {
        var definitions = document["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var root = JsonNode.Parse(schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!.AsObject();
        root["$defs"] = JsonNode.Parse(definitions);
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        return JsonSchema.FromText(root.ToJsonString());
    }

    [GeneratedRegex(@"\{([a-zA-Z]+)(:[^}]*)?\}")]
    private static partial Regex RouteConstraint();
}
