using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace IndustryWeek.CommunicationKit.Persistence.Migrations;

/// <summary>
/// The kit itself (built from the event as labelled, kept up to date), its stored zip, the editions'
/// names and themes, and deliveries keyed by why they are sent (label version, change, resend).
/// Existing deliveries become the « label-vN » deliveries they were.
/// </summary>
[DbContext(typeof(CommunicationKitDbContext))]
[Migration("20261122100000_Kits")]
internal sealed class Kits : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // The old rows go through a copy without a key (the new key has the old one's name), in SQL
        // that SQLite and PostgreSQL both run, and in SQL Server's form (+, bit). Each statement ends with
        // its semicolon: PostgreSQL's idempotent script puts it inside a DO block.
        migrationBuilder.CreateTable("kit_deliveries_copy", DeliveryColumns);
        const string Columns = """("EventId", "Key", "Reason", "LabelVersion", "LabelNumber", "RecipientEmail", "RequestedBy", "Status", "Attempts", "LastError", "WillRetry", "QueuedAtUtc", "SentAtUtc", "UpdatedAtUtc")""";
        if (migrationBuilder.IsSqlServer())
        {
            migrationBuilder.SqlServerStatement(
                $"""
                INSERT INTO "kit_deliveries_copy" {Columns}
                SELECT "EventId", 'label-v' + CAST("LabelVersion" AS nvarchar(10)), 'Granted', "LabelVersion", "LabelNumber", "RecipientEmail", NULL, "Status", "Attempts", "LastError", CASE WHEN "Status" = 'Failed' THEN 1 ELSE 0 END, "QueuedAtUtc", "SentAtUtc", "UpdatedAtUtc"
                FROM "kit_deliveries"
                """);
        }
        else
        {
            migrationBuilder.Sql(
                $"""
                INSERT INTO "kit_deliveries_copy" {Columns}
                SELECT "EventId", 'label-v' || CAST("LabelVersion" AS TEXT), 'Granted', "LabelVersion", "LabelNumber", "RecipientEmail", NULL, "Status", "Attempts", "LastError", "Status" = 'Failed', "QueuedAtUtc", "SentAtUtc", "UpdatedAtUtc"
                FROM "kit_deliveries";
                """);
        }

        migrationBuilder.DropTable("kit_deliveries");
        migrationBuilder.CreateTable("kit_deliveries", DeliveryColumns, constraints: t => t.PrimaryKey("pk_kit_deliveries", x => new { x.EventId, x.Key }));
        const string Copy = """INSERT INTO "kit_deliveries" SELECT * FROM "kit_deliveries_copy";""";
        if (migrationBuilder.IsSqlServer())
        {
            migrationBuilder.SqlServerStatement(Copy);
        }
        else
        {
            migrationBuilder.Sql(Copy);
        }

        migrationBuilder.DropTable("kit_deliveries_copy");
        migrationBuilder.CreateIndex("ix_kit_deliveries_status", "kit_deliveries", ["Status", "UpdatedAtUtc"]);

        migrationBuilder.CreateTable(
            "kit_kits",
            t => new
            {
                EventId = t.Column<Guid>(nullable: false),
                EditionId = t.Column<Guid>(nullable: false),
                EditionYear = t.Column<int>(nullable: false),
                LabelNumber = t.Column<string>(maxLength: 20, nullable: false),
                LabelVersion = t.Column<int>(nullable: false),
                GrantedAtUtc = t.Column<DateTime>(nullable: false),
                Event = t.Column<string>(nullable: false),
                Organiser = t.Column<string>(nullable: false),
                EventRevision = t.Column<int>(nullable: false),
                State = t.Column<string>(maxLength: 20, nullable: false),
                WithdrawnReason = t.Column<string>(maxLength: 500, nullable: true),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_kit_kits", x => x.EventId));
        migrationBuilder.CreateIndex("ix_kit_kits_label_number", "kit_kits", "LabelNumber");

        migrationBuilder.CreateTable(
            "kit_archives",
            t => new
            {
                EventId = t.Column<Guid>(nullable: false),
                Fingerprint = t.Column<string>(maxLength: 40, nullable: false),
                FileName = t.Column<string>(maxLength: 100, nullable: false),
                Content = t.Column<byte[]>(nullable: false),
                BuiltAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_kit_archives", x => x.EventId));

        migrationBuilder.CreateTable(
            "kit_editions",
            t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Snapshot = t.Column<string>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_kit_editions", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("kit_editions");
        migrationBuilder.DropTable("kit_archives");
        migrationBuilder.DropTable("kit_kits");
        migrationBuilder.DropTable("kit_deliveries");
        migrationBuilder.CreateTable(
            "kit_deliveries",
            t => new
            {
                EventId = t.Column<Guid>(nullable: false),
                LabelVersion = t.Column<int>(nullable: false),
                LabelNumber = t.Column<string>(maxLength: 20, nullable: false),
                RecipientEmail = t.Column<string>(maxLength: 256, nullable: false),
                Status = t.Column<string>(maxLength: 20, nullable: false),
                Attempts = t.Column<int>(nullable: false),
                LastError = t.Column<string>(maxLength: 2000, nullable: true),
                QueuedAtUtc = t.Column<DateTime>(nullable: false),
                SentAtUtc = t.Column<DateTime>(nullable: true),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_kit_deliveries", x => new { x.EventId, x.LabelVersion }));
    }

    private static DeliveryColumnSet DeliveryColumns(ColumnsBuilder t) => new()
    {
        EventId = t.Column<Guid>(nullable: false),
        Key = t.Column<string>(maxLength: 40, nullable: false),
        Reason = t.Column<string>(maxLength: 20, nullable: false),
        LabelVersion = t.Column<int>(nullable: false),
        LabelNumber = t.Column<string>(maxLength: 20, nullable: false),
        RecipientEmail = t.Column<string>(maxLength: 256, nullable: false),
        RequestedBy = t.Column<string>(maxLength: 256, nullable: true),
        Status = t.Column<string>(maxLength: 20, nullable: false),
        Attempts = t.Column<int>(nullable: false),
        LastError = t.Column<string>(maxLength: 2000, nullable: true),
        WillRetry = t.Column<bool>(nullable: false),
        QueuedAtUtc = t.Column<DateTime>(nullable: false),
        SentAtUtc = t.Column<DateTime>(nullable: true),
        UpdatedAtUtc = t.Column<DateTime>(nullable: false),
    };
}

/// <summary>
/// The columns of kit_deliveries, in table order (the copy's `SELECT *` relies on it). A class, not a
/// record: EF reads every declared property as a column.
/// </summary>
internal sealed class DeliveryColumnSet
{
    public required OperationBuilder<AddColumnOperation> EventId { get; init; }

    public required OperationBuilder<AddColumnOperation> Key { get; init; }

    public required OperationBuilder<AddColumnOperation> Reason { get; init; }

    public required OperationBuilder<AddColumnOperation> LabelVersion { get; init; }

    public required OperationBuilder<AddColumnOperation> LabelNumber { get; init; }

    public required OperationBuilder<AddColumnOperation> RecipientEmail { get; init; }

    public required OperationBuilder<AddColumnOperation> RequestedBy { get; init; }

    public required OperationBuilder<AddColumnOperation> Status { get; init; }

    public required OperationBuilder<AddColumnOperation> Attempts { get; init; }

    public required OperationBuilder<AddColumnOperation> LastError { get; init; }

    public required OperationBuilder<AddColumnOperation> WillRetry { get; init; }

    public required OperationBuilder<AddColumnOperation> QueuedAtUtc { get; init; }

    public required OperationBuilder<AddColumnOperation> SentAtUtc { get; init; }

    public required OperationBuilder<AddColumnOperation> UpdatedAtUtc { get; init; }
}
