using MediatR;

namespace IndustryWeek.Editions.Contracts;

/// <summary>The edition was published; carries the whole edition as it now is.</summary>
public sealed record EditionPublished : INotification
{
    public required EditionSnapshot Edition { get; init; }

    public required DateTime OccurredAtUtc { get; init; }
}
