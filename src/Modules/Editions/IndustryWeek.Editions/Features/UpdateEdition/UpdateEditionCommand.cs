using System.Text.Json.Serialization;
using IndustryWeek.Shared.Domain;
using MediatR;

namespace IndustryWeek.Editions.Features.UpdateEdition;

/// <summary>The body of PUT /api/editions/{id}; the id comes from the route.</summary>
internal sealed record UpdateEditionCommand : EditionFields, IRequest<Result<EditionDto>>
{
    [JsonIgnore]
    public Guid Id { get; init; }
}

internal sealed class UpdateEditionValidator : EditionFieldsValidator<UpdateEditionCommand>;
