using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace IndustryWeek.Shared.Web;

/// <summary>
/// A list page's number from its query (« ?page=2 »), read by hand: Razor Pages keep « page » as a
/// route value (the page's own name), which model binding reads before the query, so a bound
/// property named « page » always sees page 1. A person's page shows the nearest page rather than an
/// error: anything unreadable or below 1 is page 1, and a number past <see cref="PageRequest.HighestNumber"/>
/// is that highest page (empty), never a page whose offset would overflow.
/// </summary>
public static class ListPageNumber
{
    public static int From(HttpRequest request, string parameter = "page")
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Query[parameter].ToString();
        if (text.Length == 0 || !text.All(char.IsAsciiDigit))
        {
            return 1;
        }

        // Digits too many for an int are a page far past the end, not the first page.
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? Math.Clamp(page, 1, PageRequest.HighestNumber) : PageRequest.HighestNumber;
    }
}
