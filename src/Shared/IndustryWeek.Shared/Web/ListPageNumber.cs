using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace IndustryWeek.Shared.Web;

/// <summary>
/// A list page's number from its query (« ?page=2 »), read by hand: Razor Pages keep « page » as a
/// route value (the page's own name), which model binding reads before the query, so a bound
/// property named « page » always sees page 1.
/// </summary>
public static class ListPageNumber
{
    public const int Highest = 100_000;

    public static int From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return int.TryParse(request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? Math.Min(page, Highest) : 1;
    }
}
