using IndustryWeek.Shared.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Registration.Persistence.Migrations;

[DbContext(typeof(RegistrationDbContext))]
[Migration("20261122040000_Events")]
internal sealed class Events : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            "registration_editions",
            t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Year = t.Column<int>(nullable: false),
                Status = t.Column<string>(maxLength: 20, nullable: false),
                Snapshot = t.Column<string>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_registration_editions", x => x.Id));

        migrationBuilder.CreateTable(
            "registration_events",
            t => new
            {
                Id = t.Column<Guid>(nullable: false),
                EditionId = t.Column<Guid>(nullable: false),
                EditionYear = t.Column<int>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                Details = t.Column<string>(nullable: false),
                Title = t.Column<string>(maxLength: 150, nullable: false),
                RegionCode = t.Column<string>(maxLength: 3, nullable: true),
                DepartmentCode = t.Column<string>(maxLength: 3, nullable: true),
                FirstSessionStart = t.Column<DateTime>(nullable: false),
                Organiser = t.Column<string>(nullable: false),
                Status = t.Column<string>(maxLength: 20, nullable: false),
                SubmissionNumber = t.Column<int>(nullable: false),
                LabelNumber = t.Column<string>(maxLength: 20, nullable: true),
                LabelVersion = t.Column<int>(nullable: false),
                ReviewPending = t.Column<bool>(nullable: false),
                ModeratorMessage = t.Column<string>(maxLength: 2000, nullable: true),
                LastDecisionAtUtc = t.Column<DateTime>(nullable: true),
                ScheduleWarning = t.Column<string>(maxLength: 500, nullable: true),
                CancellationReason = t.Column<string>(maxLength: 1000, nullable: true),
                Participation = t.Column<string>(nullable: true),
                ReconductedFromId = t.Column<Guid>(nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
                SubmittedAtUtc = t.Column<DateTime>(nullable: true),
                Revision = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_registration_events", x => x.Id);
                t.ForeignKey("fk_registration_events_organisation", x => x.OrganisationId, "registration_organisations", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_registration_events_organisation", "registration_events", ["OrganisationId", "EditionId"]);
        migrationBuilder.CreateIndex("ix_registration_events_edition", "registration_events", ["EditionId", "Status"]);

        migrationBuilder.CreateTable(
            "registration_notices",
            t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Batch = t.Column<string>(maxLength: 100, nullable: false),
                EventId = t.Column<Guid>(nullable: true),
                Recipient = t.Column<string>(maxLength: 256, nullable: false),
                Subject = t.Column<string>(maxLength: 300, nullable: false),
                Body = t.Column<string>(nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                SentAtUtc = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_registration_notices", x => x.Id));
        migrationBuilder.CreateIndex("ix_registration_notices_batch", "registration_notices", ["Batch", "SentAtUtc"]);

        migrationBuilder.CreateOutboxTable(RegistrationDbContext.TablePrefix);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("registration_outbox");
        migrationBuilder.DropTable("registration_notices");
        migrationBuilder.DropTable("registration_events");
        migrationBuilder.DropTable("registration_editions");
    }
}
