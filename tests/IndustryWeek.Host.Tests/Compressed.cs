using System.IO.Compression;
using System.Net.Http.Headers;

namespace IndustryWeek.Host.Tests;

/// <summary>
/// Requests as a browser sends them, with its Accept-Encoding; the test clients do not decompress, so the tests
/// see the bytes on the wire and decompress them here.
/// </summary>
internal static class Compressed
{
    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? acceptEncoding, string? ifNoneMatch = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        }

        return await client.SendAsync(request);
    }

    /// <summary>The Content-Encoding of the answer, or null when it is sent as is.</summary>
    public static string? Coding(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Content.Headers.ContentEncoding.SingleOrDefault();
    }

    /// <summary>The body, decompressed as its Content-Encoding says.</summary>
    public static async Task<byte[]> BodyAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsByteArrayAsync();
        using Stream? decompressor = Coding(response) switch
        {
            null => null,
            "br" => new BrotliStream(new MemoryStream(body), CompressionMode.Decompress),
            "gzip" => new GZipStream(new MemoryStream(body), CompressionMode.Decompress),
            var other => throw new InvalidOperationException($"Unexpected Content-Encoding {other}."),
        };
        if (decompressor is null)
        {
            return body;
        }

        using var output = new MemoryStream();
        await decompressor.CopyToAsync(output);
        return output.ToArray();
    }
}
