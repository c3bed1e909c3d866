using IndustryWeek.Registration.Domain.Accounts;
using IndustryWeek.Registration.Domain.Editions;
using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Registration.Domain.Notices;
using IndustryWeek.Registration.Domain.Organisations;
using IndustryWeek.Shared.Outbox;
using IndustryWeek.Shared.Persistence;
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

    public DbSet<Event> Events => Set<Event>();

    public DbSet<Edition> Editions => Set<Edition>();

    public DbSet<OrganiserNotice> Notices => Set<OrganiserNotice>();

    public DbSet<ModeratorAssignment> ModeratorAssignments => Set<ModeratorAssignment>();

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
        builder.Entity<Event>(b =>
        {
            b.ToTable("registration_events");
            b.HasKey(e => e.Id).HasName("pk_registration_events");
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Property(e => e.Details).HasJsonConversion();
            b.Property(e => e.Organiser).HasJsonConversion();
            b.Property(e => e.Participation!).HasJsonConversion();
            b.Property(e => e.Criteria).HasJsonConversion();
            b.Property(e => e.Kit!).HasJsonConversion();
            b.Property(e => e.Title).HasMaxLength(150);
            b.Property(e => e.RegionCode).HasMaxLength(3);
            b.Property(e => e.DepartmentCode).HasMaxLength(3);
            b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(e => e.LabelNumber).HasMaxLength(20);
            b.Property(e => e.ModeratorMessage).HasMaxLength(2000);
            b.Property(e => e.ScheduleWarning).HasMaxLength(500);
            b.Property(e => e.CancellationReason).HasMaxLength(1000);
            b.Property(e => e.Revision).IsConcurrencyToken();
            b.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).HasConstraintName("fk_registration_events_organisation");
            b.HasIndex(e => new { e.OrganisationId, e.EditionId }).HasDatabaseName("ix_registration_events_organisation");
            b.HasIndex(e => new { e.EditionId, e.Status }).HasDatabaseName("ix_registration_events_edition");
            b.Property(e => e.ExternalId).HasMaxLength(Event.MaxExternalId);
            b.HasIndex(e => new { e.OrganisationId, e.EditionId, e.ExternalId }).IsUnique().HasDatabaseName("ix_registration_events_external_id");
            b.Ignore(e => e.DomainEvents);
        });
        builder.Entity<Edition>(b =>
        {
            b.ToTable("registration_editions");
            b.HasKey(e => e.Id).HasName("pk_registration_editions");
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(e => e.Snapshot).HasJsonConversion();
        });
        builder.Entity<OrganiserNotice>(b =>
        {
            b.ToTable("registration_notices");
            b.HasKey(n => n.Id).HasName("pk_registration_notices");
            b.Property(n => n.Id).ValueGeneratedNever();
            b.Property(n => n.Batch).HasMaxLength(100);
            b.Property(n => n.Recipient).HasMaxLength(256);
            b.Property(n => n.Subject).HasMaxLength(300);
            b.HasIndex(n => new { n.Batch, n.SentAtUtc }).HasDatabaseName("ix_registration_notices_batch");
        });
        builder.Entity<ModeratorAssignment>(b =>
        {
            b.ToTable("registration_moderator_assignments");
            b.HasKey(m => m.Id).HasName("pk_registration_moderator_assignments");
            b.Property(m => m.Id).HasMaxLength(450).ValueGeneratedNever();
            b.Property(m => m.Email).HasMaxLength(256);
            b.Property(m => m.AssignedBy).HasMaxLength(256);
            b.Property(m => m.Regions).HasJsonConversion();
            b.Ignore(m => m.DomainEvents);
        });
        builder.AddOutbox(TablePrefix);
        builder.Entity<IdentityUser>().ToTable("registration_users");
        builder.Entity<IdentityRole>().ToTable("registration_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("registration_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("registration_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("registration_user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("registration_user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("registration_role_claims");
    }
}
