using MediatR;

namespace IndustryWeek.CommunicationKit.Contracts;

/// <summary>
/// A kit's mail changed: `Queued`, `Sent`, `Failed` with the reason (<see cref="WillRetry"/> says
/// whether it is retried) or `Cancelled` (the label was withdrawn first). The organiser sees it on the
/// event. A label version has its first mail (`Reason` Granted), then one per change of the event
/// (Updated) and per resend (Resend).
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

    /// <summary>Granted, Updated or Resend.</summary>
    public string Reason { get; init; } = "Granted";

    public bool WillRetry { get; init; }
}
