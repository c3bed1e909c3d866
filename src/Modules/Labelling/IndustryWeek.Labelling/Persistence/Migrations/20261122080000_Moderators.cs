using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Labelling.Persistence.Migrations;

[DbContext(typeof(LabellingDbContext))]
[Migration("20261122080000_Moderators")]
internal sealed class Moderators : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            "labelling_moderators",
            t => new
            {
                UserId = t.Column<string>(maxLength: 450, nullable: false),
                Email = t.Column<string>(maxLength: 256, nullable: false),
                IsModerator = t.Column<bool>(nullable: false),
                Regions = t.Column<string>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_labelling_moderators", x => x.UserId));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("labelling_moderators");
}
