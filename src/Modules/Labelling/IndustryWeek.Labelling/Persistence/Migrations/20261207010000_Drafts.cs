using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Labelling.Persistence.Migrations;

/// <summary>The events registered and not yet submitted (DraftChanged), for the edition dashboard.</summary>
[DbContext(typeof(LabellingDbContext))]
[Migration("20261207010000_Drafts")]
internal sealed class Drafts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            "labelling_drafts",
            t => new
            {
                EventId = t.Column<Guid>(nullable: false),
                EditionId = t.Column<Guid>(nullable: false),
                IsDraft = t.Column<bool>(nullable: false),
                RegionCode = t.Column<string>(maxLength: 3, nullable: true),
                Format = t.Column<string>(maxLength: 30, nullable: false),
                Audiences = t.Column<string>(nullable: false),
                Revision = t.Column<int>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_labelling_drafts", x => x.EventId));
        migrationBuilder.CreateIndex("ix_labelling_drafts_edition", "labelling_drafts", ["EditionId", "IsDraft"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("labelling_drafts");
}
