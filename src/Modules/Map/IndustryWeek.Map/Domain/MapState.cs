namespace IndustryWeek.Map.Domain;

/// <summary>
/// The map's one version number (a single row): incremented in the transaction of every change of
/// what the public may see (a pin published, changed or removed; an edition's dates), so that every
/// host knows when to rebuild its in-memory copy of the map.
/// </summary>
internal sealed class MapState
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;

    public long Version { get; init; }
}
