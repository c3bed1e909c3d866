using System.Diagnostics;

namespace IndustryWeek.Testing;

/// <summary>Waits on a condition a user would see, with a timeout: never a fixed sleep.</summary>
public static class Eventually
{
    public static async Task WaitAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Still not true after {limit.TotalSeconds:0} s: {what}");
            }

            await Task.Delay(50);
        }
    }
}
