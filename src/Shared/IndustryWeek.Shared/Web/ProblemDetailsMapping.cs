using System.Text.Json;
using FluentValidation;
using IndustryWeek.Shared.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace IndustryWeek.Shared.Web;

public static class ErrorResults
{
    /// <summary>The problem details of a business failure: 404, 403, 409, 429 or 422, with the French message as detail.</summary>
    public static IResult ToProblem(this Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var (status, title) = error.Kind switch
        {
            ErrorKind.NotFound => (StatusCodes.Status404NotFound, "Ressource introuvable"),
            ErrorKind.Forbidden => (StatusCodes.Status403Forbidden, "Action non autorisée"),
            ErrorKind.Conflict => (StatusCodes.Status409Conflict, "Conflit avec l'état actuel"),
            ErrorKind.TooManyRequests => (StatusCodes.Status429TooManyRequests, "Trop de demandes"),
            _ => (StatusCodes.Status422UnprocessableEntity, "Règle métier non respectée"),
        };
        return Results.Problem(
            title: title,
            detail: error.Message,
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["code"] = error.Code });
    }

    /// <summary>"HeadlineWeek.End" → "headlineWeek.end", "RegionalPeriods[0].RegionCode" → "regionalPeriods[0].regionCode", as the JSON spells them.</summary>
    public static string FieldName(string propertyPath)
    {
        ArgumentNullException.ThrowIfNull(propertyPath);
        return string.Join('.', propertyPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
    }

    public static IResult ToHttpResult<T>(this Result<T> result, Func<T, IResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(onSuccess);
        return result.IsSuccess ? onSuccess(result.Value) : result.Error!.ToProblem();
    }
}

/// <summary>
/// Turns validation failures and unreadable requests into 400 problem details with per-field French
/// messages, so bad input never surfaces as a 500.
/// </summary>
internal sealed class BadInputExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            ValidationException validation => new HttpValidationProblemDetails(
                validation.Errors
                    .GroupBy(f => ErrorResults.FieldName(f.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()))
            {
                Title = "La requête contient des erreurs.",
                Status = StatusCodes.Status400BadRequest,
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Title = "Requête illisible.",
                Detail = bad.InnerException is JsonException json
                    ? $"Le corps de la requête n'est pas un JSON valide pour cette opération ({json.Path ?? "racine"})."
                    : "La requête est mal formée.",
                Status = bad.StatusCode,
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}

/// <summary>
/// French titles for the problem details ASP.NET Core writes on its own from a bare status code (a 401 from
/// Identity's confirmEmail, a 404 or 405 from routing, through UseStatusCodePages), which otherwise carry the
/// English reason phrase (« Unauthorized »). A title the application chose is kept.
/// </summary>
internal static class FrenchProblemTitles
{
    private static readonly Dictionary<int, string> Titles = new()
    {
        [StatusCodes.Status400BadRequest] = "Requête incorrecte",
        [StatusCodes.Status401Unauthorized] = "Authentification requise",
        [StatusCodes.Status403Forbidden] = "Action non autorisée",
        [StatusCodes.Status404NotFound] = "Ressource introuvable",
        [StatusCodes.Status405MethodNotAllowed] = "Méthode non autorisée pour cette adresse",
        [StatusCodes.Status406NotAcceptable] = "Format de réponse non disponible",
        [StatusCodes.Status409Conflict] = "Conflit avec l'état actuel",
        [StatusCodes.Status413PayloadTooLarge] = "Requête trop volumineuse",
        [StatusCodes.Status414UriTooLong] = "Adresse trop longue",
        [StatusCodes.Status415UnsupportedMediaType] = "Type de contenu non pris en charge",
        [StatusCodes.Status422UnprocessableEntity] = "Règle métier non respectée",
        [StatusCodes.Status429TooManyRequests] = "Trop de demandes",
        [StatusCodes.Status500InternalServerError] = "Erreur interne du serveur",
        [StatusCodes.Status503ServiceUnavailable] = "Service indisponible",
    };

    /// <summary>The French title of a status code (the reason phrase for one not listed).</summary>
    public static string For(int status) =>
        Titles.TryGetValue(status, out var title) ? title : Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    public static void Apply(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (problem.Status is { } status && Titles.TryGetValue(status, out var title)
            && string.Equals(problem.Title, Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status), StringComparison.Ordinal))
        {
            problem.Title = title;
        }
    }
}
