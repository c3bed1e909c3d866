using System.Globalization;
using System.Text;

namespace IndustryWeek.Labelling.Domain.Applications;

/// <summary>
/// Two applications that may be the same event declared twice (by the same organisation, or by a company and a
/// partner announcing its visit): same edition, same commune or same organisation, sessions that overlap, and
/// titles alike once accents, case and small words are set aside. A moderator decides; this only points.
/// </summary>
internal static class LookAlikes
{
    // Words that say nothing of which event it is.
    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal)
    {
        "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "pour", "sur", "un", "une",
    };

    public static bool Alike(LabellingApplication a, LabellingApplication b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Id == b.Id || a.EditionId != b.EditionId)
        {
            return false;
        }

        var (first, second) = (a.Snapshot.Event, b.Snapshot.Event);
        var sameCommune = first.Location.InseeCode is { } commune && commune == second.Location.InseeCode;
        return (sameCommune || a.OrganisationId == b.OrganisationId)
            && first.Sessions.Any(s => second.Sessions.Any(t => s.Start < t.End && t.Start < s.End))
            && SimilarTitles(first.Title, second.Title);
    }

    /// <summary>
    /// « Visite de l'usine Martin » and « VISITE USINE MARTIN » are alike: half of the words of the shorter title or more
    /// are in the other (accents, case and small words aside).
    /// </summary>
    public static bool SimilarTitles(string first, string second)
    {
        var (a, b) = (Words(first), Words(second));
        if (a.Count == 0 || b.Count == 0)
        {
            return false;
        }

        return a.Count(b.Contains) * 2 >= Math.Min(a.Count, b.Count);
    }

    private static HashSet<string> Words(string title)
    {
        var letters = new StringBuilder(title.Length);
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category != UnicodeCategory.NonSpacingMark)
            {
                letters.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
            }
        }

        return [.. letters.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !SmallWords.Contains(w))];
    }
}
