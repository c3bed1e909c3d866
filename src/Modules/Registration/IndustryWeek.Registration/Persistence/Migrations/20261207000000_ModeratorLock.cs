using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IndustryWeek.Registration.Persistence.Migrations;

/// <summary>
/// Whether an administrator locked the account, beside its roles, so that Labelling stops writing to a locked moderator.
/// Accounts locked before it (the lock came a day earlier, never deployed) start unlocked here until locked again.
/// </summary>
[DbContext(typeof(RegistrationDbContext))]
[Migration("20261207000000_ModeratorLock")]
internal sealed class ModeratorLock : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddRequiredColumn("IsLocked", "registration_moderator_assignments", false);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("IsLocked", "registration_moderator_assignments");
}
