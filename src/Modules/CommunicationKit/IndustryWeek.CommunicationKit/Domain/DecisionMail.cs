using System.Globalization;

namespace IndustryWeek.CommunicationKit.Domain;

internal enum DecisionMailKind
{
    /// <summary>The submission reached the moderators: the criteria's automatic check and the decision's deadline.</summary>
    Received,
    ChangesRequested,
    Refused,
    Revoked,
    Suspended,
}

/// <summary>
/// One mail telling an organiser what became of their event (other than the kit's), sent once however
/// often its notification is handled or its job runs: identified, as a kit's delivery, by the event and a
/// key naming the notification (« refused-638… », « received-s2 »). Written when the notification is
/// handled, sent by its job.
/// </summary>
internal sealed class DecisionMail
{
    private DecisionMail()
    {
    }

    public Guid EventId { get; private set; }

    public string Key { get; private set; } = "";

    public DecisionMailKind Kind { get; private set; }

    public string RecipientEmail { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTime QueuedAtUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>A decision's key: its kind and the instant it was made (one decision of a kind per instant).</summary>
    public static string KeyFor(DecisionMailKind kind, DateTime decidedAtUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind.ToString().ToLowerInvariant()}-{decidedAtUtc.Ticks}");

    public static string ReceivedKey(int submissionNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"received-s{submissionNumber}");

    public static DecisionMail Queue(Guid eventId, string key, DecisionMailKind kind, string recipientEmail, string subject, string body, DateTime nowUtc) =>
        new()
        {
            EventId = eventId,
            Key = key,
            Kind = kind,
            RecipientEmail = recipientEmail,
            Subject = subject.Length > 300 ? subject[..300] : subject,
            Body = body,
            Status = DeliveryStatus.Queued,
            QueuedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };

    public void MarkSent(DateTime nowUtc)
    {
        Attempts++;
        Status = DeliveryStatus.Sent;
        SentAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        LastError = null;
    }

    public void MarkFailed(string reason, DateTime nowUtc)
    {
        Attempts++;
        Status = DeliveryStatus.Failed;
        UpdatedAtUtc = nowUtc;
        LastError = reason.Length > 2000 ? reason[..2000] : reason;
    }
}
