using System.Data.Common;
using IndustryWeek.Map.Domain;
using IndustryWeek.Map.Features.GetMapEvents;
using IndustryWeek.Map.Persistence;
using IndustryWeek.Shared.Web;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static IndustryWeek.Map.Tests.Domain.PinDetailsExamples;

namespace IndustryWeek.Map.Tests.Features.GetMapEvents;

/// <summary>The in-memory map: the version read at most once a second, a copy rebuilt only when it moved.</summary>
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class MapCacheTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"map-cache-{Guid.NewGuid():N}.db");
    private readonly ManualClock _clock = new();
    private readonly VersionReads _reads = new();
    private ServiceProvider _services = null!;
    private MapCache _cache = null!;

    public async Task InitializeAsync()
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = _file, Pooling = false }.ToString();
        _services = new ServiceCollection()
            .AddDbContext<MapDbContext>(o => o.UseSqlite(connection).AddInterceptors(_reads))
            .BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MapDbContext>().Database.MigrateAsync();
        _cache = new MapCache(_services.GetRequiredService<IServiceScopeFactory>(), new SiteLinks(new ConfigurationBuilder().Build()), _clock, NullLogger<MapCache>.Instance);
    }

    public async Task DisposeAsync()
    {
        _cache.Dispose();
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task CurrentAsync_WhenAskedOftenWithinASecond_ReadsTheVersionOnce()
    {
        var first = await _cache.CurrentAsync(CancellationToken.None);
        for (var i = 0; i < 100; i++)
        {
            Assert.Same(first, await _cache.CurrentAsync(CancellationToken.None));
        }

        Assert.Equal(1, _reads.Count);
        _clock.Advance(TimeSpan.FromMilliseconds(1001));

        Assert.Same(first, await _cache.CurrentAsync(CancellationToken.None)); // read again, unchanged: the same copy
        Assert.Equal(2, _reads.Count);
    }

    [Fact]
    public async Task CurrentAsync_WhenAnotherHostChangedTheMap_SeesItAfterAtMostASecond()
    {
        var before = await _cache.CurrentAsync(CancellationToken.None);

        await PublishPinAsync(); // as another host would: this cache is not told

        Assert.Same(before, await _cache.CurrentAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var after = await _cache.CurrentAsync(CancellationToken.None);
        Assert.NotSame(before, after);
        Assert.Equal(before.Version + 1, after.Version);
        var edition = Assert.Single(after.Editions);
        Assert.Single((await after.MapAsync(edition)).Entries);
    }

    [Fact]
    public async Task CurrentAsync_WhenThisHostChangedTheMapAfterAQuietSecond_SeesItAtOnce()
    {
        var before = await _cache.CurrentAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(1100));
        Assert.Same(before, await _cache.CurrentAsync(CancellationToken.None)); // the version read again: unchanged
        _clock.Advance(TimeSpan.FromMilliseconds(300)); // the last read 0.3 s ago, the last rebuild 1.4 s ago

        await PublishPinAsync();
        _cache.PinChanged();

        Assert.NotSame(before, await _cache.CurrentAsync(CancellationToken.None));
        Assert.Equal(3, _reads.Count);
    }

    [Fact]
    public async Task CurrentAsync_WhenThisHostChangedAnEditionRightAfterARebuild_SeesItAtOnce()
    {
        var before = await _cache.CurrentAsync(CancellationToken.None);

        await PublishPinAsync();
        _cache.Changed();

        Assert.NotSame(before, await _cache.CurrentAsync(CancellationToken.None));
        Assert.Equal(2, _reads.Count);
    }

    [Fact]
    public async Task CurrentAsync_WhenThisHostChangesTheMapAgainAndAgain_RebuildsItAtMostOnceASecond()
    {
        var before = await _cache.CurrentAsync(CancellationToken.None);

        await PublishPinAsync();
        _cache.PinChanged();
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Same(before, await _cache.CurrentAsync(CancellationToken.None));
        Assert.Equal(1, _reads.Count);

        _clock.Advance(TimeSpan.FromMilliseconds(500));
        var after = await _cache.CurrentAsync(CancellationToken.None);
        Assert.NotSame(before, after);
        Assert.Equal(before.Version + 1, after.Version);
    }

    [Fact]
    public async Task CurrentAsync_WhenTheVersionMoved_HasTheEditionsInUseBuiltBeforeServingIt()
    {
        await PublishPinAsync();
        var before = await _cache.CurrentAsync(CancellationToken.None);
        await before.MapAsync(Assert.Single(before.Editions));

        await PublishPinAsync();
        _cache.PinChanged();
        _clock.Advance(MapCache.RebuildSpacing);
        var after = await _cache.CurrentAsync(CancellationToken.None);

        Assert.NotSame(before, after);
        var built = Assert.Single(after.BuiltEditions);
        Assert.Equal(2, (await after.MapAsync(built)).Entries.Count);
    }

    [Fact]
    public async Task MapAsync_WhenAskedTwiceForOneVersion_BuildsTheEditionOnce()
    {
        await PublishPinAsync();
        var generation = await _cache.CurrentAsync(CancellationToken.None);
        var edition = Assert.Single(generation.Editions);

        var maps = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => generation.MapAsync(edition)));

        Assert.All(maps, m => Assert.Same(maps[0], m));
        Assert.Equal(MapJson.Collection(maps[0].Entries), maps[0].Document);
    }

    private async Task PublishPinAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MapDbContext>();
        var pin = Pin.Create(Guid.NewGuid());
        pin.Apply(Details(1), DateTime.UtcNow);
        db.Pins.Add(pin);
        await db.SaveAndBumpVersionAsync(CancellationToken.None);
    }

    /// <summary>A clock whose monotonic timestamp only moves when the test says.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }

    /// <summary>Counts the queries that read the map's version.</summary>
    private sealed class VersionReads : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM \"map_state\"", StringComparison.Ordinal) && command.CommandText.StartsWith("SELECT", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
#pragma warning restore CA1001
