using IndustryWeek.Editions.Features.UpdateEdition;
using IndustryWeek.Shared.Domain;
using MediatR;

namespace IndustryWeek.Editions.Features.ManageEditions;

internal sealed class EditEditionPageModel(IMediator mediator) : EditionFormPageModel<EditionForm>(mediator)
{
    protected override EditionForm FormFrom(EditionDto edition) => EditionForm.From(edition);

    protected override Task<Result<EditionDto>> SendAsync(Guid id, CancellationToken cancellationToken) =>
        Mediator.Send(Form.ToCommand<UpdateEditionCommand>() with { Id = id }, cancellationToken);
}
