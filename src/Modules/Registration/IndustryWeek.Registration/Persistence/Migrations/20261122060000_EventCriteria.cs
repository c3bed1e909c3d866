using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Registration.Persistence.Migrations;

[DbContext(typeof(RegistrationDbContext))]
[Migration("20261122060000_EventCriteria")]
internal sealed class EventCriteria : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("Criteria", "registration_events", nullable: false, defaultValue: "[]");
        migrationBuilder.AddColumn<int>("CriteriaRevision", "registration_events", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>("Kit", "registration_events", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("Kit", "registration_events");
        migrationBuilder.DropColumn("CriteriaRevision", "registration_events");
        migrationBuilder.DropColumn("Criteria", "registration_events");
    }
}
