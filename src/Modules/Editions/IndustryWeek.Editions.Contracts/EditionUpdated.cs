using MediatR;

namespace IndustryWeek.Editions.Contracts;

/// <summary>The edition was updated; carries the whole edition as it now is.</summary>
public sealed record EditionUpdated : INotification
{
    public required EditionSnapshot Edition { get; init; }

    public required DateTime OccurredAtUtc { get; init; }
}
