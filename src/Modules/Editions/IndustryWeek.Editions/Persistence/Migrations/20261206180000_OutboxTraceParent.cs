using IndustryWeek.Shared.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Editions.Persistence.Migrations;

[DbContext(typeof(EditionsDbContext))]
[Migration("20261206180000_OutboxTraceParent")]
internal sealed class OutboxTraceParent : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.AddOutboxTraceParent(EditionsDbContext.TablePrefix);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("TraceParent", $"{EditionsDbContext.TablePrefix}_outbox");
}
