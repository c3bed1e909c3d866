using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IndustryWeek.Host.Tests.Api;
using IndustryWeek.Testing;
using Xunit.Abstractions;

namespace IndustryWeek.Host.Tests.Security;

/// <summary>
/// What an outside API fuzzer (Schemathesis) found, on every GET endpoint of the API, on SQLite and PostgreSQL:
/// page numbers near int.MaxValue (an OFFSET overflow, a 500 on PostgreSQL), NUL characters in query strings and
/// route values (PostgreSQL refuses them in text: a 500), invalid UTF-8 escapes, repeated parameters and very long
/// values. Each endpoint is called by a role that may call it, so that the query string, not authorization, meets
/// the input. Never a 5xx; every refusal a problem details answer in French.
/// </summary>
public sealed class HostileQueryStringTests(ITestOutputHelper output)
{
    /// <summary>Raw query values, percent-escapes as a client would send them.</summary>
    private static readonly (string What, string Value)[] Values =
    [
        ("int.MaxValue", "2147483647"), ("int.MinValue", "-2147483648"), ("negative", "-1"), ("zero", "0"), ("past long", "99999999999999999999"),
        ("exponent", "1e9"), ("word", "abc"), ("empty", ""),
        ("NUL", "%00"), ("NUL inside", "32%00"), ("control", "%01"), ("line break", "32%0D%0ASet-Cookie:%20x=1"), ("DEL", "%7F"),
        ("invalid UTF-8", "%C3%28"), ("lone 0xFF", "%FF"), ("surrogate as UTF-8", "%ED%A0%80"), ("truncated UTF-8", "%E2%82"), ("bad escape", "%zz"),
        ("emoji", "%F0%9F%8F%AD"), ("markup", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"), ("SQL", "'%20OR%201=1--"), ("path", "..%2F..%2Fetc%2Fpasswd"),
        ("long text", new string('a', 5_000)), ("long number", new string('9', 1_000)),
    ];

    [Fact]
    public async Task Every_GET_endpoint_of_the_app_is_in_the_hostile_list()
    {
        await using var scene = await ReadScene.StartAsync("Sqlite");
        var declared = scene.DeclaredReads();
        var listed = scene.Endpoints().Select(e => e.Route).ToHashSet(StringComparer.Ordinal);
        Assert.True(declared.SetEquals(listed),
            $"GET routes not listed: {string.Join(", ", declared.Except(listed).Order())}; listed but gone: {string.Join(", ", listed.Except(declared).Order())}");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Hostile_query_strings_on_every_GET_endpoint_never_fail_and_are_refused_in_French(string provider)
    {
        await using var scene = await ReadScene.StartAsync(provider);
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        var count = 0;
        foreach (var endpoint in scene.Endpoints())
        {
            // Endpoints without a parameter get an unknown one: the query string still reaches the host.
            foreach (var parameter in endpoint.Parameters.DefaultIfEmpty("inconnu"))
            {
                var queries = Values.Select(v => (v.What, Query: $"{parameter}={v.Value}"))
                    .Append(("repeated", $"{parameter}=32&{parameter}=11"))
                    .Append(("repeated with NUL", $"{parameter}=1&{parameter}=%00"))
                    .Append(("NUL in the name", $"{parameter}%00=1"));
                foreach (var (what, query) in queries)
                {
                    var url = endpoint.Path + (endpoint.Path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
                    var status = await CheckAsync(scene.Client(endpoint.Reader), url, $"{endpoint.Route} {parameter} ({what})", failures);
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    count++;
                }
            }
        }

        output.WriteLine($"{count} requests on {provider} in {clock.Elapsed.TotalSeconds:0.0} s; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(count >= 1_000, $"only {count} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} hostile query strings misbehaved on {provider}:\n" + string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pages_out_of_range_are_French_field_errors_and_pages_past_the_end_are_empty(string provider)
    {
        await using var scene = await ReadScene.StartAsync(provider);
        var moderator = scene.Client(Reader.Moderator);
        var admin = scene.Client(Reader.Administrator);
        (HttpClient Client, string Path)[] paged =
        [
            (moderator, "/api/labelling/applications"), (admin, "/api/kits/deliveries"), (admin, "/api/ops/jobs"),
            (admin, "/api/ops/outbox?state=Pending"), (admin, "/api/ops/actions"),
        ];
        foreach (var (client, path) in paged)
        {
            var join = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            var first = await JsonAsync(client, path, HttpStatusCode.OK);
            Assert.True(Items(first).Count > 0, $"{path}: nothing on the first page, the test proves nothing");

            foreach (var page in new[] { "0", "-1", "100001", "2147483647", "-2147483648" })
            {
                var problem = await JsonAsync(client, $"{path}{join}page={page}", HttpStatusCode.BadRequest);
                Assert.Equal("La page est un nombre entre 1 et 100 000.", problem.GetProperty("errors").GetProperty("page")[0].GetString());
            }

            // Past the end, and at the highest page there is: empty, never the first page again; the total is still told.
            foreach (var page in new[] { "2", "99999", "100000" })
            {
                var beyond = await JsonAsync(client, $"{path}{join}page={page}", HttpStatusCode.OK);
                Assert.Empty(Items(beyond));
                Assert.Equal(first.GetProperty("total").GetInt32(), beyond.GetProperty("total").GetInt32());
            }
        }

        foreach (var size in new[] { "0", "-5", "501", "2147483647" })
        {
            var problem = await JsonAsync(moderator, $"/api/labelling/applications?pageSize={size}", HttpStatusCode.BadRequest);
            Assert.Equal("La taille de page est un nombre entre 1 et 500.", problem.GetProperty("errors").GetProperty("pageSize")[0].GetString());
        }

        var both = await JsonAsync(moderator, "/api/labelling/applications?page=0&pageSize=0", HttpStatusCode.BadRequest);
        Assert.Equal(["page", "pageSize"], both.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        var largest = await JsonAsync(moderator, "/api/labelling/applications?page=100000&pageSize=500", HttpStatusCode.OK);
        Assert.Equal(100_000, largest.GetProperty("page").GetInt32());
        Assert.Empty(Items(largest));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_NUL_or_a_control_character_in_a_query_value_or_a_route_value_is_a_400_naming_the_parameter(string provider)
    {
        await using var scene = await ReadScene.StartAsync(provider);
        (Reader Reader, string Method, string Url, string Field)[] cases =
        [
            (Reader.Moderator, "GET", "/api/labelling/applications?department=%00", "department"),
            (Reader.Moderator, "GET", "/api/labelling/applications?region=32%00", "region"),
            (Reader.Moderator, "GET", "/api/labelling/applications?format=%00", "format"),
            (Reader.Administrator, "GET", "/api/kits/deliveries?search=%00", "search"),
            (Reader.Administrator, "GET", "/api/ops/jobs?q=%00", "q"),
            (Reader.Anonymous, "GET", "/api/map/events?q=usine%00", "q"),
            (Reader.Anonymous, "GET", $"/api/identity/confirmEmail?userId=%00&code=Q09ERQ", "userId"),
            (Reader.Anonymous, "HEAD", "/api/map/events?region=%00", "region"),
            (Reader.Anonymous, "GET", "/carte?region=%00", "region"),
            (Reader.Anonymous, "GET", "/carte/integration?format=%00", "format"),
            (Reader.Anonymous, "GET", "/api/map/events.ics?department=59%00", "department"),
            // A NUL in the path never reaches the app: the server refuses it (« The path contains null characters »).
            (Reader.Administrator, "POST", "/api/admin/users/%01/roles", "email"),
            (Reader.Administrator, "POST", "/api/ops/recurring/a%0Ab/trigger", "name"),
        ];
        foreach (var (reader, method, url, field) in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
            if (method == "POST")
            {
                request.Content = JsonContent.Create(new { roles = new[] { "Moderator" } });
            }

            using var response = await scene.Client(reader).SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            if (method == "HEAD")
            {
                Assert.Empty(await response.Content.ReadAsByteArrayAsync());
                continue;
            }

            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("La requête contient des erreurs.", problem.GetProperty("title").GetString());
            var message = problem.GetProperty("errors").GetProperty(field)[0].GetString();
            Assert.Equal($"Le paramètre « {field} » contient un caractère de contrôle (NUL, saut de ligne…), refusé.", message);
        }

        // Invalid UTF-8 escapes are text (U+FFFD or as typed): an ordinary answer, no error.
        foreach (var url in new[] { "/api/labelling/applications?department=%C3%28", "/api/labelling/applications?region=%FF" })
        {
            using var response = await scene.Client(Reader.Moderator).GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.Empty(Items(await response.Content.ReadFromJsonAsync<JsonElement>()));
        }
    }

    private static async Task<int> CheckAsync(HttpClient client, string url, string name, List<string> failures)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            failures.Add($"{name}: {status} {Excerpt(body)}");
        }
        else if (status >= 400)
        {
            var type = response.Content.Headers.ContentType?.MediaType;
            if (type != "application/problem+json")
            {
                failures.Add($"{name}: {status} as « {type ?? "no content type"} », not problem details {Excerpt(body)}");
            }
            else if (English(body) is { Length: > 0 } english)
            {
                failures.Add($"{name}: {status} not in French: {english}");
            }
        }

        return status;
    }

    /// <summary>The title, detail and field errors of a problem that read as English, or an empty text.</summary>
    private static string English(string body)
    {
        var problem = JsonNode.Parse(body)!.AsObject();
        var texts = new List<string>();
        texts.AddRange(new[] { problem["title"], problem["detail"] }.Where(t => t is not null).Select(t => t!.ToString()));
        if (problem["errors"] is JsonObject errors)
        {
            texts.AddRange(errors.SelectMany(e => e.Value is JsonArray messages ? messages.Select(m => m?.ToString() ?? "") : []));
        }

        string[] reasonPhrases = ["Bad Request", "Not Found", "Unauthorized", "Forbidden", "Method Not Allowed", "Request-URI Too Long"];
        return string.Join(" | ", texts.Where(t => HostileRunner.EnglishWords().IsMatch(t) || reasonPhrases.Contains(t)).Select(Excerpt));
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url, HttpStatusCode expected)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode} {Excerpt(body)}");
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    private static string Excerpt(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
