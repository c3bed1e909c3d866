using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Map.Persistence.Migrations;

[DbContext(typeof(MapDbContext))]
[Migration("20261122000000_Initial")]
internal sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            "map_pins",
            t => new
            {
                EventId = t.Column<Guid>(nullable: false),
                EditionId = t.Column<Guid>(nullable: false),
                EditionYear = t.Column<int>(nullable: false),
                LabelVersion = t.Column<int>(nullable: false),
                LabelNumber = t.Column<string>(maxLength: 20, nullable: false),
                Title = t.Column<string>(maxLength: 300, nullable: false),
                Format = t.Column<string>(maxLength: 40, nullable: false),
                Audiences = t.Column<string>(nullable: false),
                Sectors = t.Column<string>(nullable: false),
                Sessions = t.Column<string>(nullable: false),
                City = t.Column<string>(maxLength: 100, nullable: true),
                PostalCode = t.Column<string>(maxLength: 5, nullable: true),
                DepartmentCode = t.Column<string>(maxLength: 3, nullable: true),
                RegionCode = t.Column<string>(maxLength: 3, nullable: true),
                Latitude = t.Column<double>(nullable: true),
                Longitude = t.Column<double>(nullable: true),
                Online = t.Column<bool>(nullable: false),
                OrganisationName = t.Column<string>(maxLength: 300, nullable: false),
                PublishedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_map_pins", x => x.EventId));
        migrationBuilder.CreateIndex("ix_map_pins_edition_region", "map_pins", ["EditionId", "RegionCode"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("map_pins");
}
