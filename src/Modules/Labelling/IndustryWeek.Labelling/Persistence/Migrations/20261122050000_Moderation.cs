using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Labelling.Persistence.Migrations;

[DbContext(typeof(LabellingDbContext))]
[Migration("20261122050000_Moderation")]
internal sealed class Moderation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("DepartmentCode", "labelling_applications", maxLength: 3, nullable: true);
        migrationBuilder.AddColumn<string>("Format", "labelling_applications", maxLength: 30, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<Guid>("OrganisationId", "labelling_applications", nullable: false, defaultValue: Guid.Empty);
        migrationBuilder.AddColumn<int>("EventRevision", "labelling_applications", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>("Criteria", "labelling_applications", nullable: false, defaultValue: "[]");
        migrationBuilder.AddColumn<bool>("IndustryConfirmed", "labelling_applications", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<DateTime>("DueAtUtc", "labelling_applications", nullable: false, defaultValue: DateTime.UnixEpoch);
        migrationBuilder.AddColumn<DateTime>("DecidedAtUtc", "labelling_applications", nullable: true);
        migrationBuilder.AddColumn<string>("DecisionMessage", "labelling_applications", maxLength: 2000, nullable: true);
        migrationBuilder.CreateIndex("ix_labelling_applications_organisation", "labelling_applications", "OrganisationId");

        migrationBuilder.CreateTable(
            "labelling_decisions",
            t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ApplicationId = t.Column<Guid>(nullable: false),
                Kind = t.Column<string>(maxLength: 30, nullable: false),
                By = t.Column<string>(maxLength: 256, nullable: false),
                AtUtc = t.Column<DateTime>(nullable: false),
                Comment = t.Column<string>(maxLength: 2000, nullable: true),
                LabelNumber = t.Column<string>(maxLength: 20, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_labelling_decisions", x => x.Id);
                t.ForeignKey("fk_labelling_decisions_application", x => x.ApplicationId, "labelling_applications", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_labelling_decisions_application", "labelling_decisions", "ApplicationId");

        migrationBuilder.CreateTable(
            "labelling_editions",
            t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Year = t.Column<int>(nullable: false),
                Snapshot = t.Column<string>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_labelling_editions", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("labelling_editions");
        migrationBuilder.DropTable("labelling_decisions");
        migrationBuilder.DropIndex("ix_labelling_applications_organisation", "labelling_applications");
        foreach (var column in new[] { "DepartmentCode", "Format", "OrganisationId", "EventRevision", "Criteria", "IndustryConfirmed", "DueAtUtc", "DecidedAtUtc", "DecisionMessage" })
        {
            migrationBuilder.DropColumn(column, "labelling_applications");
        }
    }
}
