using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Map.Domain;

/// <summary>Why an event left the map.</summary>
internal enum RemovalReason
{
    /// <summary>A moderator revoked the label; a later grant brings it back.</summary>
    Revoked,

    /// <summary>A rescheduling made the event ineligible; a later grant (reinstatement) brings it back.</summary>
    Suspended,

    /// <summary>The organiser cancelled the labelled event: final.</summary>
    Cancelled,

    /// <summary>The organiser withdrew the event: final.</summary>
    Withdrawn,
}

/// <summary>The edition an event belongs to (its year is 0 when the notification does not carry it).</summary>
internal readonly record struct EventEdition(Guid Id, int Year);

/// <summary>
/// What the map has learnt about one event from other modules' notifications, recorded as they arrive
/// (handled twice or out of order, the newest facts win): the latest label, the latest description and
/// whether the event was removed. The publication job turns it into the public <see cref="Pin"/>.
/// </summary>
/// <remarks>
/// Notifications come from two outboxes (Labelling's and Registration's), so their order between the
/// two is not guaranteed. The rules that make any order end in the same state:
/// a label version is applied once, the highest wins; a description is taken from a grant or from a
/// change of the labelled event, whichever happened last (their instants); a change of the event never
/// lists it by itself (only a grant does); a revocation or suspension removes the event until a grant
/// decided after it; a cancellation or withdrawal removes it for good.
/// </remarks>
internal sealed class EventRecord
{
    private EventRecord()
    {
    }

    public Guid EventId { get; private set; }

    public Guid EditionId { get; private set; }

    public int EditionYear { get; private set; }

    /// <summary>The highest label version applied; 0 while no grant has been seen.</summary>
    public int LabelVersion { get; private set; }

    public string? LabelNumber { get; private set; }

    public DateTime? GrantedAtUtc { get; private set; }

    /// <summary>The event as last described (by a grant or by a change of the labelled event); null until then.</summary>
    public EventDescription? Event { get; private set; }

    public string? OrganisationName { get; private set; }

    /// <summary>When the description was true: the grant's or the change's instant.</summary>
    public DateTime? DescribedAtUtc { get; private set; }

    /// <summary>The highest Registration revision of the event applied (0: none).</summary>
    public int EventRevision { get; private set; }

    public DateTime? RemovedAtUtc { get; private set; }

    public RemovalReason? RemovalReason { get; private set; }

    /// <summary>Cancelled or withdrawn: never listed again.</summary>
    public bool RemovedForGood { get; private set; }

    /// <summary>Grows with every recorded change: the pin remembers the version it shows. Also the concurrency token.</summary>
    public int Version { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>Whether the public should see the event (visibility dates of its edition aside).</summary>
    public bool Listed =>
        Event is not null
        && LabelVersion > 0
        && !RemovedForGood
        && GrantedAtUtc is { } granted
        && (RemovedAtUtc is not { } removed || granted > removed);

    public static EventRecord New(Guid eventId, EventEdition edition, DateTime nowUtc) =>
        new() { EventId = eventId, EditionId = edition.Id, EditionYear = edition.Year, UpdatedAtUtc = nowUtc };

    /// <summary>
    /// A pin published before the map recorded events (its first schema): it was granted when it was
    /// published, with the details it shows.
    /// </summary>
    public static EventRecord FromPin(Pin pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        return new EventRecord
        {
            EventId = pin.EventId,
            EditionId = pin.EditionId,
            EditionYear = pin.EditionYear,
            LabelVersion = pin.LabelVersion,
            LabelNumber = pin.LabelNumber,
            GrantedAtUtc = pin.PublishedAtUtc,
            Event = pin.ToDescription(),
            OrganisationName = pin.OrganisationName,
            DescribedAtUtc = pin.PublishedAtUtc,
            Version = pin.RecordVersion,
            UpdatedAtUtc = pin.PublishedAtUtc,
        };
    }

    /// <summary>A label version was granted. Returns false for a version already applied (or older).</summary>
    public bool Grant(EventEdition edition, int labelVersion, string labelNumber, EventDescription description, string organisationName, DateTime grantedAtUtc, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(description);
        if (labelVersion <= LabelVersion)
        {
            return false;
        }

        (EditionId, EditionYear) = (edition.Id, edition.Year);
        LabelVersion = labelVersion;
        LabelNumber = labelNumber;
        GrantedAtUtc = grantedAtUtc;
        if (DescribedAtUtc is not { } described || grantedAtUtc >= described)
        {
            Describe(description, organisationName, grantedAtUtc);
        }

        Touch(nowUtc);
        return true;
    }

    /// <summary>
    /// The organiser changed the labelled event (whether or not the moderator reviews it again: the label
    /// stands until then, and the public must see the current dates and place). Returns false for a
    /// revision already applied.
    /// </summary>
    public bool Change(EventEdition edition, int revision, EventDescription description, string organisationName, DateTime updatedAtUtc, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(description);
        if (revision <= EventRevision)
        {
            return false;
        }

        (EditionId, EditionYear) = (edition.Id, edition.Year);
        EventRevision = revision;
        if (DescribedAtUtc is not { } described || updatedAtUtc >= described)
        {
            Describe(description, organisationName, updatedAtUtc);
        }

        Touch(nowUtc);
        return true;
    }

    /// <summary>The event leaves the map. Returns false when that removal (or a later one) was already recorded.</summary>
    public bool Remove(RemovalReason reason, DateTime decidedAtUtc, DateTime nowUtc)
    {
        var forGood = reason is Domain.RemovalReason.Cancelled or Domain.RemovalReason.Withdrawn;
        if (RemovedAtUtc is { } removed && decidedAtUtc <= removed && (RemovedForGood || !forGood))
        {
            return false;
        }

        if (RemovedAtUtc is not { } previous || decidedAtUtc > previous)
        {
            RemovedAtUtc = decidedAtUtc;
            RemovalReason = reason;
        }

        RemovedForGood |= forGood;
        Touch(nowUtc);
        return true;
    }

    private void Describe(EventDescription description, string organisationName, DateTime atUtc)
    {
        Event = description;
        OrganisationName = organisationName;
        DescribedAtUtc = atUtc;
    }

    private void Touch(DateTime nowUtc)
    {
        Version++;
        UpdatedAtUtc = nowUtc;
    }
}
