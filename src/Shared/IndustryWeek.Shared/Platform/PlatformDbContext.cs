using IndustryWeek.Shared.Jobs;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Shared.Platform;

/// <summary>The few tables that belong to the platform rather than to a module: Data Protection keys, the jobs' story for operators.</summary>
internal sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string TablePrefix = "platform";

    /// <summary>Read and written by the Data Protection library (KeyRing), in the table the platform always kept them in.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<JobRecord> Jobs => Set<JobRecord>();

    public DbSet<JobAttempt> JobAttempts => Set<JobAttempt>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DataProtectionKey>(b =>
        {
            b.ToTable("platform_data_protection_keys");
            b.HasKey(k => k.Id).HasName("pk_platform_data_protection_keys");
            b.Property(k => k.Id).ValueGeneratedOnAdd();
            b.Property(k => k.FriendlyName).HasMaxLength(200);
            b.Property(k => k.Xml).IsRequired(); // the library always writes it; the column was created NOT NULL
        });
        modelBuilder.Entity<JobRecord>(b =>
        {
            b.ToTable("platform_jobs");
            b.HasKey(j => j.Id).HasName("pk_platform_jobs");
            b.Property(j => j.Id).ValueGeneratedOnAdd();
            b.Property(j => j.Type).HasMaxLength(150);
            b.Property(j => j.Key).HasMaxLength(150);
            b.Property(j => j.State).HasConversion<string>().HasMaxLength(20);
            b.Property(j => j.About).HasMaxLength(300);
            b.Property(j => j.Payload).HasMaxLength(JobRecord.MaxPayloadLength);
            b.Property(j => j.CorrelationId).HasMaxLength(Observability.Correlation.MaxLength);
            b.Property(j => j.Cause).HasMaxLength(150);
            b.Property(j => j.HangfireJobId).HasMaxLength(100);
            b.Property(j => j.PauseReason).HasMaxLength(500);
            b.Property(j => j.PausedBy).HasMaxLength(256);
            b.Ignore(j => j.Paused);
            b.HasIndex(j => new { j.Type, j.Key }).IsUnique().HasDatabaseName("ix_platform_jobs_type_key");
            b.HasIndex(j => new { j.State, j.UpdatedAtUtc }).HasDatabaseName("ix_platform_jobs_state");
            b.HasIndex(j => j.CorrelationId).HasDatabaseName("ix_platform_jobs_correlation");
            b.HasIndex(j => j.HangfireJobId).HasDatabaseName("ix_platform_jobs_hangfire");
        });
        modelBuilder.Entity<JobAttempt>(b =>
        {
            b.ToTable("platform_job_attempts");
            b.HasKey(a => a.Id).HasName("pk_platform_job_attempts");
            b.Property(a => a.Id).ValueGeneratedOnAdd();
            b.Property(a => a.Node).HasMaxLength(200);
            b.Property(a => a.FireInstanceId).HasMaxLength(140);
            b.Property(a => a.Result).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.RequestedBy).HasMaxLength(256);
            b.HasOne<JobRecord>().WithMany().HasForeignKey(a => a.JobId).HasConstraintName("fk_platform_job_attempts_job").OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(a => new { a.JobId, a.Number }).HasDatabaseName("ix_platform_job_attempts_job");
            b.HasIndex(a => a.StartedAtUtc).HasDatabaseName("ix_platform_job_attempts_started");
        });
    }
}
