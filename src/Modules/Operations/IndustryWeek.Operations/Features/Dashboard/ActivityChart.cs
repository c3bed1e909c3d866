using System.Globalization;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Time;

namespace IndustryWeek.Operations.Features.Dashboard;

/// <summary>One period's bars: the runs that succeeded and those that failed, side by side.</summary>
/// <param name="Label">Under the axis (« 14 h », « lun. 16 »); empty when there is no room for it.</param>
/// <param name="Period">The period in full, for the data table and the bars' tooltips.</param>
internal sealed record ActivityBar(string Label, string Period, int Succeeded, int Failed, string X, string Width, string SucceededX, string SucceededY, string SucceededHeight, string FailedX, string FailedY, string FailedHeight);

internal sealed record ActivityTick(string Y, string Label);

/// <summary>
/// A bar chart of job runs drawn as an inline SVG by the server: no script, no inline style (the colours
/// are classes of ops.css), every number an invariant-culture attribute.
/// </summary>
internal sealed class ActivityChart
{
    public const int Width = 640;
    public const int Height = 200;
    public const int Left = 36;
    public const int Right = 8;
    public const int Top = 10;
    public const int Bottom = 24;

    private ActivityChart(string id, string title, string description, IReadOnlyList<ActivityBar> bars, IReadOnlyList<ActivityTick> ticks, string periodHeader)
    {
        Id = id;
        Title = title;
        Description = description;
        Bars = bars;
        Ticks = ticks;
        PeriodHeader = periodHeader;
    }

    public string Id { get; }

    public string Title { get; }

    public string Description { get; }

    public IReadOnlyList<ActivityBar> Bars { get; }

    /// <summary>The horizontal grid lines and their values.</summary>
    public IReadOnlyList<ActivityTick> Ticks { get; }

    /// <summary>The data table's first column (« Heure », « Jour »).</summary>
    public string PeriodHeader { get; }

    public static string ViewBox => string.Create(CultureInfo.InvariantCulture, $"0 0 {Width} {Height}");

    public static string AxisY => Number(Height - Bottom);

    public static string LabelY => Number(Height - Bottom + 16);

    public static string AxisLeft => Number(Left);

    public static string AxisRight => Number(Width - Right);

    public static string TickLabelX => Number(Left - 6);

    public int TotalSucceeded => Bars.Sum(b => b.Succeeded);

    public int TotalFailed => Bars.Sum(b => b.Failed);

    /// <summary>The last 24 hours, one bar pair an hour (Paris hours), every third hour labelled.</summary>
    public static ActivityChart ByHour(IReadOnlyList<JobActivity> activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Build(
            "activite-24h",
            "Exécutions des dernières 24 heures, par heure",
            activity,
            (a, i) =>
            {
                var start = ParisTime.FromUtc(a.StartUtc);
                var label = (activity.Count - 1 - i) % 3 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{start.Hour} h") : "";
                return (label, $"{OpsTexts.At(a.StartUtc)} – {ParisTime.FormatTime(TimeOnly.FromDateTime(start.AddHours(1)))}");
            },
            "Heure");
    }

    /// <summary>The last 7 Paris days, one bar pair a day.</summary>
    public static ActivityChart ByDay(IReadOnlyList<JobActivity> activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Build(
            "activite-7j",
            "Exécutions des 7 derniers jours, par jour",
            activity,
            (a, _) =>
            {
                var day = DateOnly.FromDateTime(ParisTime.FromUtc(a.StartUtc));
                return (day.ToString("ddd d", ParisTime.French), ParisTime.FormatDayAndDate(day));
            },
            "Jour");
    }

    private static ActivityChart Build(string id, string title, IReadOnlyList<JobActivity> activity, Func<JobActivity, int, (string Label, string Period)> describe, string periodHeader)
    {
        var max = NiceMaximum(activity.Count == 0 ? 0 : activity.Max(a => Math.Max(a.Succeeded, a.Failed)));
        var plotWidth = (double)(Width - Left - Right);
        var plotHeight = (double)(Height - Top - Bottom);
        var slot = activity.Count == 0 ? plotWidth : plotWidth / activity.Count;
        var barWidth = Math.Max(1, (slot * 0.8) / 2);
        double HeightOf(int value) => value == 0 ? 0 : Math.Max(1, value / (double)max * plotHeight);

        var bars = activity.Select((a, i) =>
        {
            var (label, period) = describe(a, i);
            var x = Left + (i * slot);
            var succeededX = x + (slot * 0.1);
            var failedX = succeededX + barWidth;
            var succeededHeight = HeightOf(a.Succeeded);
            var failedHeight = HeightOf(a.Failed);
            return new ActivityBar(
                label,
                period,
                a.Succeeded,
                a.Failed,
                Number(x + (slot / 2)),
                Number(barWidth),
                Number(succeededX),
                Number(Height - Bottom - succeededHeight),
                Number(succeededHeight),
                Number(failedX),
                Number(Height - Bottom - failedHeight),
                Number(failedHeight));
        }).ToList();

        var ticks = new[] { 0, max / 2, max }.Distinct()
            .Select(v => new ActivityTick(Number(Height - Bottom - (v / (double)max * plotHeight)), v.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        var succeeded = activity.Sum(a => a.Succeeded);
        var failed = activity.Sum(a => a.Failed);
        var description = $"{OpsTexts.Count(succeeded, "exécution réussie", "exécutions réussies")} et {OpsTexts.Count(failed, "exécution en échec", "exécutions en échec")} sur la période ; barres vertes : réussies, barres rouges : en échec.";
        return new ActivityChart(id, title, description, bars, ticks, periodHeader);
    }

    /// <summary>The axis' top: 4, 10, 20, 50, 100… at least the highest bar (an even number, so that its half is whole).</summary>
    private static int NiceMaximum(int highest)
    {
        if (highest <= 4)
        {
            return 4;
        }

        var step = 1;
        while (true)
        {
            foreach (var factor in new[] { 1, 2, 5 })
            {
                if (step * factor * 10 >= highest)
                {
                    return step * factor * 10;
                }
            }

            step *= 10;
        }
    }

    private static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
