using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Labelling.Domain.Drafts;
using IndustryWeek.Labelling.Domain.Editions;
using IndustryWeek.Labelling.Domain.Moderators;
using IndustryWeek.Shared.Outbox;
using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Labelling.Persistence;

internal sealed class LabellingDbContext(DbContextOptions<LabellingDbContext> options) : DbContext(options)
{
    public const string TablePrefix = "labelling";

    public DbSet<LabellingApplication> Applications => Set<LabellingApplication>();

    public DbSet<LabelSequence> LabelSequences => Set<LabelSequence>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<Edition> Editions => Set<Edition>();

    public DbSet<Moderator> Moderators => Set<Moderator>();

    public DbSet<Draft> Drafts => Set<Draft>();

    public DbSet<StockReason> StockReasons => Set<StockReason>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LabellingApplication>(b =>
        {
            b.ToTable("labelling_applications");
            b.HasKey(a => a.Id).HasName("pk_labelling_applications");
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.RegionCode).HasMaxLength(3);
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.LabelNumber).HasMaxLength(20);
            b.Property(a => a.GrantedBy).HasMaxLength(256);
            b.Property(a => a.GrantComment).HasMaxLength(2000);
            b.Property(a => a.Revision).IsConcurrencyToken();
            b.Property(a => a.Snapshot).HasJsonConversion();
            b.Property(a => a.Criteria).HasJsonConversion();
            b.Property(a => a.Participation!).HasJsonConversion();
            b.Property(a => a.DepartmentCode).HasMaxLength(3);
            b.Property(a => a.Format).HasMaxLength(30);
            b.Property(a => a.DecisionMessage).HasMaxLength(2000);
            b.HasIndex(a => a.LabelNumber).IsUnique().HasDatabaseName("ix_labelling_applications_label_number");
            b.HasIndex(a => new { a.Status, a.RegionCode, a.SubmittedAtUtc }).HasDatabaseName("ix_labelling_applications_queue");
            b.HasIndex(a => a.OrganisationId).HasDatabaseName("ix_labelling_applications_organisation");
            b.HasMany(a => a.Decisions).WithOne().HasForeignKey(d => d.ApplicationId).HasConstraintName("fk_labelling_decisions_application");
            b.Ignore(a => a.DomainEvents);
        });
        modelBuilder.Entity<Decision>(b =>
        {
            b.ToTable("labelling_decisions");
            b.HasKey(d => d.Id).HasName("pk_labelling_decisions");
            b.Property(d => d.Id).ValueGeneratedNever();
            b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
            b.Property(d => d.By).HasMaxLength(256);
            b.Property(d => d.Comment).HasMaxLength(2000);
            b.Property(d => d.LabelNumber).HasMaxLength(20);
            b.HasIndex(d => d.ApplicationId).HasDatabaseName("ix_labelling_decisions_application");
        });
        modelBuilder.Entity<Edition>(b =>
        {
            b.ToTable("labelling_editions");
            b.HasKey(e => e.Id).HasName("pk_labelling_editions");
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Property(e => e.Snapshot).HasJsonConversion();
            b.Ignore(e => e.Schedule);
        });
        modelBuilder.Entity<LabelSequence>(b =>
        {
            b.ToTable("labelling_label_sequences");
            b.HasKey(s => s.EditionId).HasName("pk_labelling_label_sequences");
            b.Property(s => s.EditionId).ValueGeneratedNever();
            b.Property(s => s.LastNumber).IsConcurrencyToken();
        });
        modelBuilder.Entity<Draft>(b =>
        {
            b.ToTable("labelling_drafts");
            b.HasKey(d => d.EventId).HasName("pk_labelling_drafts");
            b.Property(d => d.EventId).ValueGeneratedNever();
            b.Property(d => d.RegionCode).HasMaxLength(3);
            b.Property(d => d.Format).HasMaxLength(30);
            b.Property(d => d.Audiences).HasJsonConversion();
            b.HasIndex(d => new { d.EditionId, d.IsDraft }).HasDatabaseName("ix_labelling_drafts_edition");
        });
        modelBuilder.Entity<Moderator>(b =>
        {
            b.ToTable("labelling_moderators");
            b.HasKey(m => m.UserId).HasName("pk_labelling_moderators");
            b.Property(m => m.UserId).HasMaxLength(450).ValueGeneratedNever();
            b.Property(m => m.Email).HasMaxLength(256);
            b.Property(m => m.Regions).HasJsonConversion();
        });
        modelBuilder.Entity<StockReason>(b =>
        {
            b.ToTable("labelling_stock_reasons");
            b.HasKey(r => r.Id).HasName("pk_labelling_stock_reasons");
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.Text).HasMaxLength(300);
        });
        modelBuilder.AddOutbox(TablePrefix);
    }
}
