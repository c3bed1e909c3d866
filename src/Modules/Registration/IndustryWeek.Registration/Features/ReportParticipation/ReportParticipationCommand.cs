using System.Text.Json.Serialization;
using FluentValidation;
using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Registration.Features.Events;
using IndustryWeek.Shared.Domain;
using MediatR;

namespace IndustryWeek.Registration.Features.ReportParticipation;

/// <summary>POST /api/events/{id}/participation `{participants, youngPeople?, jobSeekers?, teachers?}`, after the event.</summary>
internal sealed record ReportParticipationCommand : IRequest<Result<EventDto>>
{
    [JsonIgnore]
    public Guid EventId { get; init; }

    [JsonIgnore]
    public string UserId { get; init; } = "";

    [JsonIgnore]
    public string? UserEmail { get; init; }

    public int? Participants { get; init; }

    public int? YoungPeople { get; init; }

    public int? JobSeekers { get; init; }

    public int? Teachers { get; init; }
}

internal sealed class ReportParticipationValidator : AbstractValidator<ReportParticipationCommand>
{
    private const int Most = 1_000_000;

    public ReportParticipationValidator()
    {
        RuleFor(c => c.Participants).NotNull().WithMessage("Indiquez le nombre total de participants.")
            .InclusiveBetween(0, Most).WithMessage("Le nombre de participants est compris entre 0 et 1 000 000.");
        RuleFor(c => c.YoungPeople).InclusiveBetween(0, Most).WithMessage("Le nombre de jeunes est compris entre 0 et 1 000 000.")
            .LessThanOrEqualTo(c => c.Participants).When(c => c.Participants is not null).WithMessage("Le nombre de jeunes ne dépasse pas le nombre total de participants.");
        RuleFor(c => c.JobSeekers).InclusiveBetween(0, Most).WithMessage("Le nombre de demandeurs d'emploi est compris entre 0 et 1 000 000.")
            .LessThanOrEqualTo(c => c.Participants).When(c => c.Participants is not null).WithMessage("Le nombre de demandeurs d'emploi ne dépasse pas le nombre total de participants.");
        RuleFor(c => c.Teachers).InclusiveBetween(0, Most).WithMessage("Le nombre d'enseignants est compris entre 0 et 1 000 000.")
            .LessThanOrEqualTo(c => c.Participants).When(c => c.Participants is not null).WithMessage("Le nombre d'enseignants ne dépasse pas le nombre total de participants.");
    }
}

internal sealed class ReportParticipationCommandHandler(EventAccess access, TimeProvider time) : IRequestHandler<ReportParticipationCommand, Result<EventDto>>
{
    public async Task<Result<EventDto>> Handle(ReportParticipationCommand request, CancellationToken cancellationToken)
    {
        var found = await access.FindAsync(request.UserId, request.UserEmail, request.EventId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (reported, organiser) = found.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var result = reported.ReportParticipation(new ParticipationReport(request.Participants!.Value, request.YoungPeople, request.JobSeekers, request.Teachers, now), organiser);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        return await access.SaveAsync(cancellationToken) is { } conflict ? conflict : reported.ToDto(now);
    }
}
