using MediatR;

namespace IndustryWeek.Editions.Contracts;

/// <summary>
/// The edition's dates moved (2020: from 30 March – 5 April to 16 – 22 November). Subscribers compare
/// <see cref="PreviousSchedule"/> with the edition's new schedule (events now outside it, deadlines).
/// </summary>
public sealed record EditionRescheduled : INotification
{
    public required EditionSnapshot Edition { get; init; }

    public required EditionSchedule PreviousSchedule { get; init; }

    public required string Reason { get; init; }

    public required DateTime OccurredAtUtc { get; init; }
}
