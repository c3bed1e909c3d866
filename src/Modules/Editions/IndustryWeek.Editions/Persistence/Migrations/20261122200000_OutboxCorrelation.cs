using IndustryWeek.Shared.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Editions.Persistence.Migrations;

[DbContext(typeof(EditionsDbContext))]
[Migration("20261122200000_OutboxCorrelation")]
internal sealed class OutboxCorrelation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.AddOutboxCorrelation(EditionsDbContext.TablePrefix);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("CorrelationId", $"{EditionsDbContext.TablePrefix}_outbox");
}
