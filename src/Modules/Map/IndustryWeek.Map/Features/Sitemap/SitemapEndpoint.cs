using System.Globalization;
using System.Text;
using System.Xml;
using IndustryWeek.Map.Features.GetMapEvents;
using IndustryWeek.Shared.Time;
using IndustryWeek.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IndustryWeek.Map.Features.Sitemap;

/// <summary>
/// `/sitemap.xml` (named by /robots.txt): the public map and the public page of every event listed on a map today,
/// with absolute addresses (`Site:PublicUrl`) and the day each was last published. Events labelled before their
/// edition's map opens are left out: their pages ask not to be indexed until then.
/// </summary>
internal static class SitemapEndpoint
{
    public const string ContentType = "application/xml; charset=utf-8";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/sitemap.xml", async (HttpContext http, MapQuery map, SiteLinks links, TimeProvider time, CancellationToken cancellationToken) =>
            {
                var (version, entries) = await map.ListedAsync(cancellationToken);
                // The map's version and the day: a map opening at midnight changes the list without any new version.
                var etag = string.Create(CultureInfo.InvariantCulture, $"\"sitemap-{version}-{time.TodayInParis():yyyyMMdd}\"");
                if (MapHttp.NotModified(http, etag, preview: false))
                {
                    return MapHttp.NotModifiedResult();
                }

                return Results.Bytes(Write(links, entries), ContentType);
            })
            .AllowAnonymous()
            .CompressedOverHttps()
            .ExcludeFromDescription();

    public static byte[] Write(SiteLinks links, IReadOnlyList<MapEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(entries);
        using var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            Url(links.To("/carte"), null);
            foreach (var entry in entries)
            {
                Url(entry.Url, entry.Pin.PublishedAtUtc);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();

            void Url(string location, DateTime? modifiedUtc)
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", location);
                if (modifiedUtc is { } utc)
                {
                    xml.WriteElementString("lastmod", DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                }

                xml.WriteEndElement();
            }
        }

        return output.ToArray();
    }
}
