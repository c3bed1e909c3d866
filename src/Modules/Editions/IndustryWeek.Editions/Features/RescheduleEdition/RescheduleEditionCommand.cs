using System.Text.Json.Serialization;
using FluentValidation;
using IndustryWeek.Shared.Domain;
using MediatR;

namespace IndustryWeek.Editions.Features.RescheduleEdition;

/// <summary>The body of POST /api/editions/{id}/reschedule: new dates and why (2020: « report lié au Covid-19 »).</summary>
internal sealed record RescheduleEditionCommand : IScheduleFields, IRequest<Result<EditionDto>>
{
    [JsonIgnore]
    public Guid Id { get; init; }

    [JsonIgnore]
    public string ChangedBy { get; init; } = "";

    public PeriodFields? HeadlineWeek { get; init; }

    public PeriodFields? EventPeriod { get; init; }

    public IReadOnlyList<RegionalPeriodFields>? RegionalPeriods { get; init; }

    public DateOnly? RegistrationCloses { get; init; }

    public string? Reason { get; init; }
}

internal sealed class RescheduleEditionValidator : AbstractValidator<RescheduleEditionCommand>
{
    public RescheduleEditionValidator()
    {
        Include(new ScheduleValidator<RescheduleEditionCommand>());
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Le motif de la reprogrammation est obligatoire.")
            .MaximumLength(1000).WithMessage("Le motif ne doit pas dépasser 1 000 caractères.");
    }
}
