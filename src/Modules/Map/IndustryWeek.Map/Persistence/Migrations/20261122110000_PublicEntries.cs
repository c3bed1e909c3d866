using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Map.Persistence.Migrations;

/// <summary>
/// Everything the public page needs on each pin; the events as the map recorded them from the
/// notifications; the editions' copies; the map's version. Existing pins stay, their new columns
/// filled with what can be told (how they take place from their coordinates and online flag).
/// </summary>
[DbContext(typeof(MapDbContext))]
[Migration("20261122110000_PublicEntries")]
internal sealed class PublicEntries : Migration
{
    private const string Pins = "map_pins";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddRequiredColumn("RecordVersion", Pins, 0);
        migrationBuilder.AddRequiredColumn("Description", Pins, "");
        migrationBuilder.AddRequiredColumn("Topics", Pins, "[]");
        migrationBuilder.AddRequiredColumn("Mode", Pins, "OnSite", maxLength: 10);
        if (migrationBuilder.IsSqlServer())
        {
            // SQL Server's bit is no condition by itself.
            migrationBuilder.SqlServerStatement(
                """
                UPDATE "map_pins" SET "Mode" = CASE
                    WHEN "Online" = 1 AND "Latitude" IS NULL THEN 'Online'
                    WHEN "Online" = 1 THEN 'Hybrid'
                    ELSE 'OnSite' END
                """);
        }
        else
        {
            migrationBuilder.Sql(
                """
                UPDATE "map_pins" SET "Mode" = CASE
                    WHEN "Online" AND "Latitude" IS NULL THEN 'Online'
                    WHEN "Online" THEN 'Hybrid'
                    ELSE 'OnSite' END;
                """);
        }

        migrationBuilder.AddColumn<string>("Street", Pins, nullable: true);
        migrationBuilder.AddColumn<string>("InseeCode", Pins, maxLength: 5, nullable: true);
        migrationBuilder.AddColumn<string>("OnlineUrl", Pins, nullable: true);
        migrationBuilder.AddRequiredColumn("IsFree", Pins, true); // the fourth criterion: every labelled event is free
        migrationBuilder.AddRequiredColumn("BookingRequired", Pins, false);
        migrationBuilder.AddColumn<string>("BookingUrl", Pins, nullable: true);
        migrationBuilder.AddColumn<int>("BookingCapacity", Pins, nullable: true);
        migrationBuilder.AddColumn<string>("ContactEmail", Pins, nullable: true);
        migrationBuilder.AddColumn<string>("ContactPhone", Pins, nullable: true);
        migrationBuilder.AddRequiredColumn("Accessible", Pins, false);

        migrationBuilder.CreateTable(
            "map_event_records",
            t => new
            {
                EventId = t.Column<Guid>(nullable: false),
                EditionId = t.Column<Guid>(nullable: false),
                EditionYear = t.Column<int>(nullable: false),
                LabelVersion = t.Column<int>(nullable: false),
                LabelNumber = t.Column<string>(maxLength: 20, nullable: true),
                GrantedAtUtc = t.Column<DateTime>(nullable: true),
                Event = t.Column<string>(nullable: true),
                OrganisationName = t.Column<string>(maxLength: 300, nullable: true),
                DescribedAtUtc = t.Column<DateTime>(nullable: true),
                EventRevision = t.Column<int>(nullable: false),
                RemovedAtUtc = t.Column<DateTime>(nullable: true),
                RemovalReason = t.Column<string>(maxLength: 20, nullable: true),
                RemovedForGood = t.Column<bool>(nullable: false),
                Version = t.Column<int>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_map_event_records", x => x.EventId));

        migrationBuilder.CreateTable(
            "map_editions",
            t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Snapshot = t.Column<string>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_map_editions", x => x.Id));

        migrationBuilder.CreateTable(
            "map_state",
            t => new
            {
                Id = t.Column<int>(nullable: false),
                Version = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_map_state", x => x.Id));
        migrationBuilder.Sql("""INSERT INTO "map_state" ("Id", "Version") VALUES (1, 0);"""); // the same in every provider's SQL
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("map_state");
        migrationBuilder.DropTable("map_editions");
        migrationBuilder.DropTable("map_event_records");
        foreach (var column in new[]
                 {
                     "RecordVersion", "Description", "Topics", "Mode", "Street", "InseeCode", "OnlineUrl", "IsFree",
                     "BookingRequired", "BookingUrl", "BookingCapacity", "ContactEmail", "ContactPhone", "Accessible",
                 })
        {
            migrationBuilder.DropColumn(column, Pins);
        }
    }
}
