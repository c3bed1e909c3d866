namespace IndustryWeek.Shared.Outbox;

/// <summary>Wakes this host's dispatcher as soon as a message is committed, so it need not wait for its next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);
    private readonly Lock _notifying = new();

    /// <summary>Signals once; a signal already pending absorbs the next ones (without the exception Release would throw: tens a second under load).</summary>
    public void Notify()
    {
        lock (_notifying)
        {
            if (_pending.CurrentCount == 0)
            {
                _pending.Release();
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _pending.Dispose();
}
