using IndustryWeek.Shared.Outbox;

namespace IndustryWeek.Shared.Tests.Outbox;

public sealed class OutboxMessageTests
{
    private static readonly DateTime Now = new(2020, 11, 16, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Create_WhenNew_IsDueAtOnceAndPending()
    {
        var message = NewMessage();

        Assert.Equal(Now, message.NextAttemptAtUtc);
        Assert.Equal(0, message.Attempts);
        Assert.Null(message.ProcessedAtUtc);
        Assert.Null(message.FailedAtUtc);
    }

    [Fact]
    public void MarkAttemptFailed_WhenAttemptsRemain_RetriesAfterADoublingDelay()
    {
        var message = NewMessage();

        message.MarkAttemptFailed(new InvalidOperationException("boom"), Now, maxAttempts: 10);
        Assert.Equal(Now.AddSeconds(2), message.NextAttemptAtUtc);

        message.MarkAttemptFailed(new InvalidOperationException("boom"), Now, maxAttempts: 10);
        Assert.Equal(Now.AddSeconds(4), message.NextAttemptAtUtc);

        message.MarkAttemptFailed(new InvalidOperationException("boom"), Now, maxAttempts: 10);
        Assert.Equal(Now.AddSeconds(8), message.NextAttemptAtUtc);

        Assert.Equal(3, message.Attempts);
        Assert.Null(message.FailedAtUtc);
        Assert.Contains("boom", message.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkAttemptFailed_WhenManyAttempts_WaitsNoMoreThanTenMinutes()
    {
        var message = NewMessage();

        for (var i = 0; i < 12; i++)
        {
            message.MarkAttemptFailed(new InvalidOperationException("boom"), Now, maxAttempts: 100);
        }

        Assert.Equal(Now.AddMinutes(10), message.NextAttemptAtUtc);
        Assert.Null(message.FailedAtUtc);
    }

    [Fact]
    public void MarkAttemptFailed_WhenLastAttemptFails_GivesUpAndKeepsTheError()
    {
        var message = NewMessage();
        var failedAt = Now.AddMinutes(1);

        message.MarkAttemptFailed(new InvalidOperationException("first"), Now, maxAttempts: 3);
        message.MarkAttemptFailed(new InvalidOperationException("second"), Now, maxAttempts: 3);
        Assert.Null(message.FailedAtUtc);

        message.MarkAttemptFailed(new InvalidOperationException("smtp down"), failedAt, maxAttempts: 3);

        Assert.Equal(3, message.Attempts);
        Assert.Equal(failedAt, message.FailedAtUtc);
        Assert.Contains("smtp down", message.LastError, StringComparison.Ordinal);
        Assert.Null(message.ProcessedAtUtc);
    }

    [Fact]
    public void MarkProcessed_WhenAfterAFailure_ClearsTheError()
    {
        var message = NewMessage();
        message.MarkAttemptFailed(new InvalidOperationException("boom"), Now, maxAttempts: 10);

        message.MarkProcessed(Now.AddSeconds(2));

        Assert.Equal(Now.AddSeconds(2), message.ProcessedAtUtc);
        Assert.Null(message.LastError);
        Assert.Equal(2, message.Attempts);
    }

    private static OutboxMessage NewMessage() =>
        OutboxMessage.Create("IndustryWeek.Labelling.Contracts.LabelGranted, IndustryWeek.Labelling.Contracts", "{}", Now, correlationId: null, traceParent: null);
}
