using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace IndustryWeek.Registration.Persistence.Migrations;

/// <summary>ASP.NET Core Identity's tables (schema version 1), under the module's prefix.</summary>
[DbContext(typeof(RegistrationDbContext))]
[Migration("20261122000000_Identity")]
internal sealed class Identity : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            "registration_roles",
            t => new
            {
                Id = t.Column<string>(nullable: false),
                Name = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = t.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_registration_roles", x => x.Id));

        migrationBuilder.CreateTable(
            "registration_users",
            t => new
            {
                Id = t.Column<string>(nullable: false),
                UserName = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
                Email = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = t.Column<bool>(nullable: false),
                PasswordHash = t.Column<string>(nullable: true),
                SecurityStamp = t.Column<string>(nullable: true),
                ConcurrencyStamp = t.Column<string>(nullable: true),
                PhoneNumber = t.Column<string>(nullable: true),
                PhoneNumberConfirmed = t.Column<bool>(nullable: false),
                TwoFactorEnabled = t.Column<bool>(nullable: false),
                LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = t.Column<bool>(nullable: false),
                AccessFailedCount = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_registration_users", x => x.Id));

        migrationBuilder.CreateTable(
            "registration_role_claims",
            t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                    .Annotation("SqlServer:Identity", "1, 1"),
                RoleId = t.Column<string>(nullable: false),
                ClaimType = t.Column<string>(nullable: true),
                ClaimValue = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_registration_role_claims", x => x.Id);
                t.ForeignKey("FK_registration_role_claims_registration_roles_RoleId", x => x.RoleId, "registration_roles", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            "registration_user_claims",
            t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                    .Annotation("SqlServer:Identity", "1, 1"),
                UserId = t.Column<string>(nullable: false),
                ClaimType = t.Column<string>(nullable: true),
                ClaimValue = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_registration_user_claims", x => x.Id);
                t.ForeignKey("FK_registration_user_claims_registration_users_UserId", x => x.UserId, "registration_users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            "registration_user_logins",
            t => new
            {
                LoginProvider = t.Column<string>(nullable: false),
                ProviderKey = t.Column<string>(nullable: false),
                ProviderDisplayName = t.Column<string>(nullable: true),
                UserId = t.Column<string>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_registration_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                t.ForeignKey("FK_registration_user_logins_registration_users_UserId", x => x.UserId, "registration_users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            "registration_user_roles",
            t => new
            {
                UserId = t.Column<string>(nullable: false),
                RoleId = t.Column<string>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_registration_user_roles", x => new { x.UserId, x.RoleId });
                t.ForeignKey("FK_registration_user_roles_registration_roles_RoleId", x => x.RoleId, "registration_roles", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_registration_user_roles_registration_users_UserId", x => x.UserId, "registration_users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            "registration_user_tokens",
            t => new
            {
                UserId = t.Column<string>(nullable: false),
                LoginProvider = t.Column<string>(nullable: false),
                Name = t.Column<string>(nullable: false),
                Value = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_registration_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                t.ForeignKey("FK_registration_user_tokens_registration_users_UserId", x => x.UserId, "registration_users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_registration_role_claims_RoleId", "registration_role_claims", "RoleId");
        migrationBuilder.CreateIndex("RoleNameIndex", "registration_roles", "NormalizedName", unique: true, filter: migrationBuilder.UniqueWhereNotNull("NormalizedName"));
        migrationBuilder.CreateIndex("IX_registration_user_claims_UserId", "registration_user_claims", "UserId");
        migrationBuilder.CreateIndex("IX_registration_user_logins_UserId", "registration_user_logins", "UserId");
        migrationBuilder.CreateIndex("IX_registration_user_roles_RoleId", "registration_user_roles", "RoleId");
        migrationBuilder.CreateIndex("EmailIndex", "registration_users", "NormalizedEmail");
        migrationBuilder.CreateIndex("UserNameIndex", "registration_users", "NormalizedUserName", unique: true, filter: migrationBuilder.UniqueWhereNotNull("NormalizedUserName"));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "registration_role_claims", "registration_user_claims", "registration_user_logins", "registration_user_roles", "registration_user_tokens", "registration_roles", "registration_users" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
