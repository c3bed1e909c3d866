using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IndustryWeek.Host.Tests.Api;
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
