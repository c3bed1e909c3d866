using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace IndustryWeek.Shared.Platform.Migrations;

[DbContext(typeof(PlatformDbContext))]
[Migration("20261122200000_JobRecords")]
internal sealed class JobRecords : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            "platform_jobs",
            t => new
            {
                Id = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                    .Annotation("SqlServer:Identity", "1, 1"),
                Type = t.Column<string>(maxLength: 150, nullable: false),
                Key = t.Column<string>(maxLength: 150, nullable: false),
                Recurring = t.Column<bool>(nullable: false),
                State = t.Column<string>(maxLength: 20, nullable: false),
                Attempts = t.Column<int>(nullable: false),
                LastError = t.Column<string>(nullable: true),
                About = t.Column<string>(maxLength: 300, nullable: true),
                Payload = t.Column<string>(maxLength: 4000, nullable: false),
                CorrelationId = t.Column<string>(maxLength: 64, nullable: true),
                Cause = t.Column<string>(maxLength: 150, nullable: true),
                CauseMessageId = t.Column<Guid>(nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
                FinishedAtUtc = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_platform_jobs", x => x.Id));
        migrationBuilder.CreateIndex("ix_platform_jobs_type_key", "platform_jobs", ["Type", "Key"], unique: true);
        migrationBuilder.CreateIndex("ix_platform_jobs_state", "platform_jobs", ["State", "UpdatedAtUtc"]);
        migrationBuilder.CreateIndex("ix_platform_jobs_correlation", "platform_jobs", "CorrelationId");

        migrationBuilder.CreateTable(
            "platform_job_attempts",
            t => new
            {
                Id = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                    .Annotation("SqlServer:Identity", "1, 1"),
                JobId = t.Column<long>(nullable: false),
                Number = t.Column<int>(nullable: false),
                Node = t.Column<string>(maxLength: 200, nullable: false),
                FireInstanceId = t.Column<string>(maxLength: 140, nullable: false),
                StartedAtUtc = t.Column<DateTime>(nullable: false),
                FinishedAtUtc = t.Column<DateTime>(nullable: true),
                Result = t.Column<string>(maxLength: 20, nullable: false),
                Error = t.Column<string>(nullable: true),
                WillRetry = t.Column<bool>(nullable: false),
                RequestedBy = t.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_platform_job_attempts", x => x.Id);
                t.ForeignKey("fk_platform_job_attempts_job", x => x.JobId, "platform_jobs", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_platform_job_attempts_job", "platform_job_attempts", ["JobId", "Number"]);
        migrationBuilder.CreateIndex("ix_platform_job_attempts_started", "platform_job_attempts", "StartedAtUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("platform_job_attempts");
        migrationBuilder.DropTable("platform_jobs");
    }
}
