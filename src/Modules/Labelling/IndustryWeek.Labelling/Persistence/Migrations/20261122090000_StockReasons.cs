using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Labelling.Persistence.Migrations;

[DbContext(typeof(LabellingDbContext))]
[Migration("20261122090000_StockReasons")]
internal sealed class StockReasons : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            "labelling_stock_reasons",
            t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Text = t.Column<string>(maxLength: 300, nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_labelling_stock_reasons", x => x.Id));

        // The reasons the four criteria suggest; administrators change the list from then on.
        string[] reasons =
        [
            "L'événement n'a pas lieu pendant la période de l'édition.",
            "L'événement n'est pas ouvert au public.",
            "L'événement ne fait pas découvrir l'industrie, ses métiers ou ses formations.",
            "L'événement est payant.",
            "L'événement est déjà déclaré (doublon).",
        ];
        string[] types = migrationBuilder.ActiveProvider switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => ["TEXT", "TEXT", "TEXT"],
            "Microsoft.EntityFrameworkCore.SqlServer" => ["uniqueidentifier", "nvarchar(300)", "datetime2"],
            _ => ["uuid", "character varying(300)", "timestamp with time zone"],
        };
        for (var i = 0; i < reasons.Length; i++)
        {
            migrationBuilder.InsertData(
                "labelling_stock_reasons",
                ["Id", "Text", "CreatedAtUtc"],
                types,
                [new Guid($"5d0c0000-0000-0000-0000-00000000000{i + 1}"), reasons[i], new DateTime(2026, 11, 22, 0, 0, i, DateTimeKind.Utc)]);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("labelling_stock_reasons");
}
