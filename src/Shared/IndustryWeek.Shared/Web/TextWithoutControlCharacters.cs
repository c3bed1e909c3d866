using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IndustryWeek.Shared.Web;

/// <summary>
/// Refuses a request whose query string, route values or path hold a control character (NUL, line breaks,
/// DEL…), before any endpoint or page reads it: PostgreSQL cannot hold a NUL in text (`?department=%00` was a 500
/// there), and no visitor types one in an address. The answer is a 400 problem details naming the parameter, in
/// French, written by <see cref="BadInputExceptionHandler"/> like every validation failure. JSON bodies get the
/// same protection from <see cref="TextWithoutNul"/>.
/// Invalid UTF-8 escapes (`%C3%28`, `%FF`) need nothing here: ASP.NET Core decodes them to U+FFFD or keeps them
/// as typed, which is text.
/// </summary>
public static class TextWithoutControlCharacters
{
    /// <summary>After the exception handler (which answers) and after routing (which sets the route values).</summary>
    public static IApplicationBuilder UseTextWithoutControlCharacters(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            var failures = Failures(context.Request).ToList();
            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }

            await next(context);
        });
    }

    internal static IEnumerable<ValidationFailure> Failures(HttpRequest request)
    {
        foreach (var (name, values) in request.Query)
        {
            if (HasControl(name) || values.Any(HasControl))
            {
                yield return Failure(name);
            }
        }

        var routed = false;
        foreach (var (name, value) in request.RouteValues)
        {
            if (value is string text && HasControl(text))
            {
                routed = true;
                yield return Failure(name);
            }
        }

        // A path that routed nowhere (a static file, a 404) still has no business holding one.
        if (!routed && HasControl(request.Path.Value))
        {
            yield return new ValidationFailure("chemin", "L'adresse contient un caractère de contrôle (NUL, saut de ligne…), refusé.");
        }
    }

    private static ValidationFailure Failure(string name)
    {
        var shown = new string([.. name.Select(c => char.IsControl(c) ? '\uFFFD' : c)]);
        return new ValidationFailure(shown, $"Le paramètre « {shown} » contient un caractère de contrôle (NUL, saut de ligne…), refusé.");
    }

    private static bool HasControl(string? text) => text is not null && text.Any(char.IsControl);
}
