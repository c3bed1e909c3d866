namespace IndustryWeek.Labelling.Domain.Drafts;

/// <summary>
/// An event registered and not submitted yet, as Registration announced it (DraftChanged): counted on the edition
/// dashboard. Kept once it stops being a draft (IsDraft false), so that a late older message cannot bring it back.
/// </summary>
internal sealed class Draft
{
    private Draft()
    {
    }

    public Guid EventId { get; private set; }

    public Guid EditionId { get; private set; }

    public bool IsDraft { get; private set; }

    public string? RegionCode { get; private set; }

    public string Format { get; private set; } = "";

    public IReadOnlyList<string> Audiences { get; private set; } = [];

    public int Revision { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public static Draft For(Guid eventId) => new() { EventId = eventId };

    /// <summary>Keeps the newer revision (a message may be handled twice, or late).</summary>
    public bool Apply(Guid editionId, bool isDraft, string? regionCode, string format, IReadOnlyList<string> audiences, int revision, DateTime changedAtUtc)
    {
        if (revision <= Revision)
        {
            return false;
        }

        (EditionId, IsDraft, RegionCode, Format, Audiences, Revision, UpdatedAtUtc) = (editionId, isDraft, regionCode, format, audiences, revision, changedAtUtc);
        return true;
    }
}
