using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace IndustryWeek.Shared.Web;

/// <summary>
/// How errors answer, in this one place: a bare error status (the routing's 404, a page's NotFound() or 403, the rate
/// limiter's 429) and an unhandled exception (500, without its details) are re-executed at the error endpoint,
/// <see cref="PagePath"/>/{status}, which answers a person with a French page in the site's layout and a way back, and
/// an API client with problem details; the status code stays the real one.
/// </summary>
public static class ErrorAnswers
{
    /// <summary>The error endpoint, by status code: « /erreur/404 ».</summary>
    public const string PagePath = "/erreur";

    private const string PersonKey = "IndustryWeek.ErrorAnswers.Person";

    /// <summary>After routing (the endpoint tells a page), before authentication, authorization and the rate limiter.</summary>
    public static IApplicationBuilder UseErrorAnswers(this IApplicationBuilder app)
    {
        // Decided on the request as it came (its path and its endpoint), before a re-execution replaces them.
        app.Use((http, next) =>
        {
            http.Items[PersonKey] = IsPerson(http);
            return next(http);
        });
        app.UseExceptionHandler(PagePath + "/500"); // the IExceptionHandler services (bad input: 400) first
        app.UseStatusCodePagesWithReExecute(PagePath + "/{0}");
        return app;
    }

    /// <summary>
    /// Whether the request's errors answer a person: a browser's navigation (asking for HTML) or a page, never the API.
    /// </summary>
    public static bool IsPerson(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items.TryGetValue(PersonKey, out var decided) && decided is bool person)
        {
            return person;
        }

        if (http.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        // A browser's navigation asks for HTML; a client naming other types (JSON) is a program; otherwise a page's visitor is a person.
        var accept = http.Request.GetTypedHeaders().Accept;
        if (accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return !accept.Any(a => !a.MatchesAllTypes) && http.GetEndpoint()?.Metadata.GetMetadata<PageRouteMetadata>() is not null;
    }

    /// <summary>The API's answer: problem details with the status and its French title, even to a client asking for something else.</summary>
    public static Task WriteProblemAsync(HttpContext http, int status)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Results.Problem(statusCode: status, title: FrenchProblemTitles.For(status)).ExecuteAsync(http);
    }
}
