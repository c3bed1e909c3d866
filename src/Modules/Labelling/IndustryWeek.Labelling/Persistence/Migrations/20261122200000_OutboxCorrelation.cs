using IndustryWeek.Shared.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Labelling.Persistence.Migrations;

[DbContext(typeof(LabellingDbContext))]
[Migration("20261122200000_OutboxCorrelation")]
internal sealed class OutboxCorrelation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.AddOutboxCorrelation(LabellingDbContext.TablePrefix);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("CorrelationId", $"{LabellingDbContext.TablePrefix}_outbox");
}
