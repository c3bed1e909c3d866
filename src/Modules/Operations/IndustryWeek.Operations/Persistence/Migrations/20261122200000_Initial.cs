using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace IndustryWeek.Operations.Persistence.Migrations;

[DbContext(typeof(OperationsDbContext))]
[Migration("20261122200000_Initial")]
internal sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            "operations_actions",
            t => new
            {
                Id = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                    .Annotation("SqlServer:Identity", "1, 1"),
                AtUtc = t.Column<DateTime>(nullable: false),
                ActorId = t.Column<string>(maxLength: 450, nullable: false),
                ActorEmail = t.Column<string>(maxLength: 256, nullable: false),
                Kind = t.Column<string>(maxLength: 40, nullable: false),
                Target = t.Column<string>(maxLength: 400, nullable: false),
                JobId = t.Column<long>(nullable: true),
                Reason = t.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_operations_actions", x => x.Id));
        migrationBuilder.CreateIndex("ix_operations_actions_at", "operations_actions", "AtUtc");
        migrationBuilder.CreateIndex("ix_operations_actions_job", "operations_actions", "JobId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("operations_actions");
}
