using FluentValidation;
using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Labelling.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Labelling.Features.Decide;

internal enum DecisionAction
{
    Refuse,
    RequestChanges,
    Revoke,
}

/// <summary>POST /api/labelling/applications/{id}/refuse `{reason}`, /request-changes `{comment}`, /revoke `{reason}`.</summary>
internal sealed record DecideCommand(Guid EventId, DecisionAction Action, string? Text, Actor Actor) : IRequest<Result<DecisionResult>>;

internal sealed record DecisionResult(string Status, string Message);

internal sealed class DecideValidator : AbstractValidator<DecideCommand>
{
    public const int MaxText = 2000;

    public DecideValidator()
    {
        // The API's field: `comment` when asking for changes, `reason` otherwise.
        When(c => c.Action != DecisionAction.RequestChanges, () =>
            RuleFor(c => c.Text).NotEmpty().WithMessage("Le motif est obligatoire : l'organisateur le lira.")
                .MaximumLength(MaxText).WithMessage("Le texte ne dépasse pas 2 000 caractères.")
                .OverridePropertyName("Reason"));
        When(c => c.Action == DecisionAction.RequestChanges, () =>
            RuleFor(c => c.Text).NotEmpty().WithMessage("Dites à l'organisateur ce qu'il doit modifier.")
                .MaximumLength(MaxText).WithMessage("Le texte ne dépasse pas 2 000 caractères.")
                .OverridePropertyName("Comment"));
    }
}

internal sealed class DecideCommandHandler(LabellingDbContext db, TimeProvider time) : IRequestHandler<DecideCommand, Result<DecisionResult>>
{
    public async Task<Result<DecisionResult>> Handle(DecideCommand request, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == request.EventId, cancellationToken);
        if (application is null)
        {
            return ApplicationAccess.NotFound;
        }

        if (!request.Actor.CanModerate(application.RegionCode))
        {
            return ApplicationAccess.OtherRegion;
        }

        var by = request.Actor.Email ?? request.Actor.UserId;
        var now = time.GetUtcNow().UtcDateTime;
        var text = request.Text!.Trim();
        var result = request.Action switch
        {
            DecisionAction.Refuse => application.Refuse(text, by, now),
            DecisionAction.RequestChanges => application.RequestChanges(text, by, now),
            _ => application.Revoke(text, by, now),
        };
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApplicationAccess.DecidedMeanwhile;
        }

        return new DecisionResult(application.Status.ToString(), LabellingApplication.StatusNames[application.Status]);
    }
}

/// <summary>The answers every decision shares.</summary>
internal static class ApplicationAccess
{
    public static readonly Error NotFound = Error.NotFound("application.not_found", "Aucune demande de labellisation pour cet événement.");

    public static readonly Error OtherRegion = Error.Forbidden("application.other_region", "Cette demande relève d'une région que vous ne modérez pas.");

    public static readonly Error DecidedMeanwhile = Error.Conflict("application.concurrent_decision", "Un autre modérateur vient de décider de cette demande : rechargez-la.");
}
