using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Shared.Outbox;
using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Labelling.Persistence;

internal sealed class LabellingDbContext(DbContextOptions<LabellingDbContext> options) : DbContext(options)
{
    public const string TablePrefix = "labelling";

    public DbSet<LabellingApplication> Applications => Set<LabellingApplication>();

    public DbSet<LabelSequence> LabelSequences => Set<LabelSequence>();

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
            b.HasIndex(a => a.LabelNumber).IsUnique().HasDatabaseName("ix_labelling_applications_label_number");
            b.HasIndex(a => new { a.Status, a.RegionCode, a.SubmittedAtUtc }).HasDatabaseName("ix_labelling_applications_queue");
            b.Ignore(a => a.DomainEvents);
        });
        modelBuilder.Entity<LabelSequence>(b =>
        {
            b.ToTable("labelling_label_sequences");
            b.HasKey(s => s.EditionId).HasName("pk_labelling_label_sequences");
            b.Property(s => s.EditionId).ValueGeneratedNever();
            b.Property(s => s.LastNumber).IsConcurrencyToken();
        });
        modelBuilder.AddOutbox(TablePrefix);
    }
}
