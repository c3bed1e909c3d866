using System.Globalization;
using System.Text;
using System.Threading.RateLimiting;
using IndustryWeek.Registration.Features.ChangeEmail;
using IndustryWeek.Registration.Features.RegisterOrganiser;
using IndustryWeek.Registration.Features.ResendConfirmation;
using IndustryWeek.Registration.Features.SignIn;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Registration.Features.Accounts;

/// <summary>
/// The account endpoints of API.md (ASP.NET Core Identity's, under /api/identity): a self-registered
/// account is an organiser's, and sign-in, registration and password reset are rate-limited per address. Registration,
/// the resending of a confirmation link and a change of address run the same commands as the pages.
/// </summary>
internal static class AccountEndpoints
{
    public const string RateLimitPolicy = "accounts";

    public static void AddAccountRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimits:Accounts:PermitLimit", 10);
        var window = configuration.GetValue("RateLimits:Accounts:Window", TimeSpan.FromMinutes(1));
        services.AddRateLimiter(o =>
        {
            // Per client address and per endpoint: ten sign-in attempts a minute do not block registering.
            // Only attempts count: showing the sign-in or registration form again is not one.
            o.AddPolicy(RateLimitPolicy, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("reads")
                : RateLimitPartition.GetFixedWindowLimiter(
                    $"{http.Connection.RemoteIpAddress}|{http.Request.Path}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                // A person reads the site's « Trop de requêtes » page (ErrorAnswers, from the bare status); a program reads problem details.
                if (!ErrorAnswers.IsPerson(http))
                {
                    await Results.Problem(title: TooManyAttempts, detail: TooManyAttemptsDetail, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
                }
            };
        });
    }

    private const string TooManyAttempts = "Trop de tentatives";
    private const string TooManyAttemptsDetail = "Trop de tentatives depuis votre connexion : réessayez dans une minute.";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/identity")
            .WithTags("Comptes")
            .RequireRateLimiting(RateLimitPolicy)
            .MapIdentityApi<IdentityUser>()
            .AddEndpointFilter(async (context, next) =>
            {
                // Identity's request records take an explicit JSON null where a text is required, and then throw (a 500).
                if (MissingFields(context.Arguments) is { Count: > 0 } missing)
                {
                    return Results.ValidationProblem(missing, title: "La requête contient des erreurs.");
                }

                // One way to register: the API's /register runs the same command as the /inscription page.
                if (context.HttpContext.Request.Path.Value?.EndsWith("/register", StringComparison.OrdinalIgnoreCase) == true
                    && context.Arguments.OfType<RegisterRequest>().FirstOrDefault() is { } registration)
                {
                    var mediator = context.HttpContext.RequestServices.GetRequiredService<IMediator>();
                    var registered = await mediator.Send(new RegisterOrganiserCommand(registration.Email, registration.Password), context.HttpContext.RequestAborted);
                    return registered.ToHttpResult(_ => Results.Ok());
                }

                // Identity's own confirmation endpoint, given a change-of-address link's parameters, makes the change as
                // the page does (with the organisation's members and the moderators' copies), not in two writes of its own.
                if (context.HttpContext.Request.Path.Value?.EndsWith("/confirmEmail", StringComparison.OrdinalIgnoreCase) == true
                    && context.HttpContext.Request.Query["changedEmail"] is { Count: > 0 } changedEmail)
                {
                    var query = context.HttpContext.Request.Query;
                    var mediator = context.HttpContext.RequestServices.GetRequiredService<IMediator>();
                    var changed = await mediator.Send(new ConfirmEmailChangeCommand(query["userId"], query["code"], changedEmail), context.HttpContext.RequestAborted);
                    return changed.IsSuccess ? Results.Text($"Votre adresse est changée : {changed.Value}.") : Results.Unauthorized();
                }

                // One way to ask for a new confirmation link: only an unconfirmed account gets one, as from the page.
                if (context.Arguments.OfType<ResendConfirmationEmailRequest>().FirstOrDefault() is { } resend)
                {
                    var mediator = context.HttpContext.RequestServices.GetRequiredService<IMediator>();
                    var resent = await mediator.Send(new ResendConfirmationCommand(resend.Email), context.HttpContext.RequestAborted);
                    return resent.ToHttpResult(_ => Results.Ok());
                }

                // One way to change one's address: the current password, an address no other account has, the link to the new
                // address and a notice to the current one, as from the /mon-compte page; Identity then answers the account's info.
                if (context.Arguments.OfType<InfoRequest>().FirstOrDefault() is { NewEmail.Length: > 0 } info
                    && await EmailChangeAsync(context, info) is { } refused)
                {
                    return refused;
                }

                var answer = await next(context);

                // Identity refuses a sign-in with its reason in English (« Failed », « LockedOut », « NotAllowed »):
                // one French answer instead, which does not tell an unknown address from a wrong password or a locked account.
                if (context.HttpContext.Request.Path.Value?.EndsWith("/login", StringComparison.OrdinalIgnoreCase) == true
                    && Unwrapped(answer) is IStatusCodeHttpResult { StatusCode: StatusCodes.Status401Unauthorized })
                {
                    return SignInRefusal.Problem();
                }

                return InFrench(answer);
            });

    /// <summary>
    /// Sends the change of address of an /api/identity/manage/info request, and takes it out of the request so that
    /// Identity does not send its own link: null when Identity may go on (the account's info), else the refusal.
    /// </summary>
    private static async Task<IResult?> EmailChangeAsync(EndpointFilterInvocationContext context, InfoRequest info)
    {
        var services = context.HttpContext.RequestServices;
        var users = services.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.GetUserAsync(context.HttpContext.User) is not { } user)
        {
            return null; // Identity answers 404 itself
        }

        var index = context.Arguments.IndexOf(info);
        if (string.Equals(users.NormalizeEmail(info.NewEmail), user.NormalizedEmail, StringComparison.Ordinal))
        {
            context.Arguments[index] = new InfoRequest { NewPassword = info.NewPassword, OldPassword = info.OldPassword };
            return null; // the address the account has: nothing to change, as Identity does
        }

        if (!string.IsNullOrEmpty(info.NewPassword))
        {
            // A new password changes the security stamp, which would make the link of the change useless at once.
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["newPassword"] = ["Changez d'abord l'adresse, puis le mot de passe, en deux requêtes."] },
                title: "La requête contient des erreurs.");
        }

        try
        {
            var requested = await services.GetRequiredService<IMediator>().Send(new RequestEmailChangeCommand(user.Id, info.NewEmail, info.OldPassword), context.HttpContext.RequestAborted);
            if (!requested.IsSuccess)
            {
                return requested.ToHttpResult(_ => Results.Ok());
            }
        }
        catch (FluentValidation.ValidationException e)
        {
            return Results.ValidationProblem(
                e.Errors.GroupBy(f => f.PropertyName == nameof(RequestEmailChangeCommand.CurrentPassword) ? "oldPassword" : "newEmail")
                    .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()),
                title: "La requête contient des erreurs.");
        }

        context.Arguments[index] = new InfoRequest { OldPassword = info.OldPassword };
        return null;
    }

    /// <summary>The messages Identity's endpoints write themselves (in English), by their code, in French.</summary>
    private static readonly Dictionary<string, string> FrenchMessages = new(StringComparer.Ordinal)
    {
        ["RequiresTwoFactor"] = "Aucun code de double authentification n'a été donné : il en faut un valide pour activer la double authentification.",
        ["InvalidTwoFactorCode"] = "Ce code de double authentification n'est pas valide.",
        ["OldPasswordRequired"] = "L'ancien mot de passe est obligatoire pour en choisir un nouveau ; s'il est oublié, réinitialisez-le.",
    };

    private static object? Unwrapped(object? result) => result is INestedHttpResult nested ? nested.Result : result;

    private static object? InFrench(object? result)
    {
        var inner = Unwrapped(result);
        if (inner is Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult { ResponseContent: "Thank you for confirming your email." })
        {
            return TypedResults.Text("Votre adresse électronique est confirmée : vous pouvez vous connecter.", "text/plain", Encoding.UTF8);
        }

        if (inner is not Microsoft.AspNetCore.Http.HttpResults.ValidationProblem { ProblemDetails: { } problem })
        {
            return result;
        }

        var errors = problem.Errors.ToDictionary(e => e.Key, e => FrenchMessages.TryGetValue(e.Key, out var french) ? [french] : e.Value, StringComparer.Ordinal);
        return TypedResults.ValidationProblem(errors, title: "La requête contient des erreurs.");
    }

    /// <summary>The fields of Identity's requests sent as null, with their French message.</summary>
    private static Dictionary<string, string[]> MissingFields(IList<object?> arguments)
    {
        const string Email = "L'adresse électronique est obligatoire.";
        const string Password = "Le mot de passe est obligatoire.";
        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Check(string? value, string field, string message)
        {
            if (value is null)
            {
                missing[field] = [message];
            }
        }

        foreach (var argument in arguments)
        {
            switch (argument)
            {
                case LoginRequest login:
                    Check(login.Email, "email", Email);
                    Check(login.Password, "password", Password);
                    break;
                case RegisterRequest register:
                    Check(register.Email, "email", Email);
                    Check(register.Password, "password", Password);
                    break;
                case ForgotPasswordRequest forgot:
                    Check(forgot.Email, "email", Email);
                    break;
                case ResendConfirmationEmailRequest resend:
                    Check(resend.Email, "email", Email);
                    break;
                case ResetPasswordRequest reset:
                    Check(reset.Email, "email", Email);
                    Check(reset.ResetCode, "resetCode", "Le code de réinitialisation est obligatoire.");
                    Check(reset.NewPassword, "newPassword", "Le nouveau mot de passe est obligatoire.");
                    break;
                case RefreshRequest refresh:
                    Check(refresh.RefreshToken, "refreshToken", "Le jeton de renouvellement est obligatoire.");
                    break;
            }
        }

        return missing;
    }
}
