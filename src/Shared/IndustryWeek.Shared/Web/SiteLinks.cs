using Microsoft.Extensions.Configuration;

namespace IndustryWeek.Shared.Web;

/// <summary>
/// Absolute links for what leaves the site without a request to take them from (mails sent by jobs,
/// the QR code of a poster): `Site:PublicUrl`, http://localhost:5080 by default.
/// </summary>
public sealed class SiteLinks(IConfiguration configuration)
{
    public const string DefaultUrl = "http://localhost:5080";

    public string BaseUrl => (configuration["Site:PublicUrl"] is { Length: > 0 } url ? url : DefaultUrl).TrimEnd('/');

    public string To(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);
}
