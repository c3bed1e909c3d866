using FluentValidation;
using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Labelling.Persistence;
using IndustryWeek.Shared.Domain;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Labelling.Features.StockReasons;

internal sealed record StockReasonDto(Guid Id, string Text);

/// <summary>GET /api/labelling/stock-reasons: the list moderators pick refusal reasons from.</summary>
internal sealed record GetStockReasonsQuery : IRequest<IReadOnlyList<StockReasonDto>>;

/// <summary>POST /api/labelling/stock-reasons `{text}` (administrators).</summary>
internal sealed record AddStockReasonCommand(string? Text) : IRequest<Result<StockReasonDto>>;

/// <summary>DELETE /api/labelling/stock-reasons/{id} (administrators); refusals already given keep their words.</summary>
internal sealed record RemoveStockReasonCommand(Guid Id) : IRequest<Result<StockReasonDto>>;

internal sealed class AddStockReasonValidator : AbstractValidator<AddStockReasonCommand>
{
    public AddStockReasonValidator() =>
        RuleFor(c => c.Text).NotEmpty().WithMessage("Le motif est obligatoire.")
            .Length(10, 300).WithMessage("Un motif compte de 10 à 300 caractères.");
}

internal sealed class StockReasonHandlers(LabellingDbContext db, TimeProvider time) :
    IRequestHandler<GetStockReasonsQuery, IReadOnlyList<StockReasonDto>>,
    IRequestHandler<AddStockReasonCommand, Result<StockReasonDto>>,
    IRequestHandler<RemoveStockReasonCommand, Result<StockReasonDto>>
{
    public async Task<IReadOnlyList<StockReasonDto>> Handle(GetStockReasonsQuery request, CancellationToken cancellationToken) =>
        await db.StockReasons.OrderBy(r => r.CreatedAtUtc).ProjectToType<StockReasonDto>(LabellingMapping.Config).ToListAsync(cancellationToken);

    public async Task<Result<StockReasonDto>> Handle(AddStockReasonCommand request, CancellationToken cancellationToken)
    {
        var text = request.Text!.Trim();
        if (await db.StockReasons.AnyAsync(r => r.Text == text, cancellationToken))
        {
            return Error.Conflict("stock_reason.exists", "Ce motif existe déjà.");
        }

        var reason = StockReason.Create(text, time.GetUtcNow().UtcDateTime);
        db.StockReasons.Add(reason);
        await db.SaveChangesAsync(cancellationToken);
        return reason.Adapt<StockReasonDto>(LabellingMapping.Config);
    }

    public async Task<Result<StockReasonDto>> Handle(RemoveStockReasonCommand request, CancellationToken cancellationToken)
    {
        var reason = await db.StockReasons.FindAsync([request.Id], cancellationToken);
        if (reason is null)
        {
            return Error.NotFound("stock_reason.not_found", "Ce motif n'existe pas.");
        }

        db.StockReasons.Remove(reason);
        await db.SaveChangesAsync(cancellationToken);
        return reason.Adapt<StockReasonDto>(LabellingMapping.Config);
    }
}
