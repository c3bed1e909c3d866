using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Registration.Persistence.Migrations;

[DbContext(typeof(RegistrationDbContext))]
[Migration("20261122070000_ModeratorAssignments")]
internal sealed class ModeratorAssignments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            "registration_moderator_assignments",
            t => new
            {
                Id = t.Column<string>(maxLength: 450, nullable: false),
                Email = t.Column<string>(maxLength: 256, nullable: false),
                IsModerator = t.Column<bool>(nullable: false),
                IsAdministrator = t.Column<bool>(nullable: false),
                Regions = t.Column<string>(nullable: false),
                AssignedBy = t.Column<string>(maxLength: 256, nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_registration_moderator_assignments", x => x.Id));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("registration_moderator_assignments");
}
