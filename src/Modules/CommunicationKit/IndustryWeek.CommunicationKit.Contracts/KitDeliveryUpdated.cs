using MediatR;

namespace IndustryWeek.CommunicationKit.Contracts;

/// <summary>
/// A kit's delivery changed: `Queued`, `Sent`, or `Failed` with the reason (it is retried). The
/// organiser sees it on the event; one delivery per label version.
/// </summary>
public sealed record KitDeliveryUpdated : INotification
{
    public required Guid EventId { get; init; }

    public required int LabelVersion { get; init; }

    public required string LabelNumber { get; init; }

    public required string Status { get; init; }

    public string? Error { get; init; }

    public required int Attempts { get; init; }

    public required DateTime AtUtc { get; init; }
}
