using Microsoft.Extensions.Configuration;

namespace IndustryWeek.Host.Features.Legal;

/// <summary>
/// What the legal notice must name and only the deployment knows (LCEN art. 6: the host's name, address and telephone;
/// the data protection officer's address): the `Legal` section. Unset, the pages say who runs the platform without
/// naming a host, and the start-up log says what is missing.
/// </summary>
internal sealed record LegalNoticeSettings(string? HostName, string? HostAddress, string? HostPhone, string? PrivacyContact)
{
    public const string Section = "Legal";

    public bool NamesTheHost => !string.IsNullOrWhiteSpace(HostName) && !string.IsNullOrWhiteSpace(HostAddress);

    public static LegalNoticeSettings From(IConfiguration configuration)
    {
        var legal = configuration.GetSection(Section);
        return new LegalNoticeSettings(Value(legal["HostName"]), Value(legal["HostAddress"]), Value(legal["HostPhone"]), Value(legal["PrivacyContact"]));
    }

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
