using IndustryWeek.Operations.Domain;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Operations.Persistence;

internal sealed class OperationsDbContext(DbContextOptions<OperationsDbContext> options) : DbContext(options)
{
    public const string TablePrefix = "operations";

    public DbSet<OperatorAction> Actions => Set<OperatorAction>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<OperatorAction>(b =>
        {
            b.ToTable("operations_actions");
            b.HasKey(a => a.Id).HasName("pk_operations_actions");
            b.Property(a => a.Id).ValueGeneratedOnAdd();
            b.Property(a => a.ActorId).HasMaxLength(450);
            b.Property(a => a.ActorEmail).HasMaxLength(256);
            b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
            b.Property(a => a.Target).HasMaxLength(400);
            b.Property(a => a.Reason).HasMaxLength(500);
            b.HasIndex(a => a.AtUtc).HasDatabaseName("ix_operations_actions_at");
            b.HasIndex(a => a.JobId).HasDatabaseName("ix_operations_actions_job");
        });
}
