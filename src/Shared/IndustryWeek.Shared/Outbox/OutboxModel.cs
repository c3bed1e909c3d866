using IndustryWeek.Shared.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace IndustryWeek.Shared.Outbox;

/// <summary>The outbox table every publishing module has, in its model and in its hand-written migration.</summary>
public static class OutboxModel
{
    public static ModelBuilder AddOutbox(this ModelBuilder modelBuilder, string tablePrefix)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable($"{tablePrefix}_outbox");
            b.HasKey(m => m.Id).HasName($"pk_{tablePrefix}_outbox");
            b.Property(m => m.Id).ValueGeneratedOnAdd();
            b.Property(m => m.Type).HasMaxLength(300);
            b.Property(m => m.CorrelationId).HasMaxLength(Correlation.MaxLength);
            b.Property(m => m.TraceParent).HasMaxLength(PlatformTelemetry.TraceParentMaxLength);
            b.Ignore(m => m.ShortType);
            b.HasIndex(m => m.MessageId).IsUnique().HasDatabaseName($"ix_{tablePrefix}_outbox_message_id");
            b.HasIndex(m => new { m.ProcessedAtUtc, m.NextAttemptAtUtc }).HasDatabaseName($"ix_{tablePrefix}_outbox_pending");
        });
        return modelBuilder;
    }

    public static void CreateOutboxTable(this MigrationBuilder migrationBuilder, string tablePrefix)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var table = $"{tablePrefix}_outbox";
        migrationBuilder.CreateTable(
            table,
            t => new
            {
                Id = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                    .Annotation("SqlServer:Identity", "1, 1"),
                MessageId = t.Column<Guid>(nullable: false),
                Type = t.Column<string>(maxLength: 300, nullable: false),
                Payload = t.Column<string>(nullable: false),
                OccurredAtUtc = t.Column<DateTime>(nullable: false),
                Attempts = t.Column<int>(nullable: false),
                NextAttemptAtUtc = t.Column<DateTime>(nullable: false),
                ProcessedAtUtc = t.Column<DateTime>(nullable: true),
                FailedAtUtc = t.Column<DateTime>(nullable: true),
                LastError = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey($"pk_{table}", x => x.Id));
        migrationBuilder.CreateIndex($"ix_{table}_message_id", table, "MessageId", unique: true);
        migrationBuilder.CreateIndex($"ix_{table}_pending", table, ["ProcessedAtUtc", "NextAttemptAtUtc"]);
    }

    /// <summary>The correlation id column, added to outboxes created before it existed.</summary>
    public static void AddOutboxCorrelation(this MigrationBuilder migrationBuilder, string tablePrefix)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>("CorrelationId", $"{tablePrefix}_outbox", maxLength: Correlation.MaxLength, nullable: true);
    }

    /// <summary>The traceparent column, added to outboxes created before it existed.</summary>
    public static void AddOutboxTraceParent(this MigrationBuilder migrationBuilder, string tablePrefix)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>("TraceParent", $"{tablePrefix}_outbox", maxLength: PlatformTelemetry.TraceParentMaxLength, nullable: true);
    }
}
