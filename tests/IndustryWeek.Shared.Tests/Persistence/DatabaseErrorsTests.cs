using Hangfire;
using IndustryWeek.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IndustryWeek.Shared.Tests.Persistence;

/// <summary>
/// Which failures the outbox takes for a database out of reach (not counted against the message, whose
/// retries grow to minutes) and which for the message's own failure.
/// </summary>
public sealed class DatabaseErrorsTests
{
    [Fact]
    public async Task IsDatabaseUnreachable_WhenNoServerListens_IsTrueAlsoWrappedByEfCoreOrHangfire()
    {
        await using var connection = new NpgsqlConnection("Host=127.0.0.1;Port=1;Username=app;Password=app;Timeout=2");
        var refused = await Assert.ThrowsAsync<NpgsqlException>(() => connection.OpenAsync());

        Assert.True(refused.IsDatabaseUnreachable());
        Assert.True(new DbUpdateException("save failed", refused).IsDatabaseUnreachable());
        Assert.True(new BackgroundJobClientException("create failed", refused).IsDatabaseUnreachable());
    }

    [Theory]
    [InlineData("57P01")] // the server is shutting down (pg_ctl stop)
    [InlineData("57P02")] // the server crashed: every connection is ended
    [InlineData("57P03")] // the server is starting up (crash recovery)
    [InlineData("08006")] // connection failure
    [InlineData("53300")] // too many connections
    public void IsDatabaseUnreachable_WhenTheServerSaysItIsNotAvailable_IsTrue(string sqlState) =>
        Assert.True(new PostgresException("message", "FATAL", "FATAL", sqlState).IsDatabaseUnreachable());

    [Theory]
    [InlineData("23505")] // unique violation: the work itself
    [InlineData("42P01")] // unknown table: a bug, not an outage
    [InlineData("57014")] // statement cancelled (time-out): it could come back each time with the same work
    public void IsDatabaseUnreachable_WhenTheStatementItselfFailed_IsFalse(string sqlState) =>
        Assert.False(new DbUpdateException("save failed", new PostgresException("message", "ERROR", "ERROR", sqlState)).IsDatabaseUnreachable());

    [Fact]
    public void IsDatabaseUnreachable_WhenACommandTimedOutOrAHandlerFailed_IsFalse()
    {
        Assert.False(new NpgsqlException("Exception while reading from stream", new TimeoutException()).IsDatabaseUnreachable());
        Assert.False(new InvalidOperationException("the handler failed").IsDatabaseUnreachable());
    }
}
