using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Time;

namespace IndustryWeek.Registration.Domain.Events;

/// <summary>When a session (Europe/Paris wall-clock times) counts as inside an edition's eligible period.</summary>
internal static class SessionRules
{
    /// <summary>A spring-forward hour (29 March 2020, 2 h 30) does not exist in Paris.</summary>
    public static bool Exists(DateTime parisLocal) => !ParisTime.Zone.IsInvalidTime(DateTime.SpecifyKind(parisLocal, DateTimeKind.Unspecified));

    /// <summary>Real elapsed time: 1 h 30 – 3 h 30 on the night clocks go forward lasts one hour.</summary>
    public static TimeSpan Duration(EventSession session) => ParisTime.ToInstant(session.End) - ParisTime.ToInstant(session.Start);
}
