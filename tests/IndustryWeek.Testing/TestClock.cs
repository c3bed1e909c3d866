namespace IndustryWeek.Testing;

/// <summary>
/// The real clock, that a test moves forward to a later day (the day after an event, a closed
/// registration). Timers and timestamps stay real: jobs and waits run at their usual pace.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>From now on, « now » is <paramref name="instant"/> and goes on from there.</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        var offset = (instant - TimeProvider.System.GetUtcNow()).Ticks;
        if (offset < Interlocked.Read(ref _offsetTicks))
        {
            // Messages and jobs recorded « later » would then wait: a test only moves forward.
            throw new InvalidOperationException("The test clock only moves forward.");
        }

        Interlocked.Exchange(ref _offsetTicks, offset);
    }
}
