using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.CommunicationKit.Domain;

internal enum KitState
{
    /// <summary>The label stands: the kit is built, sent and downloadable.</summary>
    Active,

    /// <summary>The label was revoked or suspended, or the event cancelled: no more sending or downloading.</summary>
    Withdrawn,
}

/// <summary>
/// The communication kit of one labelled event: what it is built from (the event as labelled, or as
/// changed since in words that need no new review) and whether the label still stands.
/// </summary>
internal sealed class Kit
{
    private Kit()
    {
    }

    public Guid EventId { get; private set; }

    public Guid EditionId { get; private set; }

    public int EditionYear { get; private set; }

    public string LabelNumber { get; private set; } = "";

    public int LabelVersion { get; private set; }

    public DateTime GrantedAtUtc { get; private set; }

    public EventDescription Event { get; private set; } = null!;

    public OrganiserContact Organiser { get; private set; } = null!;

    /// <summary>The highest Registration revision of the event applied (0: as granted).</summary>
    public int EventRevision { get; private set; }

    public KitState State { get; private set; }

    public string? WithdrawnReason { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>Optimistic concurrency: a resend and a notification changing the kit at once do not overwrite each other.</summary>
    public int Version { get; private set; }

    /// <summary>What the built content depends on: a stored archive with another fingerprint is stale.</summary>
    public string ContentFingerprint => $"v{LabelVersion}-r{EventRevision}";

    public static Kit Grant(Guid eventId, Guid editionId, int editionYear, string labelNumber, int labelVersion, EventDescription description, OrganiserContact organiser, DateTime grantedAtUtc) =>
        new()
        {
            EventId = eventId,
            EditionId = editionId,
            EditionYear = editionYear,
            LabelNumber = labelNumber,
            LabelVersion = labelVersion,
            GrantedAtUtc = grantedAtUtc,
            Event = description,
            Organiser = organiser,
            State = KitState.Active,
            UpdatedAtUtc = grantedAtUtc,
        };

    /// <summary>A new version of the label (granted again after a review or a suspension). Returns false for an old or repeated one.</summary>
    public bool Regrant(int labelVersion, string labelNumber, EventDescription description, OrganiserContact organiser, DateTime grantedAtUtc)
    {
        if (labelVersion <= LabelVersion)
        {
            return false;
        }

        LabelVersion = labelVersion;
        LabelNumber = labelNumber;
        GrantedAtUtc = grantedAtUtc;
        Event = description;
        Organiser = organiser;
        State = KitState.Active;
        WithdrawnReason = null;
        Touch(grantedAtUtc);
        return true;
    }

    /// <summary>
    /// The organiser changed wording, contact or booking of the labelled event: the kit is rebuilt from
    /// it. Returns false for a revision already applied, or when the label no longer stands.
    /// </summary>
    public bool ApplyChange(int revision, EventDescription description, OrganiserContact organiser, DateTime nowUtc)
    {
        if (State != KitState.Active || revision <= EventRevision)
        {
            return false;
        }

        EventRevision = revision;
        Event = description;
        Organiser = organiser;
        Touch(nowUtc);
        return true;
    }

    /// <summary>No more sending or downloading until the label is granted again.</summary>
    public void Withdraw(string reason, DateTime nowUtc)
    {
        State = KitState.Withdrawn;
        WithdrawnReason = reason.Length > 500 ? reason[..500] : reason;
        Touch(nowUtc);
    }

    public void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version++;
    }
}
