using IndustryWeek.Editions.Domain;
using IndustryWeek.Shared.Outbox;
using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Editions.Persistence;

internal sealed class EditionsDbContext(DbContextOptions<EditionsDbContext> options) : DbContext(options)
{
    public const string TablePrefix = "editions";

    public DbSet<Edition> Editions => Set<Edition>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Edition>(b =>
        {
            b.ToTable("editions_editions");
            b.HasKey(e => e.Id).HasName("pk_editions_editions");
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Property(e => e.Name).HasMaxLength(200);
            b.Property(e => e.Theme).HasMaxLength(200);
            b.Property(e => e.ThemeDescription).HasMaxLength(4000);
            b.Property(e => e.Hashtag).HasMaxLength(60);
            b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(e => e.FocusTopics).HasJsonConversion();
            b.Property(e => e.Schedule).HasJsonConversion();
            b.Property(e => e.ScheduleHistory).HasJsonConversion();
            b.Property(e => e.Revision).IsConcurrencyToken();
            b.HasIndex(e => e.Number).IsUnique().HasDatabaseName("ix_editions_editions_number");
            b.HasIndex(e => e.Year).IsUnique().HasDatabaseName("ix_editions_editions_year");
            b.Ignore(e => e.DomainEvents);
            b.Ignore(e => e.RegistrationWindow);
        });
        modelBuilder.AddOutbox(TablePrefix);
    }
}
