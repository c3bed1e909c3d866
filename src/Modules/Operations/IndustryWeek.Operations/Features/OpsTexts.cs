using System.Globalization;
using IndustryWeek.Operations.Domain;
using IndustryWeek.Operations.Features.Jobs;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Time;

namespace IndustryWeek.Operations.Features;

/// <summary>How the operators' pages say dates, durations, states and actions in French (Paris time).</summary>
internal static class OpsTexts
{
    /// <summary>The job states operators filter on, in the order of the list's filter.</summary>
    public static readonly IReadOnlyList<(JobState State, string Label)> StateFilters =
    [
        (JobState.Failed, "En échec"),
        (JobState.Retrying, "Nouvelle tentative prévue"),
        (JobState.Scheduled, "Planifiées"),
        (JobState.Processing, "En cours"),
        (JobState.Succeeded, "Réussies"),
        (JobState.Deleted, "Supprimées"),
    ];

    /// <summary>« 16 novembre 2020 à 14 h 32 », Paris time.</summary>
    public static string At(DateTime utc)
    {
        var paris = ParisTime.FromUtc(utc);
        return $"{ParisTime.FormatDate(DateOnly.FromDateTime(paris))} à {ParisTime.FormatTime(TimeOnly.FromDateTime(paris))}";
    }

    public static string At(DateTime? utc, string none = "—") => utc is { } value ? At(value) : none;

    /// <summary>« 16 novembre 2020 à 14 h 32 min 05 s »: attempts a few seconds apart stay apart.</summary>
    public static string AtSeconds(DateTime utc)
    {
        var paris = ParisTime.FromUtc(utc);
        return string.Create(CultureInfo.InvariantCulture, $"{At(utc)} min {paris.Second:00} s");
    }

    /// <summary>« 320 ms », « 1,2 s », « 3 min 05 s », « 2 h 05 min ».</summary>
    public static string Duration(TimeSpan duration) => duration switch
    {
        { TotalMilliseconds: < 1000 } => string.Create(ParisTime.French, $"{Math.Max(0, (int)duration.TotalMilliseconds)} ms"),
        { TotalSeconds: < 60 } => string.Create(ParisTime.French, $"{duration.TotalSeconds:0.#} s"),
        { TotalHours: < 1 } => string.Create(ParisTime.French, $"{(int)duration.TotalMinutes} min {duration.Seconds:00} s"),
        _ => string.Create(ParisTime.French, $"{(int)duration.TotalHours} h {duration.Minutes:00} min"),
    };

    public static string Duration(long? milliseconds) => milliseconds is { } ms ? Duration(TimeSpan.FromMilliseconds(ms)) : "—";

    public static string State(JobState state) => JobWording.State(state);

    public static string StateBadge(JobState state) => state switch
    {
        JobState.Succeeded => "fr-badge--success",
        JobState.Failed => "fr-badge--error",
        JobState.Retrying => "fr-badge--warning",
        JobState.Processing => "fr-badge--new",
        JobState.Deleted => "",
        _ => "fr-badge--info",
    };

    public static string Result(JobAttemptResult result) => JobWording.Result(result);

    public static string ResultBadge(JobAttemptResult result) => result switch
    {
        JobAttemptResult.Succeeded => "fr-badge--success",
        JobAttemptResult.Failed => "fr-badge--error",
        JobAttemptResult.Interrupted => "fr-badge--warning",
        _ => "fr-badge--new",
    };

    public static string Action(OperatorActionKind kind) => kind switch
    {
        OperatorActionKind.RetryJob => "Relance d'une tâche",
        OperatorActionKind.DeleteJob => "Suppression d'une tâche",
        OperatorActionKind.TriggerRecurringJob => "Exécution immédiate d'une tâche récurrente",
        OperatorActionKind.PauseRecurringJob => "Mise en pause d'une tâche récurrente",
        OperatorActionKind.ResumeRecurringJob => "Reprise d'une tâche récurrente",
        OperatorActionKind.RetryOutboxMessage => "Nouvelle série de tentatives d'un message",
        _ => kind.ToString(),
    };

    /// <summary>A scheduler node's state as Quartz reports it (Alive, Overdue, Failed), in words.</summary>
    public static string NodeState(string state) => state switch
    {
        "Alive" => "actif",
        "Overdue" => "en retard",
        "Failed" => "arrêté",
        "Standby" => "en attente (stand-by)",
        "Shutdown" => "arrêté",
        _ => state,
    };

    public static string NodeBadge(string state) => state switch
    {
        "Alive" => "fr-badge--success",
        "Overdue" => "fr-badge--warning",
        _ => "fr-badge--error",
    };

    /// <summary>« 1 tâche », « 3 tâches ».</summary>
    public static string Count(int count, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count > 1 ? plural : singular)}");

    /// <summary>An exception's first line: its type and message, without the stack trace.</summary>
    public static string? FirstLine(string? error) => JobMapping.FirstLine(error);

    /// <summary>
    /// The recurring jobs' usual Quartz schedules in words (« toutes les heures à hh:00:05 »); null for
    /// any other expression, shown as it is.
    /// </summary>
    public static string? Schedule(string cron)
    {
        var parts = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 6 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var second) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var minute))
        {
            return null;
        }

        if (parts[2] == "*" && parts[3] is ("*" or "?") && parts[4] == "*" && parts[5] is ("*" or "?"))
        {
            return string.Create(CultureInfo.InvariantCulture, $"toutes les heures à hh:{minute:00}:{second:00}");
        }

        if (!int.TryParse(parts[2], CultureInfo.InvariantCulture, out var hour) || parts[3] is not ("*" or "?") || parts[4] != "*")
        {
            return null;
        }

        var at = ParisTime.FormatTime(new TimeOnly(hour, minute));
        return parts[5] switch
        {
            "*" or "?" => $"chaque jour à {at}",
            "MON-FRI" => $"du lundi au vendredi à {at}",
            _ => null,
        };
    }
}
