using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Registration.Persistence.Migrations;

[DbContext(typeof(RegistrationDbContext))]
[Migration("20261122030000_Invitations")]
internal sealed class Invitations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            "registration_invitations",
            t => new
            {
                Token = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                Email = t.Column<string>(maxLength: 256, nullable: false),
                InvitedBy = t.Column<string>(maxLength: 256, nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                AcceptedAtUtc = t.Column<DateTime>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_registration_invitations", x => x.Token);
                t.ForeignKey("fk_registration_invitations_organisation", x => x.OrganisationId, "registration_organisations", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_registration_invitations_organisation", "registration_invitations", "OrganisationId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("registration_invitations");
}
