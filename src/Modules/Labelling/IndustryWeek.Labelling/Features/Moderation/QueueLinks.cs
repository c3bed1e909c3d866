using IndustryWeek.Labelling.Features.Queue;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using Microsoft.AspNetCore.Http;

namespace IndustryWeek.Labelling.Features.Moderation;

/// <summary>
/// The queue as the moderator filtered and sorted it, shared by the queue's page and an application's page: the same
/// query from the same parameters, and the query string that carries them from one page to the other.
/// </summary>
internal static class QueueLinks
{
    public static GetApplicationsQuery Queue(Actor moderator, string? status, string? region, string? department, string? format, bool overdue, string sort, PageRequest page) =>
        new(moderator, string.IsNullOrEmpty(status) ? null : status, Blank(region), Blank(department), Blank(format), overdue ? true : null, page, sort);

    /// <summary>The queue's order as asked (`sort=`), the default one (oldest first) when unknown or not given.</summary>
    public static string Sort(string? sort) => sort is not null && GetApplicationsQuery.Sorts.ContainsKey(sort) ? sort.ToLowerInvariant() : "submitted";

    /// <summary>The query string's parameters (a form's route values); none for the queue as it opens (pending, oldest first).</summary>
    public static Dictionary<string, string> Parameters(string? status, string? region, string? department, string? format, bool overdue, string sort)
    {
        if (status == "Pending" && Blank(region) is null && Blank(department) is null && Blank(format) is null && !overdue && sort == "submitted")
        {
            return [];
        }

        return new Dictionary<string, string?>
        {
            ["Status"] = status ?? "",
            ["Region"] = Blank(region),
            ["Department"] = Blank(department),
            ["Format"] = Blank(format),
            ["Overdue"] = overdue ? "true" : null,
            ["Sort"] = sort,
        }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!);
    }

    /// <summary>« ?Status=…&amp;Sort=… », empty for the queue as it opens: its links stay plain.</summary>
    public static string Query(IReadOnlyDictionary<string, string> parameters) =>
        QueryString.Create(parameters.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))).ToUriComponent();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
