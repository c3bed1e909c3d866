using System.Collections.Concurrent;
using IndustryWeek.Editions.Contracts;
using IndustryWeek.Map.Domain;
using IndustryWeek.Map.Persistence;
using IndustryWeek.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IndustryWeek.Map.Features.GetMapEvents;

/// <summary>
/// The public map, held in memory by each host and rebuilt once per change rather than per request.
/// </summary>
/// <remarks>
/// <para>
/// Design (issue 7, « Speed »). The database has one map-wide version number (<c>map_state</c>),
/// incremented in the same transaction as every change the public could see: a pin published,
/// refreshed or removed (<see cref="Jobs.PublishPinJob"/>), an edition's dates
/// (<see cref="Integration.EditionNotificationsHandler"/>). A host keeps a <see cref="MapGeneration"/>
/// per version: the editions it knows and, built on first demand, each edition's
/// <see cref="EditionMap"/> (its pins as <see cref="MapEntry"/> with their GeoJSON Features already
/// serialized to UTF-8, and the whole FeatureCollection's bytes).
/// </para>
/// <para>
/// A request reads the version from the database at most once per second per host (one request
/// does it while the others go on with the copy they have), so most requests cost no query at all;
/// when the version moved, that request builds the next generation, with the editions the previous
/// one had built, and swaps it in: the others are served the previous copy meanwhile, never kept
/// waiting. A change made on this host calls <see cref="Changed"/>, so the very next request checks
/// at once; a pin published on this host (<see cref="PinChanged"/>) too, unless the map was rebuilt less
/// than <see cref="RebuildSpacing"/> ago (then within a second); a change made on another host is seen
/// within a second. Because the version is read
/// before the pins, a copy is never older than the version it is labelled with. A request without
/// filters writes the precomputed document; a filtered one walks the edition's entries and writes
/// the matching features' bytes, so its cost grows with the number of matching pins, not with the
/// cost of serializing them. ETags are made of the version, the edition, whether it is shown, and
/// the filter: no hashing of bodies.
/// </para>
/// <para>
/// Visibility (the edition's « carte visible à partir du », in Paris time) is decided per request
/// from the generation's editions, so the map opens at midnight without any change being recorded.
/// </para>
/// </remarks>
internal sealed class MapCache(IServiceScopeFactory scopes, SiteLinks links, TimeProvider time, ILogger<MapCache> logger) : IDisposable
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A pin published on this host is seen at once after a quiet spell, but pins get the map rebuilt at most once
    /// in this time (an edition's change is always seen at once): while moderators grant twenty events a second,
    /// each pin published would otherwise rebuild it back to back
    /// (about 80 ms each for 2,000 pins, measured under load), taking the CPU the requests need.
    /// </summary>
    public static readonly TimeSpan RebuildSpacing = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile MapGeneration? _current;
    private volatile bool _changed;
    private volatile bool _pinChanged;
    private long _checkedAt;
    private long _builtAt;

    public void Dispose() => _refresh.Dispose();

    /// <summary>A change was committed on this host (an edition's dates): the next request reads the version at once.</summary>
    public void Changed() => _changed = true;

    /// <summary>A pin was published on this host: seen at once after a quiet second, else within <see cref="RebuildSpacing"/>.</summary>
    public void PinChanged() => _pinChanged = true;

    /// <summary>The map as of the latest version seen (read at most once per second).</summary>
    public async ValueTask<MapGeneration> CurrentAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && IsFresh())
        {
            return current;
        }

        if (current is not null)
        {
            if (!await _refresh.WaitAsync(0, cancellationToken))
            {
                return current; // another request is checking: no need to wait for it
            }
        }
        else
        {
            await _refresh.WaitAsync(cancellationToken);
        }

        try
        {
            current = _current;
            if (current is not null && IsFresh())
            {
                return current;
            }

            _changed = _pinChanged = false; // before reading: a change committed after the read sets it again
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MapDbContext>();
                var version = await db.State.AsNoTracking().Where(s => s.Id == MapState.SingletonId).Select(s => s.Version).FirstOrDefaultAsync(CancellationToken.None);
                if (current is null || current.Version != version)
                {
                    var started = time.GetTimestamp();
                    var next = await BuildGenerationAsync(db, version);
                    if (current is not null)
                    {
                        // The editions in use are built before the swap: meanwhile requests get the previous copy.
                        foreach (var edition in current.BuiltEditions.Select(e => next.ById(e.Id)).OfType<EditionInfo>())
                        {
                            await next.MapAsync(edition);
                        }
                    }

                    _current = current = next;
                    Volatile.Write(ref _builtAt, time.GetTimestamp());
                    logger.LogDebug("Carte : version {Version} chargée en {Elapsed} ms.", version, time.GetElapsedTime(started).TotalMilliseconds);
                }
            }
            catch (Exception e) when (current is not null && e is not OperationCanceledException)
            {
                // The database is unreachable: keep serving the copy we have, try again in a second.
                logger.LogWarning(e, "Carte : version illisible, la copie en mémoire (version {Version}) reste servie.", current.Version);
            }

            Volatile.Write(ref _checkedAt, time.GetTimestamp());
            return current;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private bool IsFresh() =>
        !_changed
        && (_pinChanged
            ? time.GetElapsedTime(Volatile.Read(ref _builtAt)) < RebuildSpacing
            : time.GetElapsedTime(Volatile.Read(ref _checkedAt)) < CheckInterval);

    private async Task<MapGeneration> BuildGenerationAsync(MapDbContext db, long version)
    {
        var copies = await db.Editions.AsNoTracking().ToListAsync();
        var pins = await db.Pins.AsNoTracking().Select(p => new { p.EventId, p.EditionId, p.EditionYear }).ToListAsync();
        var editions = copies.Select(e => new EditionInfo(e.Id, e.Snapshot.Year, e.Snapshot)).ToList();
        editions.AddRange(pins
            .Where(p => copies.TrueForAll(c => c.Id != p.EditionId))
            .GroupBy(p => p.EditionId)
            .Select(g => new EditionInfo(g.Key, g.Max(p => p.EditionYear), null)));
        return new MapGeneration(version, editions, pins.ToDictionary(p => p.EventId, p => p.EditionId), BuildEditionMapAsync);

        async Task<EditionMap> BuildEditionMapAsync(EditionInfo edition)
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<MapDbContext>();
            var editionPins = await context.Pins.AsNoTracking().Where(p => p.EditionId == edition.Id).ToListAsync();
            var entries = editionPins
                .OrderBy(p => p.Sessions.Count == 0 ? DateTime.MaxValue : p.Sessions[0].Start)
                .ThenBy(p => p.EventId)
                .Select(p => new MapEntry(p, links.To($"/evenements/{p.EventId}")))
                .ToList();
            return new EditionMap(version, edition, entries);
        }
    }
}

/// <summary>An edition as the map knows it: from Editions' notifications, or only from its pins (then always visible).</summary>
internal sealed record EditionInfo(Guid Id, int Year, EditionSnapshot? Snapshot)
{
    /// <summary>Whether the public sees this edition's pins on <paramref name="today"/> (a Paris date).</summary>
    public bool VisibleOn(DateOnly today) => Snapshot is not { } snapshot || snapshot.MapVisibleFrom <= today;

    /// <summary>The name the public reads: « Semaine de l'industrie 2020 ».</summary>
    public string Name => Snapshot?.Name ?? $"Semaine de l'industrie {Year}";
}

/// <summary>The map as of one version: its editions, which edition each event is in, and each edition's map once built.</summary>
internal sealed class MapGeneration(
    long version,
    IReadOnlyList<EditionInfo> editions,
    IReadOnlyDictionary<Guid, Guid> editionOfEvent,
    Func<EditionInfo, Task<EditionMap>> build)
{
    private readonly ConcurrentDictionary<Guid, Lazy<Task<EditionMap>>> _maps = new();

    public long Version => version;

    /// <summary>Every edition the map knows, most recent first.</summary>
    public IReadOnlyList<EditionInfo> Editions { get; } = [.. editions.OrderByDescending(e => e.Year).ThenByDescending(e => e.Snapshot?.MapVisibleFrom)];

    /// <summary>
    /// The edition shown when none is asked for: the most recent one whose map is public, archived ones aside; else the
    /// next one to open (its map says from when); else the most recent public one, archived or not. In an administrator's
    /// preview, the most recent one not archived. Editions still in draft are not on the map.
    /// </summary>
    public EditionInfo? Current(DateOnly today, bool preview)
    {
        var candidates = Editions.Where(e => e.Snapshot?.Status != EditionStatus.Draft).ToList();
        var live = candidates.Where(e => e.Snapshot?.Status != EditionStatus.Archived).ToList();
        if (preview)
        {
            return live.FirstOrDefault() ?? candidates.FirstOrDefault();
        }

        return live.FirstOrDefault(e => e.VisibleOn(today))
            ?? live.Where(e => !e.VisibleOn(today)).MinBy(e => e.Snapshot!.MapVisibleFrom)
            ?? candidates.FirstOrDefault(e => e.VisibleOn(today));
    }

    public EditionInfo? ById(Guid id) => Editions.FirstOrDefault(e => e.Id == id);

    public EditionInfo? ByYear(int year) => Editions.FirstOrDefault(e => e.Year == year);

    public EditionInfo? EditionOf(Guid eventId) => editionOfEvent.TryGetValue(eventId, out var id) ? ById(id) : null;

    /// <summary>The editions whose map was built for this version.</summary>
    public IEnumerable<EditionInfo> BuiltEditions =>
        _maps.Where(m => m.Value.IsValueCreated && m.Value.Value.IsCompletedSuccessfully).Select(m => m.Value.Value.Result.Edition);

    /// <summary>The edition's map, built once per version (concurrent requests share the build; a failed build is tried again).</summary>
    public async Task<EditionMap> MapAsync(EditionInfo edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var lazy = _maps.GetOrAdd(edition.Id, _ => new Lazy<Task<EditionMap>>(() => build(edition)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            _maps.TryRemove(KeyValuePair.Create(edition.Id, lazy));
            throw;
        }
    }
}

/// <summary>One edition's public entries, with its whole FeatureCollection precomputed.</summary>
internal sealed class EditionMap
{
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _derived = new(StringComparer.Ordinal);

    public EditionMap(long version, EditionInfo edition, IReadOnlyList<MapEntry> entries)
    {
        Version = version;
        Edition = edition;
        Entries = entries;
        ById = entries.ToDictionary(e => e.EventId);
        Document = MapJson.Collection(entries);
    }

    public long Version { get; }

    public EditionInfo Edition { get; }

    /// <summary>By first session, then event id.</summary>
    public IReadOnlyList<MapEntry> Entries { get; }

    public IReadOnlyDictionary<Guid, MapEntry> ById { get; }

    /// <summary>The whole FeatureCollection, UTF-8 JSON.</summary>
    public byte[] Document { get; }

    /// <summary>Another whole-edition document (the CSV export), built once for this version.</summary>
    public byte[] Derived(string name, Func<EditionMap, byte[]> build) =>
        _derived.GetOrAdd(name, _ => new Lazy<byte[]>(() => build(this))).Value;
}
