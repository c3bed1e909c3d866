using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.Shared.Outbox;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.CommunicationKit.Persistence;

internal sealed class CommunicationKitDbContext(DbContextOptions<CommunicationKitDbContext> options) : DbContext(options)
{
    public const string TablePrefix = "kit";

    public DbSet<KitDelivery> Deliveries => Set<KitDelivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<KitDelivery>(b =>
        {
            b.ToTable("kit_deliveries");
            b.HasKey(d => new { d.EventId, d.LabelVersion }).HasName("pk_kit_deliveries");
            b.Property(d => d.LabelNumber).HasMaxLength(20);
            b.Property(d => d.RecipientEmail).HasMaxLength(256);
            b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(d => d.LastError).HasMaxLength(2000);
            b.Ignore(d => d.DomainEvents);
        });
        modelBuilder.AddOutbox(TablePrefix);
    }
}
