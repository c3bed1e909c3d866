using IndustryWeek.Shared.Outbox;
using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Labelling.Persistence.Migrations;

[DbContext(typeof(LabellingDbContext))]
[Migration("20261122000000_Initial")]
internal sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            "labelling_applications",
            t => new
            {
                Id = t.Column<Guid>(nullable: false),
                EditionId = t.Column<Guid>(nullable: false),
                EditionYear = t.Column<int>(nullable: false),
                RegionCode = t.Column<string>(maxLength: 3, nullable: true),
                Status = t.Column<string>(maxLength: 20, nullable: false),
                SubmissionNumber = t.Column<int>(nullable: false),
                Snapshot = t.Column<string>(nullable: false),
                SubmittedAtUtc = t.Column<DateTime>(nullable: false),
                LabelNumber = t.Column<string>(maxLength: 20, nullable: true),
                LabelVersion = t.Column<int>(nullable: false),
                GrantedAtUtc = t.Column<DateTime>(nullable: true),
                GrantedBy = t.Column<string>(maxLength: 256, nullable: true),
                GrantComment = t.Column<string>(maxLength: 2000, nullable: true),
                Revision = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_labelling_applications", x => x.Id));
        migrationBuilder.CreateIndex("ix_labelling_applications_label_number", "labelling_applications", "LabelNumber", unique: true, filter: migrationBuilder.UniqueWhereNotNull("LabelNumber"));
        migrationBuilder.CreateIndex("ix_labelling_applications_queue", "labelling_applications", ["Status", "RegionCode", "SubmittedAtUtc"]);

        migrationBuilder.CreateTable(
            "labelling_label_sequences",
            t => new
            {
                EditionId = t.Column<Guid>(nullable: false),
                Year = t.Column<int>(nullable: false),
                LastNumber = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_labelling_label_sequences", x => x.EditionId));

        migrationBuilder.CreateOutboxTable(LabellingDbContext.TablePrefix);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("labelling_outbox");
        migrationBuilder.DropTable("labelling_label_sequences");
        migrationBuilder.DropTable("labelling_applications");
    }
}
