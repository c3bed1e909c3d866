using IndustryWeek.Shared.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.CommunicationKit.Persistence.Migrations;

[DbContext(typeof(CommunicationKitDbContext))]
[Migration("20261122200000_OutboxCorrelation")]
internal sealed class OutboxCorrelation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.AddOutboxCorrelation(CommunicationKitDbContext.TablePrefix);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("CorrelationId", $"{CommunicationKitDbContext.TablePrefix}_outbox");
}
