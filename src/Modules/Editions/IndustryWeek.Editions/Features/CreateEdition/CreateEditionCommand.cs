using IndustryWeek.Shared.Domain;
using MediatR;

namespace IndustryWeek.Editions.Features.CreateEdition;

/// <summary>The body of POST /api/editions: a new edition, as a draft.</summary>
internal sealed record CreateEditionCommand : EditionFields, IRequest<Result<EditionDto>>;

internal sealed class CreateEditionValidator : EditionFieldsValidator<CreateEditionCommand>;
