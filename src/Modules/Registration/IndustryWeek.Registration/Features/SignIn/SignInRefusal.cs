using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace IndustryWeek.Registration.Features.SignIn;

/// <summary>
/// What a refused sign-in says, on the /connexion page and in the API's problem details: the same words
/// whether the address has no account, the password is wrong, the account is locked (for a while, or by an administrator) or its address is not
/// confirmed yet, so that nobody can learn from signing in which addresses have an account.
/// </summary>
internal static class SignInRefusal
{
    public const string Title = "Adresse électronique ou mot de passe incorrect.";

    public const string Detail = "Vérifiez-les et réessayez. Après 5 essais infructueux, la connexion au compte est bloquée pendant 15 minutes ; "
        + "un compte verrouillé par un administrateur ne peut plus se connecter ; "
        + "une adresse pas encore confirmée doit d'abord l'être avec le lien reçu par courriel.";

    /// <summary>
    /// The API's answer (401, problem details), the same bytes at every refusal: without the « traceId » the
    /// problem details writer would add, which differs at every request (the X-Correlation-Id header names the request).
    /// </summary>
    public static IResult Problem() => TypedResults.Json(
        new ProblemDetails
        {
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
            Title = Title,
            Status = StatusCodes.Status401Unauthorized,
            Detail = Detail,
        },
        contentType: "application/problem+json",
        statusCode: StatusCodes.Status401Unauthorized);
}
