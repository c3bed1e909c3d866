using IndustryWeek.Shared.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Registration.Persistence.Migrations;

[DbContext(typeof(RegistrationDbContext))]
[Migration("20261122200000_OutboxCorrelation")]
internal sealed class OutboxCorrelation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.AddOutboxCorrelation(RegistrationDbContext.TablePrefix);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("CorrelationId", $"{RegistrationDbContext.TablePrefix}_outbox");
}
