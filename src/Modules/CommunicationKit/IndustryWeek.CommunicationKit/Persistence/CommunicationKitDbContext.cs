using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.Shared.Outbox;
using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.CommunicationKit.Persistence;

internal sealed class CommunicationKitDbContext(DbContextOptions<CommunicationKitDbContext> options) : DbContext(options)
{
    public const string TablePrefix = "kit";

    public DbSet<Kit> Kits => Set<Kit>();

    public DbSet<KitDelivery> Deliveries => Set<KitDelivery>();

    public DbSet<KitArchive> Archives => Set<KitArchive>();

    public DbSet<KitEdition> Editions => Set<KitEdition>();

    public DbSet<DecisionMail> DecisionMails => Set<DecisionMail>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Kit>(b =>
        {
            b.ToTable("kit_kits");
            b.HasKey(k => k.EventId).HasName("pk_kit_kits");
            b.Property(k => k.EventId).ValueGeneratedNever();
            b.Property(k => k.LabelNumber).HasMaxLength(20);
            b.Property(k => k.Event).HasJsonConversion();
            b.Property(k => k.Organiser).HasJsonConversion();
            b.Property(k => k.State).HasConversion<string>().HasMaxLength(20);
            b.Property(k => k.WithdrawnReason).HasMaxLength(500);
            b.Property(k => k.Version).IsConcurrencyToken();
            b.Ignore(k => k.ContentFingerprint);
            b.HasIndex(k => k.LabelNumber).HasDatabaseName("ix_kit_kits_label_number");
        });
        modelBuilder.Entity<KitDelivery>(b =>
        {
            b.ToTable("kit_deliveries");
            b.HasKey(d => new { d.EventId, d.Key }).HasName("pk_kit_deliveries");
            b.Property(d => d.Key).HasMaxLength(40);
            b.Property(d => d.Reason).HasConversion<string>().HasMaxLength(20);
            b.Property(d => d.LabelNumber).HasMaxLength(20);
            b.Property(d => d.RecipientEmail).HasMaxLength(256);
            b.Property(d => d.RequestedBy).HasMaxLength(256);
            b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(d => d.LastError).HasMaxLength(2000);
            b.Property(d => d.Comment).HasMaxLength(2000);
            b.HasIndex(d => new { d.Status, d.UpdatedAtUtc }).HasDatabaseName("ix_kit_deliveries_status");
            b.Ignore(d => d.DomainEvents);
        });
        modelBuilder.Entity<KitArchive>(b =>
        {
            b.ToTable("kit_archives");
            b.HasKey(a => a.EventId).HasName("pk_kit_archives");
            b.Property(a => a.EventId).ValueGeneratedNever();
            b.Property(a => a.Fingerprint).HasMaxLength(40);
            b.Property(a => a.FileName).HasMaxLength(100);
        });
        modelBuilder.Entity<KitEdition>(b =>
        {
            b.ToTable("kit_editions");
            b.HasKey(e => e.Id).HasName("pk_kit_editions");
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Property(e => e.Snapshot).HasJsonConversion();
        });
        modelBuilder.Entity<DecisionMail>(b =>
        {
            b.ToTable("kit_decision_mails");
            b.HasKey(m => new { m.EventId, m.Key }).HasName("pk_kit_decision_mails");
            b.Property(m => m.Key).HasMaxLength(40);
            b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(m => m.RecipientEmail).HasMaxLength(256);
            b.Property(m => m.Subject).HasMaxLength(300);
            b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(m => m.LastError).HasMaxLength(2000);
        });
        modelBuilder.AddOutbox(TablePrefix);
    }
}
