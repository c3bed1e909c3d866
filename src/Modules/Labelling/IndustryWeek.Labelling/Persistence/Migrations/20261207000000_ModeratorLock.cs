using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Labelling.Persistence.Migrations;

/// <summary>A locked moderator (ModeratorAssigned.IsLocked) gets no digest.</summary>
[DbContext(typeof(LabellingDbContext))]
[Migration("20261207000000_ModeratorLock")]
internal sealed class ModeratorLock : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddRequiredColumn("IsLocked", "labelling_moderators", false);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("IsLocked", "labelling_moderators");
}
