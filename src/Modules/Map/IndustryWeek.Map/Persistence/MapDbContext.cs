using IndustryWeek.Map.Domain;
using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Map.Persistence;

internal sealed class MapDbContext(DbContextOptions<MapDbContext> options) : DbContext(options)
{
    public const string TablePrefix = "map";

    public DbSet<Pin> Pins => Set<Pin>();

    public DbSet<EventRecord> Records => Set<EventRecord>();

    public DbSet<MapEdition> Editions => Set<MapEdition>();

    public DbSet<MapState> State => Set<MapState>();

    /// <summary>
    /// Saves the tracked changes and increments the map's version in one transaction (inside the
    /// caller's transaction if there is one): hosts see the new version only with the change itself.
    /// </summary>
    public async Task SaveAndBumpVersionAsync(CancellationToken cancellationToken)
    {
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await SaveChangesAsync(cancellationToken);
        var bumped = await State
            .Where(s => s.Id == MapState.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
        if (bumped == 0)
        {
            // The row the migration inserts is missing (a database created from the model alone).
            State.Add(new MapState { Version = 1 });
            await SaveChangesAsync(cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Pin>(b =>
        {
            b.ToTable("map_pins");
            b.HasKey(p => p.EventId).HasName("pk_map_pins");
            b.Property(p => p.EventId).ValueGeneratedNever();
            b.Property(p => p.LabelNumber).HasMaxLength(20);
            b.Property(p => p.RecordVersion).IsConcurrencyToken();
            b.Property(p => p.Title).HasMaxLength(300);
            b.Property(p => p.Format).HasMaxLength(40);
            b.Property(p => p.Mode).HasConversion<string>().HasMaxLength(10);
            b.Property(p => p.City).HasMaxLength(100);
            b.Property(p => p.PostalCode).HasMaxLength(5);
            b.Property(p => p.InseeCode).HasMaxLength(5);
            b.Property(p => p.DepartmentCode).HasMaxLength(3);
            b.Property(p => p.RegionCode).HasMaxLength(3);
            b.Property(p => p.OrganisationName).HasMaxLength(300);
            b.Property(p => p.Audiences).HasJsonConversion();
            b.Property(p => p.Sectors).HasJsonConversion();
            b.Property(p => p.Topics).HasJsonConversion();
            b.Property(p => p.Sessions).HasJsonConversion();
            b.HasIndex(p => new { p.EditionId, p.RegionCode }).HasDatabaseName("ix_map_pins_edition_region");
        });
        modelBuilder.Entity<EventRecord>(b =>
        {
            b.ToTable("map_event_records");
            b.HasKey(r => r.EventId).HasName("pk_map_event_records");
            b.Property(r => r.EventId).ValueGeneratedNever();
            b.Property(r => r.LabelNumber).HasMaxLength(20);
            b.Property(r => r.Event!).HasJsonConversion();
            b.Property(r => r.OrganisationName).HasMaxLength(300);
            b.Property(r => r.RemovalReason).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.Version).IsConcurrencyToken();
            b.Ignore(r => r.Listed);
        });
        modelBuilder.Entity<MapEdition>(b =>
        {
            b.ToTable("map_editions");
            b.HasKey(e => e.Id).HasName("pk_map_editions");
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Property(e => e.Snapshot).HasJsonConversion();
        });
        modelBuilder.Entity<MapState>(b =>
        {
            b.ToTable("map_state");
            b.HasKey(s => s.Id).HasName("pk_map_state");
            b.Property(s => s.Id).ValueGeneratedNever();
            b.HasData(new MapState { Id = MapState.SingletonId, Version = 0 });
        });
    }
}
