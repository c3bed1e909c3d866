using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Testing;
using MediatR;

namespace IndustryWeek.Host.Tests.Map;

/// <summary>
/// One host on one SQLite database for the map's API tests (started once: the tests stay fast). Each
/// test class works in an edition of its own, unknown to the map (so always visible), and names it.
/// The filter tests' edition is published here, once.
/// </summary>
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class MapPlatformFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private PlatformFactory? _platform;

    public PlatformFactory Platform => _platform ?? throw new InvalidOperationException("Not started.");

    public HttpClient Visitor { get; private set; } = null!;

    public HttpClient Administrator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _platform = new PlatformFactory(_database);
        Visitor = _platform.CreateClient();
        Administrator = await _platform.SignedInClientAsync();
        foreach (var granted in FilterEdition.Events)
        {
            await _platform.PublishAsync(granted);
        }

        await Eventually.WaitAsync(
            async () => (await MapApi.FeaturesAsync(Visitor, FilterEdition.Query)).Count == FilterEdition.Events.Count,
            "the filter tests' events are on the map");
    }

    public async Task DisposeAsync()
    {
        Visitor.Dispose();
        Administrator.Dispose();
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public Task PublishAsync(INotification notification) => Platform.PublishAsync(notification);

    /// <summary>Publishes a grant and waits until its job has put the event on the map.</summary>
    public async Task<LabelGranted> GrantAsync(LabelGranted granted)
    {
        ArgumentNullException.ThrowIfNull(granted);
        await Platform.PublishAsync(granted);
        await Eventually.WaitAsync(async () => await MapApi.FeatureAsync(Visitor, granted.EventId) is not null, $"{granted.Event.Title} is on the map");
        return granted;
    }
}

#pragma warning restore CA1001

[CollectionDefinition(Name)]
public sealed class MapApiTestGroup : ICollectionFixture<MapPlatformFixture>
{
    public const string Name = "Map API";
}

/// <summary>Six events of one edition, different in every way the filters look at (all in November 2020).</summary>
internal static class FilterEdition
{
    public static readonly Guid Id = Guid.Parse("2040aaaa-0000-0000-0000-0000000000f1");
    public const int Year = 2040;
    public static readonly string Query = $"?edition={Id}";

    public static readonly Guid Valenciennes = Guid.Parse("f1000000-0000-0000-0000-00000000000a");
    public static readonly Guid Lyon = Guid.Parse("f1000000-0000-0000-0000-00000000000b");
    public static readonly Guid Online = Guid.Parse("f1000000-0000-0000-0000-00000000000c");
    public static readonly Guid Paris = Guid.Parse("f1000000-0000-0000-0000-00000000000d");
    public static readonly Guid Reunion = Guid.Parse("f1000000-0000-0000-0000-00000000000e");
    public static readonly Guid Ajaccio = Guid.Parse("f1000000-0000-0000-0000-00000000000f");

    public static readonly IReadOnlyDictionary<char, Guid> ByLetter = new Dictionary<char, Guid>
    {
        ['A'] = Valenciennes, ['B'] = Lyon, ['C'] = Online, ['D'] = Paris, ['E'] = Reunion, ['F'] = Ajaccio,
    };

    public static readonly IReadOnlyList<LabelGranted> Events =
    [
        MapSamples.Granted(Valenciennes, Id, Year, MapSamples.Visit() with
        {
            Sessions = [MapSamples.Session(11, 16, 9, 12), MapSamples.Session(11, 18, 14, 17)],
        }),
        MapSamples.Granted(Lyon, Id, Year, MapSamples.Visit("Atelier chimie verte") with
        {
            Description = "Électrolyse, polymères biosourcés et métiers du laboratoire : manipulations encadrées par nos techniciens.",
            Format = "Workshop",
            Audiences = ["Students"],
            Sectors = ["Chemistry"],
            Sessions = [MapSamples.Session(11, 17, 10, 12)],
            Location = MapSamples.Place("Lyon", "69007", "69387", "69", "84", 45.7485, 4.8467),
        }, organisation: "Chimie Lyonnaise"),
        MapSamples.Granted(Online, Id, Year, MapSamples.Visit("Webconférence : les métiers du numérique") with
        {
            Format = "WebConference",
            Audiences = ["GeneralPublic"],
            Sectors = ["Digital"],
            Sessions = [MapSamples.Session(11, 19, 18, 19)],
            Location = MapSamples.OnlineOnly,
        }),
        MapSamples.Granted(Paris, Id, Year, MapSamples.Visit("Conférence aéronautique") with
        {
            Format = "Conference",
            Audiences = ["Teachers"],
            Sectors = ["Aeronautics"],
            Sessions = [MapSamples.Session(11, 20, 14, 16)],
            Location = MapSamples.Place("Paris", "75013", "75113", "75", "11", 48.8323, 2.3561, LocationMode.Hybrid),
        }),
        MapSamples.Granted(Reunion, Id, Year, MapSamples.Visit("Forum des métiers de l'énergie") with
        {
            Format = "JobForum",
            Audiences = ["JobSeekers"],
            Sectors = ["Energy"],
            Sessions = [new EventSession(new DateTime(2020, 11, 21, 9, 0, 0), new DateTime(2020, 11, 22, 17, 0, 0))],
            Location = MapSamples.Place("Saint-Denis", "97400", "97411", "974", "04", -20.8821, 55.4507),
        }),
        MapSamples.Granted(Ajaccio, Id, Year, MapSamples.Visit("Portes ouvertes du chantier naval") with
        {
            Format = "OpenDay",
            Audiences = ["GeneralPublic"],
            Sectors = ["Naval"],
            Sessions = [MapSamples.Session(11, 23, 9, 17)],
            Location = MapSamples.Place("Ajaccio", "20000", "2A004", "2A", "94", 41.9192, 8.7386),
        }, organisation: "Chantier naval de Corse"),
    ];
}
