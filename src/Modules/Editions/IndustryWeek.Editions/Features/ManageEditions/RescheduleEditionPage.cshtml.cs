using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Security;
using MediatR;

namespace IndustryWeek.Editions.Features.ManageEditions;

internal sealed class RescheduleEditionPageModel(IMediator mediator) : EditionFormPageModel<RescheduleForm>(mediator)
{
    protected override string Done => "L'édition est reprogrammée.";

    protected override RescheduleForm FormFrom(EditionDto edition) => RescheduleForm.From(edition);

    protected override Task<Result<EditionDto>> SendAsync(Guid id, CancellationToken cancellationToken) =>
        Mediator.Send(Form.ToCommand(id, Actor.From(User).Email ?? "administrateur"), cancellationToken);
}
