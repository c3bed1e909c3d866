using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Shared.Platform.Migrations;

/// <summary>
/// Jobs move from Quartz to Hangfire: each record gets the Hangfire job attached to it and the pause of a
/// recurring job (Hangfire cannot pause), and Quartz's tables leave the database. Work Quartz had not done
/// is enqueued on Hangfire by the first start (JobsStartup), from these records.
/// </summary>
[DbContext(typeof(PlatformDbContext))]
[Migration("20261205000000_HangfireJobs")]
internal sealed class HangfireJobs : Migration
{
    /// <summary>Quartz's tables (with its execution history), children before the tables they reference.</summary>
    private static readonly string[] QuartzTables =
    [
        "QRTZ_FIRED_TRIGGERS", "QRTZ_PAUSED_TRIGGER_GRPS", "QRTZ_PAUSED_JOB_GRPS", "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS",
        "QRTZ_SIMPLE_TRIGGERS", "QRTZ_SIMPROP_TRIGGERS", "QRTZ_CRON_TRIGGERS", "QRTZ_BLOB_TRIGGERS", "QRTZ_TRIGGERS",
        "QRTZ_JOB_DETAILS", "QRTZ_CALENDARS", "QRTZ_EXECUTION_HISTORY", "QRTZ_JOB_STATUS", "QRTZ_MISFIRE_HISTORY",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("HangfireJobId", "platform_jobs", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<string>("PauseReason", "platform_jobs", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<string>("PausedBy", "platform_jobs", maxLength: 256, nullable: true);
        migrationBuilder.AddColumn<DateTime>("PausedAtUtc", "platform_jobs", nullable: true);
        migrationBuilder.CreateIndex("ix_platform_jobs_hangfire", "platform_jobs", "HangfireJobId");

        if (migrationBuilder.IsSqlServer())
        {
            return; // Quartz never ran on SQL Server: the platform had no SQL Server provider then.
        }

        var postgres = migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
        foreach (var table in QuartzTables)
        {
            // PostgreSQL: Quartz created them lower-case (unquoted names fold to lower case here too).
            migrationBuilder.Sql(postgres ? $"DROP TABLE IF EXISTS {table} CASCADE;" : $"DROP TABLE IF EXISTS {table};");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("ix_platform_jobs_hangfire", "platform_jobs");
        migrationBuilder.DropColumn("PausedAtUtc", "platform_jobs");
        migrationBuilder.DropColumn("PausedBy", "platform_jobs");
        migrationBuilder.DropColumn("PauseReason", "platform_jobs");
        migrationBuilder.DropColumn("HangfireJobId", "platform_jobs");
    }
}
