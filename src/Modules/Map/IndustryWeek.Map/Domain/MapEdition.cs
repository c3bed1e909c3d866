using IndustryWeek.Editions.Contracts;

namespace IndustryWeek.Map.Domain;

/// <summary>The map's copy of an edition, from Editions' notifications: above all, from when its map is public.</summary>
internal sealed class MapEdition
{
    private MapEdition()
    {
    }

    public Guid Id { get; private set; }

    public EditionSnapshot Snapshot { get; private set; } = null!;

    public DateTime UpdatedAtUtc { get; private set; }

    public static MapEdition From(EditionSnapshot snapshot, DateTime occurredAtUtc)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new() { Id = snapshot.Id, Snapshot = snapshot, UpdatedAtUtc = occurredAtUtc };
    }

    /// <summary>Keeps the newer state (a notification may arrive twice). Returns false when nothing changed.</summary>
    public bool Apply(EditionSnapshot snapshot, DateTime occurredAtUtc)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (occurredAtUtc < UpdatedAtUtc || (occurredAtUtc == UpdatedAtUtc && Same(snapshot, Snapshot)))
        {
            return false;
        }

        Snapshot = snapshot;
        UpdatedAtUtc = occurredAtUtc;
        return true;
    }

    /// <summary>Whether the edition's map is public on <paramref name="today"/> (a Paris date).</summary>
    public bool MapVisibleOn(DateOnly today) => Snapshot.MapVisibleFrom <= today;

    private static bool Same(EditionSnapshot a, EditionSnapshot b) =>
        System.Text.Json.JsonSerializer.Serialize(a) == System.Text.Json.JsonSerializer.Serialize(b);
}
