using IndustryWeek.Shared.Persistence;
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
        migrationBuilder.AddRequiredColumn("Format", "labelling_applications", "", maxLength: 30);
        migrationBuilder.AddRequiredColumn("OrganisationId", "labelling_applications", Guid.Empty);
        migrationBuilder.AddRequiredColumn("EventRevision", "labelling_applications", 0);
        migrationBuilder.AddRequiredColumn("Criteria", "labelling_applications", "[]");
        migrationBuilder.AddRequiredColumn("IndustryConfirmed", "labelling_applications", false);
        migrationBuilder.AddRequiredColumn("DueAtUtc", "labelling_applications", DateTime.UnixEpoch);
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
