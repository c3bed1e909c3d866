namespace IndustryWeek.Registration.Domain.Notices;

/// <summary>
/// A mail to an organiser, recorded with the change that causes it (same transaction) and sent by a
/// background job: a handler of another module's notification never sends mail inline.
/// </summary>
internal sealed class OrganiserNotice
{
    private OrganiserNotice()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>What caused it (« rescheduled:{edition}:{ticks} »): the job sends one batch.</summary>
    public string Batch { get; private set; } = "";

    public Guid? EventId { get; private set; }

    public string Recipient { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    /// <param name="id">
    /// A notice sent once whoever records it (the participation reminder) gets an id derived from what it
    /// is about: a second recording, by a job run at the same moment on another host, fails on the key.
    /// </param>
    public static OrganiserNotice Create(string batch, Guid? eventId, string recipient, string subject, string body, DateTime nowUtc, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        Batch = batch,
        EventId = eventId,
        Recipient = recipient,
        Subject = subject,
        Body = body,
        CreatedAtUtc = nowUtc,
    };

    public void MarkSent(DateTime nowUtc) => SentAtUtc = nowUtc;
}
