using IndustryWeek.Map.Domain;
using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Map.Persistence;

internal sealed class MapDbContext(DbContextOptions<MapDbContext> options) : DbContext(options)
{
    public const string TablePrefix = "map";

    public DbSet<Pin> Pins => Set<Pin>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Pin>(b =>
        {
            b.ToTable("map_pins");
            b.HasKey(p => p.EventId).HasName("pk_map_pins");
            b.Property(p => p.EventId).ValueGeneratedNever();
            b.Property(p => p.LabelNumber).HasMaxLength(20);
            b.Property(p => p.Title).HasMaxLength(300);
            b.Property(p => p.Format).HasMaxLength(40);
            b.Property(p => p.City).HasMaxLength(100);
            b.Property(p => p.PostalCode).HasMaxLength(5);
            b.Property(p => p.DepartmentCode).HasMaxLength(3);
            b.Property(p => p.RegionCode).HasMaxLength(3);
            b.Property(p => p.OrganisationName).HasMaxLength(300);
            b.Property(p => p.Audiences).HasJsonConversion();
            b.Property(p => p.Sectors).HasJsonConversion();
            b.Property(p => p.Sessions).HasJsonConversion();
            b.HasIndex(p => new { p.EditionId, p.RegionCode }).HasDatabaseName("ix_map_pins_edition_region");
        });
}
