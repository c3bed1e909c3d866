using System.Text.Json;
using System.Text.RegularExpressions;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Api;

/// <summary>
/// API.md: instants end in « Z ». On SQLite a DateTime comes back from the database without its kind and was
/// written without it (`submittedAtUtc`, `dueAtUtc`, `createdAtUtc`, `queuedAtUtc`, `sentAtUtc`…); on PostgreSQL
/// it had it. Every JSON answer of every GET endpoint, on both providers: each date-time ends in Z but the
/// sessions' start and end, which are Europe/Paris local times and have none.
/// </summary>
public sealed partial class ApiInstantsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_instant_of_every_JSON_answer_ends_in_Z(string provider)
    {
        await using var scene = await ReadScene.StartAsync(provider);
        var extra = new ReadEndpoint[]
        {
            new("GET /api/ops/outbox", "/api/ops/outbox?state=Pending", Reader.Administrator),
            new("GET /api/kits/deliveries", "/api/kits/deliveries?status=Sent", Reader.Administrator),
        };
        var failures = new List<string>();
        var instants = new SortedSet<string>(StringComparer.Ordinal);
        var locals = 0;
        foreach (var endpoint in scene.Endpoints().Concat(extra))
        {
            using var response = await scene.Client(endpoint.Reader).GetAsync(new Uri(endpoint.Path, UriKind.Relative));
            var type = response.Content.Headers.ContentType?.MediaType;
            if (type is not ("application/json" or "application/geo+json"))
            {
                continue;
            }

            Assert.True(response.IsSuccessStatusCode, $"{endpoint.Path}: {(int)response.StatusCode}");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            foreach (var (path, name, value) in DateTimes(json.RootElement, "$", ""))
            {
                if (path.Contains(".sessions[", StringComparison.Ordinal) && name is "start" or "end")
                {
                    locals++;
                    Assert.False(value.EndsWith('Z'), $"{endpoint.Path} {path}: a session's Paris time « {value} » became an instant");
                    continue;
                }

                instants.Add(name);
                if (!value.EndsWith('Z'))
                {
                    failures.Add($"{endpoint.Path} {path} = {value}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"instants without Z on {provider}:\n" + string.Join("\n", failures));
        Assert.True(locals > 0, "no session seen: the local times are not checked");
        foreach (var expected in new[] { "submittedAtUtc", "dueAtUtc", "createdAtUtc", "updatedAtUtc", "queuedAtUtc", "sentAtUtc", "atUtc", "occurredAt", "createdAt", "at" })
        {
            Assert.True(instants.Contains(expected), $"no « {expected} » seen; seen: {string.Join(", ", instants)}");
        }
    }

    private static IEnumerable<(string Path, string Name, string Value)> DateTimes(JsonElement element, string path, string name)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var found in DateTimes(property.Value, $"{path}.{property.Name}", property.Name))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var found in DateTimes(item, $"{path}[{i++}]", name))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonValueKind.String when DateTimeText().IsMatch(element.GetString()!):
                yield return (path, name, element.GetString()!);
                break;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex DateTimeText();
}
