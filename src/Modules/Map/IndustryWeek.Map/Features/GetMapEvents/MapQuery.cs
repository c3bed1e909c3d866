using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IndustryWeek.Shared.Time;

namespace IndustryWeek.Map.Features.GetMapEvents;

/// <summary>An edition asked for by id or by year (`edition=` in the API).</summary>
internal readonly record struct EditionRef(Guid? Id, int? Year)
{
    /// <summary>Null and no error when <paramref name="value"/> is empty (the current edition).</summary>
    public static EditionRef? Parse(string? value, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Guid.TryParse(value, out var id))
        {
            return new EditionRef(id, null);
        }

        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return new EditionRef(null, year);
        }

        errors["edition"] = ["L'édition se désigne par son identifiant ou par son année (par exemple 2020)."];
        return null;
    }
}

/// <summary>
/// The public map, for the API and for the pages: which edition, whether the public may see it yet,
/// and its events, all or filtered. Reads the in-memory copy (<see cref="MapCache"/>): no query per call.
/// </summary>
internal sealed class MapQuery(MapCache cache, TimeProvider time)
{
    /// <summary>
    /// An edition's map as the caller may see it: <paramref name="edition"/> null is the current edition
    /// (the most recent whose map is public). Before an edition's « carte visible à partir du » date its
    /// map is empty, unless <paramref name="preview"/> (administrators only: the caller checks the role).
    /// </summary>
    public async ValueTask<MapView> ViewAsync(EditionRef? edition, bool preview, CancellationToken cancellationToken)
    {
        var generation = await cache.CurrentAsync(cancellationToken);
        var today = time.TodayInParis();
        var info = edition switch
        {
            null => generation.Current(today, preview),
            { Id: { } id } => generation.ById(id),
            { Year: { } year } => generation.ByYear(year),
            _ => null,
        };
        if (info is null)
        {
            return new MapView(generation.Version, null, Visible: false, preview, null);
        }

        var visible = preview || info.VisibleOn(today);
        return new MapView(generation.Version, info, visible, preview, visible ? await generation.MapAsync(info) : null);
    }

    /// <summary>One event of the map, in whichever edition, if the caller may see it listed; null otherwise.</summary>
    public async ValueTask<MapEntry?> FindAsync(Guid eventId, bool preview, CancellationToken cancellationToken) =>
        await FindLabelledAsync(eventId, preview, cancellationToken) is { Listed: true } found ? found.Entry : null;

    /// <summary>
    /// One labelled event, listed or not yet: its own page (and calendar file) answers from its labelling, because the
    /// kit's poster and QR code are mailed then, weeks before its edition's map opens. Null when it has no pin (unknown,
    /// not or no longer labelled: a revoked or suspended label removes the pin).
    /// </summary>
    public async ValueTask<LabelledEvent?> FindLabelledAsync(Guid eventId, bool preview, CancellationToken cancellationToken)
    {
        var generation = await cache.CurrentAsync(cancellationToken);
        if (generation.EditionOf(eventId) is not { } edition
            || (await generation.MapAsync(edition)).ById.GetValueOrDefault(eventId) is not { } entry)
        {
            return null;
        }

        return new LabelledEvent(entry, edition, Listed: preview || edition.VisibleOn(time.TodayInParis()));
    }

    /// <summary>
    /// Every event the public finds on a map today (in the editions whose map is open, not drafts), with the map's version:
    /// the sitemap's pages. An event labelled before its edition's map opens is not among them (its page is « noindex »).
    /// </summary>
    public async ValueTask<(long Version, IReadOnlyList<MapEntry> Entries)> ListedAsync(CancellationToken cancellationToken)
    {
        var generation = await cache.CurrentAsync(cancellationToken);
        var today = time.TodayInParis();
        var entries = new List<MapEntry>();
        foreach (var edition in generation.Editions.Where(e => e.Snapshot?.Status != Editions.Contracts.EditionStatus.Draft && e.VisibleOn(today)))
        {
            entries.AddRange((await generation.MapAsync(edition)).Entries);
        }

        return (generation.Version, entries);
    }

    /// <summary>The editions the map knows, most recent first (for a page's edition picker).</summary>
    public async ValueTask<IReadOnlyList<EditionInfo>> EditionsAsync(bool preview, CancellationToken cancellationToken)
    {
        var generation = await cache.CurrentAsync(cancellationToken);
        var today = time.TodayInParis();
        return [.. generation.Editions.Where(e => e.Snapshot?.Status != Editions.Contracts.EditionStatus.Draft && (preview || e.VisibleOn(today)))];
    }
}

/// <summary>A labelled event, and whether the public finds it on the map (its edition's map is open, or an administrator previews it).</summary>
internal sealed record LabelledEvent(MapEntry Entry, EditionInfo Edition, bool Listed);

/// <summary>What the caller sees of one edition's map at one version.</summary>
/// <param name="Edition">Null when the edition asked for is unknown to the map (or there is none yet).</param>
/// <param name="Visible">Whether its events are shown (its map is public, or an administrator previews it).</param>
internal sealed record MapView(long Version, EditionInfo? Edition, bool Visible, bool Preview, EditionMap? Map)
{
    /// <summary>Every event shown, by first session.</summary>
    public IReadOnlyList<MapEntry> Entries => Map?.Entries ?? [];

    /// <summary>The events matching <paramref name="filter"/>: a walk through the edition's entries, nothing serialized.</summary>
    public IReadOnlyList<MapEntry> Matching(MapFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return filter.IsEmpty ? Entries : [.. Entries.Where(filter.Matches)];
    }

    /// <summary>
    /// The entity tag of this view through <paramref name="filter"/> (<paramref name="variant"/>: « csv »…): the map's version,
    /// the edition, whether it is shown, and the filter. Same inputs, same tag, on every host.
    /// </summary>
    public string ETag(MapFilter filter, string variant = "geojson")
    {
        ArgumentNullException.ThrowIfNull(filter);
        var shown = Preview ? "p" : Visible ? "v" : "h";
        var edition = Edition?.Id.ToString("N") ?? "none";
        var tag = string.Create(CultureInfo.InvariantCulture, $"m{Version}-{edition}-{shown}-{variant}");
        if (!filter.IsEmpty)
        {
            tag += "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(filter.Key)))[..16];
        }

        return $"\"{tag}\"";
    }
}
