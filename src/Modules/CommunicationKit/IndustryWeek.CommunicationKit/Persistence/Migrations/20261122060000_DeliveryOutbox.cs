using IndustryWeek.Shared.Persistence;
using IndustryWeek.Shared.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.CommunicationKit.Persistence.Migrations;

[DbContext(typeof(CommunicationKitDbContext))]
[Migration("20261122060000_DeliveryOutbox")]
internal sealed class DeliveryOutbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddRequiredColumn("UpdatedAtUtc", "kit_deliveries", DateTime.UnixEpoch);
        migrationBuilder.CreateOutboxTable(CommunicationKitDbContext.TablePrefix);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("kit_outbox");
        migrationBuilder.DropColumn("UpdatedAtUtc", "kit_deliveries");
    }
}
