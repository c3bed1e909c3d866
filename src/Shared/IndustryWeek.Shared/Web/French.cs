using System.Globalization;

namespace IndustryWeek.Shared.Web;

/// <summary>The small rules of written French that pages and mails share: plurals and elision.</summary>
public static class French
{
    /// <summary>« 1 demande », « 0 demande », « 4 demandes » (French keeps the singular below 2).</summary>
    public static string Count(int count, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count is >= -1 and <= 1 ? singular : plural)}");

    /// <summary>« de Valenciennes », « d'Usine Martin », « d'Évreux »: « de » elided before a vowel (not before an h, aspirated or not).</summary>
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.TrimStart();
        return trimmed.Length > 0 && "aeiouyàâäéèêëîïôöùûüÿæœ".Contains(char.ToLowerInvariant(trimmed[0]), StringComparison.Ordinal)
            ? "d'" + trimmed
            : "de " + trimmed;
    }
}
