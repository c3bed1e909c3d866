using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Registration.Persistence.Migrations;

[DbContext(typeof(RegistrationDbContext))]
[Migration("20261122020000_Organisations")]
internal sealed class Organisations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            "registration_organisations",
            t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Name = t.Column<string>(maxLength: 200, nullable: false),
                Type = t.Column<string>(maxLength: 40, nullable: false),
                Siret = t.Column<string>(maxLength: 14, nullable: true),
                AddressStreet = t.Column<string>(maxLength: 200, nullable: false),
                AddressPostalCode = t.Column<string>(maxLength: 5, nullable: false),
                AddressCity = t.Column<string>(maxLength: 100, nullable: false),
                ContactName = t.Column<string>(maxLength: 100, nullable: false),
                ContactPhone = t.Column<string>(maxLength: 30, nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
                Revision = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_registration_organisations", x => x.Id));

        migrationBuilder.CreateTable(
            "registration_members",
            t => new
            {
                UserId = t.Column<string>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                Email = t.Column<string>(maxLength: 256, nullable: false),
                JoinedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_registration_members", x => x.UserId);
                t.ForeignKey("fk_registration_members_organisation", x => x.OrganisationId, "registration_organisations", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_registration_members_organisation", "registration_members", "OrganisationId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("registration_members");
        migrationBuilder.DropTable("registration_organisations");
    }
}
