using IndustryWeek.Editions.Contracts;
using IndustryWeek.Labelling.Domain.Applications;

namespace IndustryWeek.Labelling.Domain.Editions;

/// <summary>What Labelling keeps of an edition, from Editions' notifications: its periods (criterion 1) and names.</summary>
internal sealed class Edition
{
    private Edition()
    {
    }

    public Guid Id { get; private set; }

    public int Year { get; private set; }

    public EditionSnapshot Snapshot { get; private set; } = null!;

    public DateTime UpdatedAtUtc { get; private set; }

    public EditionScheduleView Schedule => new(Snapshot.Schedule.EventPeriod, Snapshot.Schedule.RegionalPeriods);

    public static Edition From(EditionSnapshot snapshot, DateTime occurredAtUtc) =>
        new() { Id = snapshot.Id, Year = snapshot.Year, Snapshot = snapshot, UpdatedAtUtc = occurredAtUtc };

    /// <summary>Keeps the newer state: notifications of one edition may arrive twice, never reordered.</summary>
    public bool Apply(EditionSnapshot snapshot, DateTime occurredAtUtc)
    {
        if (occurredAtUtc < UpdatedAtUtc)
        {
            return false;
        }

        Year = snapshot.Year;
        Snapshot = snapshot;
        UpdatedAtUtc = occurredAtUtc;
        return true;
    }
}
