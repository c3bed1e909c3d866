using System.Net;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Api;

/// <summary>
/// RFC 9110: HEAD is GET without the body. Every GET endpoint of the API answered HEAD with a 405 (MapGet matches
/// GET only); now each answers HEAD as it answers GET (status, content type, length), with no body. The health
/// endpoints, which took any method, take GET and HEAD only.
/// </summary>
public sealed class HeadRequestTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HEAD_answers_every_GET_endpoint_like_GET_without_a_body(string provider)
    {
        await using var scene = await ReadScene.StartAsync(provider);
        var failures = new List<string>();
        var pages = new[] { new ReadEndpoint("page", "/", Reader.Anonymous), new("page", "/carte", Reader.Anonymous), new("static", "/css/ops.css", Reader.Anonymous) };
        foreach (var endpoint in scene.Endpoints().Concat(pages))
        {
            var client = scene.Client(endpoint.Reader);
            using var get = await client.GetAsync(new Uri(endpoint.Path, UriKind.Relative));
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(endpoint.Path, UriKind.Relative)));
            var body = await head.Content.ReadAsByteArrayAsync();
            var name = $"HEAD {endpoint.Path}";
            if (head.StatusCode != get.StatusCode)
            {
                failures.Add($"{name}: {(int)head.StatusCode}, GET {(int)get.StatusCode}");
            }

            if (body.Length > 0)
            {
                failures.Add($"{name}: {body.Length} bytes of body");
            }

            if (head.Content.Headers.ContentType?.ToString() != get.Content.Headers.ContentType?.ToString())
            {
                failures.Add($"{name}: « {head.Content.Headers.ContentType} », GET « {get.Content.Headers.ContentType} »");
            }

            // Files and precomputed bytes (GeoJSON, CSV, .ics, zip, CSS) say their length; HEAD must say the same.
            // JSON and pages are written as they are rendered, without one (the test server counts GET's body itself).
            if (get.Content.Headers.ContentType?.MediaType is "application/geo+json" or "text/csv" or "text/calendar" or "application/zip" or "text/css"
                && get.Content.Headers.ContentLength is { } length && head.Content.Headers.ContentLength != length)
            {
                failures.Add($"{name}: Content-Length {head.Content.Headers.ContentLength}, GET {length}");
            }
        }

        Assert.True(failures.Count == 0, $"HEAD unlike GET on {provider}:\n" + string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Health_endpoints_take_GET_and_HEAD_only(string provider)
    {
        await using var scene = await ReadScene.StartAsync(provider);
        var client = scene.Client(Reader.Anonymous);
        foreach (var path in new[] { "/health/live", "/health/ready" })
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
            {
                using var answer = await client.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative)));
                Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{method} {path}: {(int)answer.StatusCode}");
            }

            foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Options })
            {
                using var answer = await client.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative)));
                Assert.True(answer.StatusCode == HttpStatusCode.MethodNotAllowed, $"{method} {path}: {(int)answer.StatusCode}");
            }
        }
    }
}
