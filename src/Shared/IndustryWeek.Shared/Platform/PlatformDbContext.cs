using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Shared.Platform;

/// <summary>The few tables that belong to the platform rather than to a module (Data Protection keys).</summary>
internal sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options)
{
    public const string TablePrefix = "platform";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<DataProtectionKey>(b =>
        {
            b.ToTable("platform_data_protection_keys");
            b.HasKey(k => k.Id).HasName("pk_platform_data_protection_keys");
            b.Property(k => k.Id).ValueGeneratedOnAdd();
            b.Property(k => k.FriendlyName).HasMaxLength(200);
        });
}

internal sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = "";
}
