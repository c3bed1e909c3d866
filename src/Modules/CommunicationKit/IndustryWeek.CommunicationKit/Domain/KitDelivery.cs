using IndustryWeek.Shared.Domain;

namespace IndustryWeek.CommunicationKit.Domain;

internal enum DeliveryStatus
{
    Queued,
    Sent,
    Failed,
}

/// <summary>The delivery of one label version's kit to its organiser: sent once, however often its job runs.</summary>
internal sealed class KitDelivery : IHasDomainEvents
{
    private readonly List<IDomainEvent> _domainEvents = [];

    private KitDelivery()
    {
    }

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    public void ClearDomainEvents() => _domainEvents.Clear();

    public Guid EventId { get; private set; }

    public int LabelVersion { get; private set; }

    public string LabelNumber { get; private set; } = "";

    public string RecipientEmail { get; private set; } = "";

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTime QueuedAtUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    /// <summary>When the status last changed.</summary>
    public DateTime UpdatedAtUtc { get; private set; }

    public static KitDelivery Queue(Guid eventId, int labelVersion, string labelNumber, string recipientEmail, DateTime nowUtc)
    {
        var delivery = new KitDelivery
        {
            EventId = eventId,
            LabelVersion = labelVersion,
            LabelNumber = labelNumber,
            RecipientEmail = recipientEmail,
            Status = DeliveryStatus.Queued,
            QueuedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
        delivery._domainEvents.Add(new KitDeliveryChangedDomainEvent(delivery));
        return delivery;
    }

    public void MarkSent(DateTime nowUtc)
    {
        Attempts++;
        Status = DeliveryStatus.Sent;
        SentAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        LastError = null;
        _domainEvents.Add(new KitDeliveryChangedDomainEvent(this));
    }

    public void MarkFailed(string reason, DateTime nowUtc)
    {
        Attempts++;
        Status = DeliveryStatus.Failed;
        UpdatedAtUtc = nowUtc;
        LastError = reason.Length > 2000 ? reason[..2000] : reason;
        _domainEvents.Add(new KitDeliveryChangedDomainEvent(this));
    }
}

internal sealed record KitDeliveryChangedDomainEvent(KitDelivery Delivery) : IDomainEvent;
