using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Registration.Persistence.Migrations;

/// <summary>
/// Whether Labelling was told of a draft (DraftChanged): false for every event already there, so that the drafts among
/// them are announced once at the next start (DraftsAnnouncement) and the edition dashboard counts them too.
/// </summary>
[DbContext(typeof(RegistrationDbContext))]
[Migration("20261207010000_DraftAnnounced")]
internal sealed class DraftAnnounced : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddRequiredColumn("DraftAnnounced", "registration_events", false);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("DraftAnnounced", "registration_events");
}
