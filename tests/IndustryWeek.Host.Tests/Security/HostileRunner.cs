using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Security;

/// <summary>
/// Sends hostile cases one by one and judges each answer as a user of the API would: no 5xx, problem details
/// for every 4xx with French field errors, nothing accepted that should not be, and the database unchanged by
/// every refused request (a snapshot after each request; an accepted one is the new normal).
/// </summary>
internal static partial class HostileRunner
{
    public const string Overposted = "11111111-2222-3333-4444-555555555555";

    /// <returns>How many answers of each status.</returns>
    public static async Task<SortedDictionary<int, int>> RunAsync(TestDatabase database, IEnumerable<HostileCase> cases, Func<Persona, HttpClient> clients, List<string> failures)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(failures);
        var statuses = new SortedDictionary<int, int>();
        var baseline = await DatabaseSnapshot.TakeAsync(database);
        Assert.True(baseline.TableCount > 20, $"only {baseline.TableCount} tables compared");
        foreach (var hostile in cases)
        {
            var (status, body) = await SendAsync(hostile, clients(hostile.Persona), failures);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var after = await DatabaseSnapshot.TakeAsync(database);
            if (status is >= 200 and < 400)
            {
                if (!hostile.MayPass)
                {
                    failures.Add($"{Name(hostile)}: accepted ({status}) {Excerpt(body)}");
                }
            }
            else if (after.ChangesSince(baseline) is { Count: > 0 } changes)
            {
                failures.Add($"{Name(hostile)}: refused with {status} but the database changed: {string.Join(", ", changes)}");
            }

            baseline = after;
        }

        return statuses;
    }

    private static async Task<(int Status, string Body)> SendAsync(HostileCase hostile, HttpClient client, List<string> failures)
    {
        using var request = new HttpRequestMessage(new HttpMethod(hostile.Method), new Uri(hostile.Path, UriKind.Relative)) { Content = hostile.Content() };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            failures.Add($"{Name(hostile)}: {status} {Excerpt(body)}");
        }
        else if (status >= 400)
        {
            var type = response.Content.Headers.ContentType?.MediaType;
            if (type != "application/problem+json")
            {
                failures.Add($"{Name(hostile)}: {status} as « {type ?? "no content type"} », not problem details {Excerpt(body)}");
            }
            else if (Parse(body) is JsonObject { } problem && problem["errors"] is JsonObject errors)
            {
                var english = errors.SelectMany(e => e.Value is JsonArray messages ? messages.Select(m => (e.Key, Message: m?.ToString() ?? "")) : [])
                    .Where(m => EnglishWords().IsMatch(m.Message)).Select(m => $"{m.Key}: {m.Message}").ToList();
                if (english.Count > 0)
                {
                    failures.Add($"{Name(hostile)}: field errors not in French: {string.Join(" | ", english.Select(Excerpt))}");
                }
            }
        }
        else if (hostile.What.StartsWith("overposting", StringComparison.Ordinal))
        {
            foreach (var forbidden in new[] { Overposted, "SDI-1999-000001", "pirate@example.com", "Autre organisation" })
            {
                if (body.Contains(forbidden, StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{Name(hostile)}: the answer took the overposted « {forbidden} »: {Excerpt(body)}");
                }
            }

            if (hostile.Endpoint.Contains("/api/events/", StringComparison.Ordinal) && Parse(body)?["status"]?.GetValue<string>() is { } state and not "Draft")
            {
                failures.Add($"{Name(hostile)}: the event's status became « {state} »");
            }
        }

        return (status, body);
    }

    private static JsonNode? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Name(HostileCase hostile) => $"{hostile.Method} {Shorten(hostile.Path)} ({hostile.Persona}, {hostile.What})";

    private static string Shorten(string path) => path.Length <= 90 ? path : path[..90] + "…";

    private static string Excerpt(string body) => body.Length <= 300 ? body : body[..300] + "…";

    /// <summary>Words of ASP.NET Core's, Identity's and FluentValidation's default (English) messages.</summary>
    [GeneratedRegex(@"\b(the|must|is|are|not|field|required|should|could|value|invalid|request|passwords?)\b", RegexOptions.IgnoreCase)]
    internal static partial Regex EnglishWords();
}
