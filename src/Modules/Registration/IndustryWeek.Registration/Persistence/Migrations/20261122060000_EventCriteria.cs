using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Registration.Persistence.Migrations;

[DbContext(typeof(RegistrationDbContext))]
[Migration("20261122060000_EventCriteria")]
internal sealed class EventCriteria : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddRequiredColumn("Criteria", "registration_events", "[]");
        migrationBuilder.AddRequiredColumn("CriteriaRevision", "registration_events", 0);
        migrationBuilder.AddColumn<string>("Kit", "registration_events", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("Kit", "registration_events");
        migrationBuilder.DropColumn("CriteriaRevision", "registration_events");
        migrationBuilder.DropColumn("Criteria", "registration_events");
    }
}
