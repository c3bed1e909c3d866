using System.Security.Claims;
using IndustryWeek.Registration.Features.Events;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Time;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace IndustryWeek.Registration.Features.ImportEvents;

/// <summary>API.md « Partners and open data »: the bulk import of events from a CSV file, and its template.</summary>
internal static class ImportEventsEndpoints
{
    public const string TemplatePath = "/api/events/import/template.csv";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // The file is read by hand (not bound as IFormFile): no antiforgery metadata on an API called with a bearer
        // token (the session cookie is SameSite=Lax, never sent by another site's form), and French answers for a
        // request that is not a form (no Accepts metadata: routing's own 415 would say nothing of what to send), or too
        // big, before anything is buffered.
        endpoints.MapPost("/api/events/import", async (HttpRequest http, bool? dryRun, bool? submit, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var (file, refusal) = await ReadFileAsync(http, ct);
                if (refusal is not null)
                {
                    return refusal;
                }

                var actor = Actor.From(user);
                return (await mediator.Send(new ImportEventsCommand(actor.UserId, actor.Email, file!, dryRun ?? false, submit ?? false), ct)).ToHttpResult(Results.Ok);
            })
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Organiser))
            .WithTags("Événements").WithName("ImportEvents")
            .WithSummary("Importe des événements d'un fichier CSV (champ « file ») : un brouillon par ligne, ou soumis avec submit=true ; dryRun=true vérifie sans rien enregistrer.")
            .WithFileUpload("file", "Le fichier CSV des événements (UTF-8, une ligne par événement, colonnes du modèle GET /api/events/import/template.csv).")
            .Produces<ImportReport>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        endpoints.MapGet(TemplatePath, async (IMediator mediator, TimeProvider time, CancellationToken ct) =>
                Results.File(EventCsv.Template(await mediator.Send(new GetEventEditionQuery(), ct), time.TodayInParis()), "text/csv; charset=utf-8", "modele-import-evenements.csv"))
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Organiser))
            .WithTags("Événements").WithName("GetImportTemplate")
            .WithSummary("Le modèle CSV de l'import : la ligne d'en-tête et deux exemples que l'édition en cours accepte.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
    }

    /// <summary>The CSV of a multipart request's « file » field, or the French problem that refuses the request.</summary>
    private static async Task<(byte[]? File, IResult? Refusal)> ReadFileAsync(HttpRequest http, CancellationToken ct)
    {
        if (!http.HasFormContentType || !(http.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Type de contenu non pris en charge",
                detail: "Envoyez le fichier CSV dans un formulaire multipart/form-data, champ « file »."));
        }

        // A form's envelope around the file (boundaries, headers) is small: anything much bigger is refused unread.
        const long Envelope = 64 * 1024;
        if (http.ContentLength > EventCsv.MaxBytes + Envelope)
        {
            return (null, TooLarge());
        }

        if (http.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = EventCsv.MaxBytes + Envelope;
        }

        IFormCollection form;
        try
        {
            form = await http.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = EventCsv.MaxBytes + Envelope }, ct);
        }
        catch (InvalidDataException)
        {
            return (null, TooLarge());
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }

        var file = form.Files.GetFile("file");
        if (ImportFile.Refusal(file) is { } refusal)
        {
            return (null, refusal.TooLarge
                ? TooLarge()
                : Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [refusal.Message] }, title: "La requête contient des erreurs."));
        }

        return (await ImportFile.ReadAsync(file!, ct), null);
    }

    private static IResult TooLarge() =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Fichier trop volumineux", detail: ImportFile.TooLargeMessage);
}
