using Xunit;

namespace IndustryWeek.Testing;

/// <summary>
/// A test of PostgreSQL-only behaviour (row claims between hosts, clustering). Outside CI it is skipped,
/// with this reason shown, when no server is configured; in CI (CI=true) it always runs, and fails
/// if PostgreSQL is missing.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    private const string NotConfigured = "PostgreSQL not configured: set " + TestDatabase.PostgresVariable + " (CI always sets it).";

    public PostgresFactAttribute()
    {
        if (!TestDatabase.PostgresConfigured && !TestDatabase.IsCi)
        {
            Skip = NotConfigured;
        }
    }
}
