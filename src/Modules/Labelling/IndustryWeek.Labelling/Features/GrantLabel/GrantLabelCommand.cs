using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Security;
using MediatR;

namespace IndustryWeek.Labelling.Features.GrantLabel;

internal sealed record GrantLabelCommand(Guid EventId, string? Comment, Actor Actor) : IRequest<Result<GrantLabelResult>>;

internal sealed record GrantLabelResult(string LabelNumber);
