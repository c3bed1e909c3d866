using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Labelling.Persistence.Migrations;

[DbContext(typeof(LabellingDbContext))]
[Migration("20261122070000_ParticipationReports")]
internal sealed class ParticipationReports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("Participation", "labelling_applications", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("Participation", "labelling_applications");
}
