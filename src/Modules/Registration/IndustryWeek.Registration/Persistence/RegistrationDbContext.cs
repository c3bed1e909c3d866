using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Registration.Persistence;

/// <summary>Registration owns the user store (it registers people); its tables are prefixed like every module's.</summary>
internal sealed class RegistrationDbContext(DbContextOptions<RegistrationDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    public const string TablePrefix = "registration";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<IdentityUser>().ToTable("registration_users");
        builder.Entity<IdentityRole>().ToTable("registration_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("registration_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("registration_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("registration_user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("registration_user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("registration_role_claims");
    }
}
