using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Registration.Persistence.Migrations;

/// <summary>The partner's reference of an imported event, unique in its organisation and edition (issue 21: importing a file again updates, never duplicates).</summary>
[DbContext(typeof(RegistrationDbContext))]
[Migration("20261206000000_EventExternalId")]
internal sealed class EventExternalId : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("ExternalId", "registration_events", maxLength: 100, nullable: true);
        migrationBuilder.CreateIndex("ix_registration_events_external_id", "registration_events", ["OrganisationId", "EditionId", "ExternalId"], unique: true,
            filter: migrationBuilder.UniqueWhereNotNull("ExternalId"));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("ix_registration_events_external_id", "registration_events");
        migrationBuilder.DropColumn("ExternalId", "registration_events");
    }
}
