using IndustryWeek.Shared.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Editions.Persistence.Migrations;

[DbContext(typeof(EditionsDbContext))]
[Migration("20261122010000_Initial")]
internal sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            "editions_editions",
            t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Number = t.Column<int>(nullable: false),
                Year = t.Column<int>(nullable: false),
                Name = t.Column<string>(maxLength: 200, nullable: false),
                Theme = t.Column<string>(maxLength: 200, nullable: false),
                ThemeDescription = t.Column<string>(maxLength: 4000, nullable: false),
                FocusTopics = t.Column<string>(nullable: false),
                Hashtag = t.Column<string>(maxLength: 60, nullable: false),
                Schedule = t.Column<string>(nullable: false),
                RegistrationOpens = t.Column<DateOnly>(nullable: false),
                MapVisibleFrom = t.Column<DateOnly>(nullable: false),
                Status = t.Column<string>(maxLength: 20, nullable: false),
                ScheduleHistory = t.Column<string>(nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
                Revision = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_editions_editions", x => x.Id));
        migrationBuilder.CreateIndex("ix_editions_editions_number", "editions_editions", "Number", unique: true);
        migrationBuilder.CreateIndex("ix_editions_editions_year", "editions_editions", "Year", unique: true);
        migrationBuilder.CreateOutboxTable(EditionsDbContext.TablePrefix);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("editions_outbox");
        migrationBuilder.DropTable("editions_editions");
    }
}
