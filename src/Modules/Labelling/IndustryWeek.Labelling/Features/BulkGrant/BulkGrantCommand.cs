using FluentValidation;
using IndustryWeek.Labelling.Features.GrantLabel;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Security;
using MediatR;

namespace IndustryWeek.Labelling.Features.BulkGrant;

/// <summary>POST /api/labelling/applications/bulk-grant `{ids}`: a selection granted at once, each on its own, with its outcome.</summary>
internal sealed record BulkGrantCommand(IReadOnlyList<Guid>? Ids, Actor Actor) : IRequest<BulkGrantResult>;

/// <summary>`granted` with its label number, or `failed` with the reason in French.</summary>
internal sealed record BulkGrantOutcome(Guid Id, string Outcome, string? LabelNumber, string? Error);

internal sealed record BulkGrantResult(int Granted, int Failed, IReadOnlyList<BulkGrantOutcome> Items);

internal sealed class BulkGrantValidator : AbstractValidator<BulkGrantCommand>
{
    public const int Most = 500;

    public BulkGrantValidator()
    {
        RuleFor(c => c.Ids).NotEmpty().WithMessage("Sélectionnez au moins une demande.");
        RuleFor(c => c.Ids).Must(ids => ids!.Count <= Most).When(c => c.Ids is not null)
            .WithMessage($"Au plus {Most} demandes à la fois.");
    }
}

internal sealed class BulkGrantCommandHandler(IMediator mediator) : IRequestHandler<BulkGrantCommand, BulkGrantResult>
{
    public async Task<BulkGrantResult> Handle(BulkGrantCommand request, CancellationToken cancellationToken)
    {
        // One transaction per application: one failure (criteria, another region, already decided) does not stop the others.
        var outcomes = new List<BulkGrantOutcome>();
        foreach (var id in request.Ids!.Distinct())
        {
            var result = await mediator.Send(new GrantLabelCommand(id, null, request.Actor), cancellationToken);
            outcomes.Add(result.IsSuccess
                ? new BulkGrantOutcome(id, "granted", result.Value.LabelNumber, null)
                : new BulkGrantOutcome(id, "failed", null, result.Error!.Message));
        }

        return new BulkGrantResult(outcomes.Count(o => o.Outcome == "granted"), outcomes.Count(o => o.Outcome == "failed"), outcomes);
    }
}
