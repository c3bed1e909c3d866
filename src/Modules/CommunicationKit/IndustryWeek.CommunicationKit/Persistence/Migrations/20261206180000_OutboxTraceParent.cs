using IndustryWeek.Shared.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.CommunicationKit.Persistence.Migrations;

[DbContext(typeof(CommunicationKitDbContext))]
[Migration("20261206180000_OutboxTraceParent")]
internal sealed class OutboxTraceParent : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.AddOutboxTraceParent(CommunicationKitDbContext.TablePrefix);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("TraceParent", $"{CommunicationKitDbContext.TablePrefix}_outbox");
}
