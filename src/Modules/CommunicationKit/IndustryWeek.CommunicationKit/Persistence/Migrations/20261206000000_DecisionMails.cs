using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.CommunicationKit.Persistence.Migrations;

/// <summary>
/// The mails that tell organisers each step of their application (received, changes requested, refused,
/// revoked, suspended), keyed as the kit's deliveries; the moderator's comment carried by a kit's mail.
/// </summary>
[DbContext(typeof(CommunicationKitDbContext))]
[Migration("20261206000000_DecisionMails")]
internal sealed class DecisionMails : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("Comment", "kit_deliveries", maxLength: 2000, nullable: true);
        migrationBuilder.CreateTable(
            "kit_decision_mails",
            t => new
            {
                EventId = t.Column<Guid>(nullable: false),
                Key = t.Column<string>(maxLength: 40, nullable: false),
                Kind = t.Column<string>(maxLength: 20, nullable: false),
                RecipientEmail = t.Column<string>(maxLength: 256, nullable: false),
                Subject = t.Column<string>(maxLength: 300, nullable: false),
                Body = t.Column<string>(nullable: false),
                Status = t.Column<string>(maxLength: 20, nullable: false),
                Attempts = t.Column<int>(nullable: false),
                LastError = t.Column<string>(maxLength: 2000, nullable: true),
                QueuedAtUtc = t.Column<DateTime>(nullable: false),
                SentAtUtc = t.Column<DateTime>(nullable: true),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_kit_decision_mails", x => new { x.EventId, x.Key }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("kit_decision_mails");
        migrationBuilder.DropColumn("Comment", "kit_deliveries");
    }
}
