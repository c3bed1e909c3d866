using System.Globalization;
using IndustryWeek.Shared.Domain;

namespace IndustryWeek.CommunicationKit.Domain;

internal enum DeliveryStatus
{
    Queued,
    Sent,

    /// <summary>The last attempt failed: <see cref="KitDelivery.WillRetry"/> says whether another one comes.</summary>
    Failed,

    /// <summary>Not sent because the label was withdrawn before it could be.</summary>
    Cancelled,
}

internal enum DeliveryReason
{
    /// <summary>The label was granted (or granted again): the kit and the good news.</summary>
    Granted,

    /// <summary>The labelled event's details changed: the rebuilt kit.</summary>
    Updated,

    /// <summary>The organiser or an administrator asked for it again.</summary>
    Resend,

    /// <summary>New dates lifted the label's suspension: the label is back, with its kit.</summary>
    Reinstated,
}

/// <summary>
/// One mail of a kit to its organiser, sent once however often its job runs: identified by the kit's
/// event and a key saying why (« label-v2 », « update-r7 », « resend-3 »).
/// </summary>
internal sealed class KitDelivery : IHasDomainEvents
{
    private readonly List<IDomainEvent> _domainEvents = [];

    private KitDelivery()
    {
    }

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    public void ClearDomainEvents() => _domainEvents.Clear();

    public Guid EventId { get; private set; }

    public string Key { get; private set; } = "";

    public DeliveryReason Reason { get; private set; }

    public int LabelVersion { get; private set; }

    public string LabelNumber { get; private set; } = "";

    public string RecipientEmail { get; private set; } = "";

    /// <summary>The moderator's comment on the grant this mail announces, if any.</summary>
    public string? Comment { get; private set; }

    /// <summary>Who asked for a resend (an e-mail address), null for automatic deliveries.</summary>
    public string? RequestedBy { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public bool WillRetry { get; private set; }

    public DateTime QueuedAtUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    /// <summary>When the status last changed.</summary>
    public DateTime UpdatedAtUtc { get; private set; }

    public static string GrantKey(int labelVersion) => string.Create(CultureInfo.InvariantCulture, $"label-v{labelVersion}");

    public static string UpdateKey(int revision) => string.Create(CultureInfo.InvariantCulture, $"update-r{revision}");

    public static string ResendKey(int number) => string.Create(CultureInfo.InvariantCulture, $"resend-{number}");

    public static KitDelivery Queue(Kit kit, string key, DeliveryReason reason, string? requestedBy, DateTime nowUtc, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(kit);
        var delivery = new KitDelivery
        {
            EventId = kit.EventId,
            Key = key,
            Reason = reason,
            LabelVersion = kit.LabelVersion,
            LabelNumber = kit.LabelNumber,
            RecipientEmail = kit.Organiser.Email,
            RequestedBy = requestedBy,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            Status = DeliveryStatus.Queued,
            QueuedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
        delivery.Changed();
        return delivery;
    }

    public void MarkSent(string recipientEmail, DateTime nowUtc)
    {
        Attempts++;
        RecipientEmail = recipientEmail;
        Status = DeliveryStatus.Sent;
        SentAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        LastError = null;
        WillRetry = false;
        Changed();
    }

    public void MarkFailed(string reason, bool willRetry, DateTime nowUtc)
    {
        Attempts++;
        Status = DeliveryStatus.Failed;
        UpdatedAtUtc = nowUtc;
        LastError = reason.Length > 2000 ? reason[..2000] : reason;
        WillRetry = willRetry;
        Changed();
    }

    public void Cancel(DateTime nowUtc)
    {
        Status = DeliveryStatus.Cancelled;
        UpdatedAtUtc = nowUtc;
        WillRetry = false;
        Changed();
    }

    private void Changed() => _domainEvents.Add(new KitDeliveryChangedDomainEvent(this));
}

internal sealed record KitDeliveryChangedDomainEvent(KitDelivery Delivery) : IDomainEvent;
