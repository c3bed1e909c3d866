using FluentValidation;
using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Registration.Domain.Places;
using IndustryWeek.Registration.Features.CreateEvent;
using IndustryWeek.Registration.Features.Events;
using IndustryWeek.Registration.Features.SubmitEvent;
using IndustryWeek.Registration.Features.UpdateEvent;
using IndustryWeek.Registration.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Persistence;
using IndustryWeek.Shared.Time;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Registration.Features.ImportEvents;

/// <summary>POST /api/events/import and the page /mon-espace/import: a CSV file, one event a row (<see cref="EventCsv"/>).</summary>
/// <param name="DryRun">Every row checked as it would be imported, nothing kept.</param>
/// <param name="Submit">Every row submitted to the label once saved (a draft otherwise).</param>
internal sealed record ImportEventsCommand(string UserId, string? UserEmail, byte[] File, bool DryRun, bool Submit) : IRequest<Result<ImportReport>>;

/// <summary>API.md: {rows: [{row, externalId?, outcome: created|updated|error, eventId?, errors?}], created, updated, failed}.</summary>
internal sealed record ImportReport(IReadOnlyList<ImportRowReport> Rows, int Created, int Updated, int Failed, bool DryRun);

/// <param name="EventId">The event saved; in a dry run, only for an update (a created one does not exist).</param>
/// <param name="Errors">By column (the event API's field names: « sessions[0].start »), « row » for the row as a whole.</param>
internal sealed record ImportRowReport(int Row, string? ExternalId, string Outcome, Guid? EventId, IReadOnlyDictionary<string, string[]>? Errors)
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Error = "error";
    public const string RowKey = "row";
}

/// <summary>
/// Each row goes through the event API's own commands (create, or update when its externalId is already the
/// organisation's in this edition; then submit), with their validation, in a scope and a transaction of its
/// own: a bad row is rolled back whole and never stops the others; a dry run rolls every row back.
/// </summary>
internal sealed class ImportEventsCommandHandler(EventAccess access, CommuneDirectory communes, IServiceScopeFactory scopes, TimeProvider time)
    : IRequestHandler<ImportEventsCommand, Result<ImportReport>>
{
    public async Task<Result<ImportReport>> Handle(ImportEventsCommand request, CancellationToken cancellationToken)
    {
        var organiser = await access.OrganiserAsync(request.UserId, request.UserEmail, cancellationToken);
        if (organiser is null)
        {
            return EventAccess.NoOrganisation;
        }

        var edition = await access.CurrentEditionAsync(time.TodayInParis(), cancellationToken);
        if (edition is null || !edition.AcceptsEvents)
        {
            return Error.BusinessRule("event.no_edition", "Aucune édition de la Semaine de l'industrie n'accepte d'événements pour l'instant.");
        }

        var rows = EventCsv.Read(request.File, communes);
        var reports = new List<ImportRowReport>(rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.ExternalId is { } reference && !seen.TryAdd(reference, row.Row))
            {
                reports.Add(Failed(row, new Dictionary<string, string[]>
                {
                    [EventCsv.ExternalId] = [$"La référence « {EventFieldsValidator.Shorten(reference)} » est déjà celle de la ligne {seen[reference]} de ce fichier."],
                }));
                continue;
            }

            reports.Add(await ImportAsync(row, request, organiser.OrganisationId, edition.Id, cancellationToken));
        }

        return new ImportReport(reports, reports.Count(r => r.Outcome == ImportRowReport.Created), reports.Count(r => r.Outcome == ImportRowReport.Updated),
            reports.Count(r => r.Outcome == ImportRowReport.Error), request.DryRun);
    }

    private async Task<ImportRowReport> ImportAsync(ImportedRow row, ImportEventsCommand request, Guid organisationId, Guid editionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var create = Fields(new CreateEventCommand { UserId = request.UserId, UserEmail = request.UserEmail, EditionId = editionId, ExternalId = row.ExternalId }, row.Fields);
        if (row.CellErrors.Count > 0)
        {
            // Cells that could not be read are left empty for the validator: its other messages still help, but not
            // its « required » for a cell the row did fill.
            var validation = await services.GetRequiredService<IValidator<CreateEventCommand>>().ValidateAsync(create, cancellationToken);
            var errors = row.CellErrors.ToDictionary(e => e.Key, e => new[] { e.Value }, StringComparer.Ordinal);
            foreach (var field in validation.Errors.GroupBy(f => ErrorResults.FieldName(f.PropertyName)).Where(g => !errors.ContainsKey(g.Key)))
            {
                errors[field.Key] = [.. field.Select(f => f.ErrorMessage).Distinct()];
            }

            return Failed(row, errors);
        }

        var db = services.GetRequiredService<RegistrationDbContext>();
        var mediator = services.GetRequiredService<IMediator>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var existing = row.ExternalId is null
                ? null
                : await db.Events.Where(e => e.OrganisationId == organisationId && e.EditionId == editionId && e.ExternalId == row.ExternalId)
                    .Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
            var saved = existing is { } id
                ? await mediator.Send(Fields(new UpdateEventCommand { EventId = id, UserId = request.UserId, UserEmail = request.UserEmail }, row.Fields), cancellationToken)
                : await mediator.Send(create, cancellationToken);
            if (saved.IsSuccess && request.Submit && saved.Value.Status is nameof(EventStatus.Draft) or nameof(EventStatus.ChangesRequested))
            {
                saved = await mediator.Send(new SubmitEventCommand(saved.Value.Id, request.UserId, request.UserEmail), cancellationToken);
            }

            if (!saved.IsSuccess)
            {
                await transaction.RollbackAsync(cancellationToken);
                return Failed(row, new Dictionary<string, string[]> { [ImportRowReport.RowKey] = [saved.Error!.Message] });
            }

            if (request.DryRun)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
            else
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return existing is null
                ? new ImportRowReport(row.Row, row.ExternalId, ImportRowReport.Created, request.DryRun ? null : saved.Value.Id, null)
                : new ImportRowReport(row.Row, row.ExternalId, ImportRowReport.Updated, saved.Value.Id, null);
        }
        catch (ValidationException e)
        {
            await transaction.RollbackAsync(cancellationToken);
            return Failed(row, e.Errors.GroupBy(f => ErrorResults.FieldName(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal));
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            await transaction.RollbackAsync(cancellationToken);
            return Failed(row, new Dictionary<string, string[]>
            {
                [EventCsv.ExternalId] = ["Une autre importation vient d'enregistrer un événement de cette référence : importez ce fichier à nouveau pour le mettre à jour."],
            });
        }
    }

    /// <summary>The row's fields on the event API's command (its own properties, such as who acts, kept).</summary>
    private static TCommand Fields<TCommand>(TCommand command, EventFields fields)
        where TCommand : EventFields =>
        (TCommand)((EventFields)command with
        {
            Title = fields.Title,
            Description = fields.Description,
            Format = fields.Format,
            Audiences = fields.Audiences,
            Sectors = fields.Sectors,
            Topics = fields.Topics,
            Sessions = fields.Sessions,
            Location = fields.Location,
            IsFree = fields.IsFree,
            Booking = fields.Booking,
            PublicContact = fields.PublicContact,
            Accessible = fields.Accessible,
            AboutIndustry = fields.AboutIndustry,
        });

    private static ImportRowReport Failed(ImportedRow row, IReadOnlyDictionary<string, string[]> errors) =>
        new(row.Row, row.ExternalId, ImportRowReport.Error, null, errors);
}
