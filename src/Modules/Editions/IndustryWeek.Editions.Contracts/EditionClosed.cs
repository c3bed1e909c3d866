using MediatR;

namespace IndustryWeek.Editions.Contracts;

/// <summary>The edition was closed (registration is over); carries the whole edition as it now is.</summary>
public sealed record EditionClosed : INotification
{
    public required EditionSnapshot Edition { get; init; }

    public required DateTime OccurredAtUtc { get; init; }
}
