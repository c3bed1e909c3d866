namespace IndustryWeek.CommunicationKit.Domain;

/// <summary>
/// How often a kit may be mailed again, to spare the organiser's inbox and the mail server: ten minutes
/// after the previous resend, and five resends in 24 hours at most.
/// </summary>
internal static class ResendPolicy
{
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(10);

    public const int MaxPerDay = 5;

    /// <summary>When the next resend may be asked for, or null if it may be now.</summary>
    public static DateTime? NextAllowedUtc(IEnumerable<DateTime> resendsUtc, DateTime nowUtc)
    {
        var recent = resendsUtc.Where(t => t > nowUtc.AddDays(-1)).Order().ToList();
        DateTime? next = null;
        if (recent.Count > 0 && recent[^1] + MinimumInterval > nowUtc)
        {
            next = recent[^1] + MinimumInterval;
        }

        if (recent.Count >= MaxPerDay)
        {
            var dayLimit = recent[^MaxPerDay].AddDays(1);
            next = next is null || dayLimit > next ? dayLimit : next;
        }

        return next;
    }
}
