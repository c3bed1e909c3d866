using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.Shared.Web;

namespace IndustryWeek.CommunicationKit.Features.Kits;

/// <summary>One mail of a kit: why, to whom, and where it stands (`Queued`, `Sent`, `Failed` with `error` and `willRetry`, `Cancelled`).</summary>
internal sealed record KitDeliveryDto(
    Guid EventId,
    string Key,
    [property: ApiValues(typeof(DeliveryReason))] string Reason,
    int LabelVersion,
    string LabelNumber,
    string RecipientEmail,
    string? RequestedBy,
    [property: ApiValues(typeof(DeliveryStatus))] string Status,
    int Attempts,
    string? Error,
    bool WillRetry,
    DateTime QueuedAtUtc,
    DateTime? SentAtUtc,
    DateTime UpdatedAtUtc);

/// <summary>An event's kit: its label, whether it can be downloaded, and its mails, newest first.</summary>
internal sealed record KitDto(
    Guid EventId,
    string Title,
    string OrganisationName,
    string LabelNumber,
    int LabelVersion,
    [property: ApiValues(typeof(KitState))] string State,
    string? WithdrawnReason,
    bool Downloadable,
    DateTime? NextResendAtUtc,
    IReadOnlyList<KitDeliveryDto> Deliveries);
