using IndustryWeek.CommunicationKit.Contracts;
using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.Shared.Domain;
using MediatR;

namespace IndustryWeek.CommunicationKit;

/// <summary>Which public notifications (CommunicationKit.Contracts) each domain event becomes in the outbox.</summary>
internal static class CommunicationKitNotifications
{
    public static IEnumerable<INotification> From(IDomainEvent domainEvent) => domainEvent switch
    {
        KitDeliveryChangedDomainEvent changed =>
        [
            new KitDeliveryUpdated
            {
                EventId = changed.Delivery.EventId,
                LabelVersion = changed.Delivery.LabelVersion,
                LabelNumber = changed.Delivery.LabelNumber,
                Status = changed.Delivery.Status.ToString(),
                Error = changed.Delivery.LastError,
                Attempts = changed.Delivery.Attempts,
                AtUtc = changed.Delivery.UpdatedAtUtc,
                Reason = changed.Delivery.Reason.ToString(),
                WillRetry = changed.Delivery.WillRetry,
            },
        ],
        _ => [],
    };
}
