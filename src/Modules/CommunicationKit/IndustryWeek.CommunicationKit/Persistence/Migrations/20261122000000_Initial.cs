using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.CommunicationKit.Persistence.Migrations;

[DbContext(typeof(CommunicationKitDbContext))]
[Migration("20261122000000_Initial")]
internal sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            "kit_deliveries",
            t => new
            {
                EventId = t.Column<Guid>(nullable: false),
                LabelVersion = t.Column<int>(nullable: false),
                LabelNumber = t.Column<string>(maxLength: 20, nullable: false),
                RecipientEmail = t.Column<string>(maxLength: 256, nullable: false),
                Status = t.Column<string>(maxLength: 20, nullable: false),
                Attempts = t.Column<int>(nullable: false),
                LastError = t.Column<string>(maxLength: 2000, nullable: true),
                QueuedAtUtc = t.Column<DateTime>(nullable: false),
                SentAtUtc = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_kit_deliveries", x => new { x.EventId, x.LabelVersion }));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("kit_deliveries");
}
