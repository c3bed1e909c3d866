using System.Globalization;
using IndustryWeek.Operations.Domain;
using IndustryWeek.Operations.Features.Jobs;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Time;

namespace IndustryWeek.Operations.Features;

/// <summary>How the operators' pages say dates, durations, states and actions in French (Paris time).</summary>
internal static class OpsTexts
{
    /// <summary>« 16 novembre 2020 à 14 h 32 », Paris time.</summary>
    public static string At(DateTime utc)
    {
        var paris = ParisTime.FromUtc(utc);
        return $"{ParisTime.FormatDate(DateOnly.FromDateTime(paris))} à {ParisTime.FormatTime(TimeOnly.FromDateTime(paris))}";
    }

    public static string At(DateTime? utc, string none = "—") => utc is { } value ? At(value) : none;

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
        OperatorActionKind.EnqueueJob => "Exécution immédiate d'une tâche en attente",
        OperatorActionKind.RemoveRecurringJob => "Retrait d'une tâche récurrente",
        _ => kind.ToString(),
    };

    /// <summary>« 1 tâche », « 3 tâches ».</summary>
    public static string Count(int count, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count > 1 ? plural : singular)}");

    /// <summary>An exception's first line: its type and message, without the stack trace.</summary>
    public static string? FirstLine(string? error) => JobMapping.FirstLine(error);

    /// <summary>
    /// The recurring jobs' usual cron schedules in words (« toutes les heures à hh:00:05 »); null for
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
