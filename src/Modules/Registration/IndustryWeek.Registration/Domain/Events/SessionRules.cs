using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Time;

namespace IndustryWeek.Registration.Domain.Events;

/// <summary>When a session (Europe/Paris wall-clock times) counts as inside an edition's eligible period.</summary>
internal static class SessionRules
{
    /// <summary>
    /// The day a session starts and the day it ends must both be in the period. A session ending at
    /// midnight ends on the day it started (« 20 h – 0 h »); one ending at 1 h ends on the next day.
    /// </summary>
    public static bool FallsWithin(EventSession session, DatePeriod period) =>
        period.Contains(DateOnly.FromDateTime(session.Start)) && period.Contains(LastDay(session));

    public static DateOnly LastDay(EventSession session) =>
        session.End.TimeOfDay == TimeSpan.Zero && session.End > session.Start
            ? DateOnly.FromDateTime(session.End).AddDays(-1)
            : DateOnly.FromDateTime(session.End);

    /// <summary>A spring-forward hour (29 March 2020, 2 h 30) does not exist in Paris.</summary>
    public static bool Exists(DateTime parisLocal) => !ParisTime.Zone.IsInvalidTime(DateTime.SpecifyKind(parisLocal, DateTimeKind.Unspecified));

    /// <summary>Real elapsed time: 1 h 30 – 3 h 30 on the night clocks go forward lasts one hour.</summary>
    public static TimeSpan Duration(EventSession session) => ParisTime.ToInstant(session.End) - ParisTime.ToInstant(session.Start);
}
