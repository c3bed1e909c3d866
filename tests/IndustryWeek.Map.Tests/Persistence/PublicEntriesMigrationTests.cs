using IndustryWeek.Map.Persistence;
using IndustryWeek.Shared.PublishedLanguage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Map.Tests.Persistence;

/// <summary>The migration that gives pins everything the public page needs keeps the pins already published.</summary>
public sealed class PublicEntriesMigrationTests
{
    [Fact]
    public async Task PublicEntries_WhenPinsWerePublished_KeepsThemAndTellsHowEachTakesPlace()
    {
        var file = Path.Combine(Path.GetTempPath(), $"map-migration-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<MapDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options;
            await using (var db = new MapDbContext(options))
            {
                await db.GetService<IMigrator>().MigrateAsync("20261122000000_Initial");
                await db.Database.ExecuteSqlRawAsync(
                    """
                    INSERT INTO map_pins ("EventId", "EditionId", "EditionYear", "LabelVersion", "LabelNumber", "Title", "Format", "Audiences", "Sectors", "Sessions",
                                          "City", "PostalCode", "DepartmentCode", "RegionCode", "Latitude", "Longitude", "Online", "OrganisationName", "PublishedAtUtc")
                    VALUES ('0B8F5F5E-2F6C-4F7A-9A37-5A0B9E1F0C11', '7D2C9A61-3A1E-4E0B-8F0D-2B4C6E8A0F22', 2020, 1, 'SDI-2020-000001', 'Sur place', 'CompanyVisit', '["Pupils"]', '[]',
                            '[{{"start":"2020-11-16T09:00:00","end":"2020-11-16T12:00:00"}}]', 'Lille', '59000', '59', '32', 50.63, 3.06, 0, 'Aciéries du Nord', '2020-10-05 09:30:00'),
                           ('1B8F5F5E-2F6C-4F7A-9A37-5A0B9E1F0C11', '7D2C9A61-3A1E-4E0B-8F0D-2B4C6E8A0F22', 2020, 1, 'SDI-2020-000002', 'Hybride', 'Conference', '[]', '[]', '[]',
                            'Paris', '75013', '75', '11', 48.83, 2.35, 1, 'Conférences SA', '2020-10-05 09:30:00'),
                           ('2B8F5F5E-2F6C-4F7A-9A37-5A0B9E1F0C11', '7D2C9A61-3A1E-4E0B-8F0D-2B4C6E8A0F22', 2020, 2, 'SDI-2020-000003', 'En ligne', 'WebConference', '[]', '[]', '[]',
                            NULL, NULL, NULL, NULL, NULL, NULL, 1, 'Numérique SAS', '2020-10-05 09:30:00')
                    """);
            }

            await using (var db = new MapDbContext(options))
            {
                await db.Database.MigrateAsync();

                var pins = await db.Pins.OrderBy(p => p.LabelNumber).ToListAsync();
                Assert.Equal(["Sur place", "Hybride", "En ligne"], pins.Select(p => p.Title));
                Assert.Equal([LocationMode.OnSite, LocationMode.Hybrid, LocationMode.Online], pins.Select(p => p.Mode));
                Assert.All(pins, p => Assert.Equal(0, p.RecordVersion));
                Assert.All(pins, p => Assert.True(p.IsFree));
                Assert.Equal("", pins[0].Description);
                Assert.Empty(pins[0].Topics);
                Assert.Equal(new DateTime(2020, 11, 16, 9, 0, 0), Assert.Single(pins[0].Sessions).Start);
                Assert.Equal(0, await db.State.Select(s => s.Version).SingleAsync());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
