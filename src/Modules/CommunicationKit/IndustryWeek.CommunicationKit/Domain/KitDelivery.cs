namespace IndustryWeek.CommunicationKit.Domain;

internal enum DeliveryStatus
{
    Queued,
    Sent,
    Failed,
}

/// <summary>The delivery of one label version's kit to its organiser: sent once, however often its job runs.</summary>
internal sealed class KitDelivery
{
    private KitDelivery()
    {
    }

    public Guid EventId { get; private set; }

    public int LabelVersion { get; private set; }

    public string LabelNumber { get; private set; } = "";

    public string RecipientEmail { get; private set; } = "";

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTime QueuedAtUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    public static KitDelivery Queue(Guid eventId, int labelVersion, string labelNumber, string recipientEmail, DateTime nowUtc) => new()
    {
        EventId = eventId,
        LabelVersion = labelVersion,
        LabelNumber = labelNumber,
        RecipientEmail = recipientEmail,
        Status = DeliveryStatus.Queued,
        QueuedAtUtc = nowUtc,
    };

    public void MarkSent(DateTime nowUtc)
    {
        Attempts++;
        Status = DeliveryStatus.Sent;
        SentAtUtc = nowUtc;
        LastError = null;
    }

    public void MarkFailed(string reason)
    {
        Attempts++;
        Status = DeliveryStatus.Failed;
        LastError = reason.Length > 2000 ? reason[..2000] : reason;
    }
}
