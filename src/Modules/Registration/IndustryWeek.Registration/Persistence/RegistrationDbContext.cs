using IndustryWeek.Registration.Domain.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Registration.Persistence;

/// <summary>Registration owns the user store (it registers people); its tables are prefixed like every module's.</summary>
internal sealed class RegistrationDbContext(DbContextOptions<RegistrationDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    public const string TablePrefix = "registration";

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<OrganisationMember> Members => Set<OrganisationMember>();

    public DbSet<OrganisationInvitation> Invitations => Set<OrganisationInvitation>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Organisation>(b =>
        {
            b.ToTable("registration_organisations");
            b.HasKey(o => o.Id).HasName("pk_registration_organisations");
            b.Property(o => o.Id).ValueGeneratedNever();
            b.Property(o => o.Name).HasMaxLength(200);
            b.Property(o => o.Type).HasConversion<string>().HasMaxLength(40);
            b.Property(o => o.Siret).HasMaxLength(14);
            b.Property(o => o.ContactName).HasMaxLength(100);
            b.Property(o => o.ContactPhone).HasMaxLength(30);
            b.Property(o => o.Revision).IsConcurrencyToken();
            b.ComplexProperty(o => o.Address, a =>
            {
                a.Property(x => x.Street).HasColumnName("AddressStreet").HasMaxLength(200);
                a.Property(x => x.PostalCode).HasColumnName("AddressPostalCode").HasMaxLength(5);
                a.Property(x => x.City).HasColumnName("AddressCity").HasMaxLength(100);
            });
            b.HasMany(o => o.Members).WithOne().HasForeignKey(m => m.OrganisationId).HasConstraintName("fk_registration_members_organisation");
            b.Ignore(o => o.DomainEvents);
        });
        builder.Entity<OrganisationMember>(b =>
        {
            b.ToTable("registration_members");
            b.HasKey(m => m.UserId).HasName("pk_registration_members");
            b.Property(m => m.Email).HasMaxLength(256);
            b.HasIndex(m => m.OrganisationId).HasDatabaseName("ix_registration_members_organisation");
        });
        builder.Entity<OrganisationInvitation>(b =>
        {
            b.ToTable("registration_invitations");
            b.HasKey(i => i.Token).HasName("pk_registration_invitations");
            b.Property(i => i.Token).ValueGeneratedNever();
            b.Property(i => i.Email).HasMaxLength(256);
            b.Property(i => i.InvitedBy).HasMaxLength(256);
            b.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).HasConstraintName("fk_registration_invitations_organisation");
            b.HasIndex(i => i.OrganisationId).HasDatabaseName("ix_registration_invitations_organisation");
        });
        builder.Entity<IdentityUser>().ToTable("registration_users");
        builder.Entity<IdentityRole>().ToTable("registration_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("registration_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("registration_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("registration_user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("registration_user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("registration_role_claims");
    }
}
