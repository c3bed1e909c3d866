using System.Globalization;

namespace IndustryWeek.Shared.Web;

/// <summary>One category of a <see cref="BarChart"/>: its name in full (data table, tooltip) and one value per series.</summary>
/// <param name="Label">Under the axis; shorter than <paramref name="Name"/> when it must be (« 16/11 »), empty for no label.</param>
public sealed record BarChartCategory(string Label, string Name, IReadOnlyList<int> Values);

/// <summary>One bar, ready to draw: its series (0, 1, 2: its colour class), value and rectangle.</summary>
public sealed record BarChartBar(int Series, int Value, string X, string Y, string Width, string Height);

/// <summary>One category's bars side by side and its label under the axis (turned when labels are long).</summary>
public sealed record BarChartSlot(BarChartCategory Category, string Tooltip, string LabelX, IReadOnlyList<BarChartBar> Bars);

public sealed record BarChartTick(string Y, string Label);

/// <summary>
/// A bar chart drawn as an inline SVG by the server (the shared partial _BarChart, styled by ~/css/bar-chart.css): no
/// script, no inline style (colours are classes), every number an invariant-culture attribute, described for screen
/// readers and followed by its data table. Born on the operators' first dashboard (runs per hour and per day), now the
/// administrators' edition dashboard's. Up to three series.
/// </summary>
public sealed class BarChart
{
    public const int Width = 640;
    public const int PlotHeight = 166;
    /// <summary>Room left of the axis for the values; more when the first turned label needs it.</summary>
    public const int MinimumLeft = 36;
    public const int Right = 8;
    public const int Top = 10;

    /// <summary>Room under the axis for straight labels.</summary>
    private const int StraightBottom = 24;

    /// <summary>A label's width per character (12 px text), to decide whether labels fit straight.</summary>
    private const double CharacterWidth = 6.5;

    /// <summary>Turned labels longer than this are cut (the data table and the tooltip keep the full name).</summary>
    private const int LongestLabel = 22;

    private BarChart(string id, string title, string categoryHeader, IReadOnlyList<string> series, IReadOnlyList<BarChartSlot> slots, IReadOnlyList<BarChartTick> ticks, bool turned, int left, int bottom)
    {
        Left = left;
        Id = id;
        Title = title;
        CategoryHeader = categoryHeader;
        Series = series;
        Slots = slots;
        Ticks = ticks;
        Turned = turned;
        Height = Top + PlotHeight + bottom;
        Description = string.Join(" ; ", series.Select((s, i) => $"{s} : {slots.Sum(c => c.Category.Values[i]).ToString(CultureInfo.InvariantCulture)} au total"))
            + (series.Count > 1 ? $" (barres de gauche à droite : {string.Join(", ", series)})." : ".");
    }

    /// <summary>The figure's id; its data table is "{Id}-table".</summary>
    public string Id { get; }

    public string Title { get; }

    public string Description { get; }

    /// <summary>The data table's first column (« Région », « Jour »).</summary>
    public string CategoryHeader { get; }

    public IReadOnlyList<string> Series { get; }

    public IReadOnlyList<BarChartSlot> Slots { get; }

    /// <summary>The horizontal grid lines and their values.</summary>
    public IReadOnlyList<BarChartTick> Ticks { get; }

    /// <summary>Labels turned 40° because they would not fit straight.</summary>
    public bool Turned { get; }

    public int Height { get; }

    /// <summary>Where the axis starts.</summary>
    public int Left { get; }

    /// <summary>Where the table's link to its CSV file points; none without.</summary>
    public string? CsvLink { get; private init; }

    public string ViewBox => string.Create(CultureInfo.InvariantCulture, $"0 0 {Width} {Height}");

    public static string AxisY => Number(Top + PlotHeight);

    public string LabelY => Number(Top + PlotHeight + (Turned ? 10 : 16));

    public string AxisLeft => Number(Left);

    public static string AxisRight => Number(Width - Right);

    public string TickLabelX => Number(Left - 6);

    public int Total(int series) => Slots.Sum(s => s.Category.Values[series]);

    /// <param name="csvLink">Where the data table's CSV file is, if the page offers one.</param>
    public static BarChart Create(string id, string title, string categoryHeader, IReadOnlyList<string> series, IReadOnlyList<BarChartCategory> categories, string? csvLink = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(categories);
        if (series.Count is < 1 or > 3 || categories.Any(c => c.Values.Count != series.Count))
        {
            throw new ArgumentException("One to three series, and one value per series in every category.", nameof(series));
        }

        var max = NiceMaximum(categories.Count == 0 ? 0 : categories.Max(c => c.Values.Max()));
        double SlotWidth(int left) => (Width - left - Right) / (double)Math.Max(1, categories.Count);
        var left = MinimumLeft;
        var longest = categories.Count == 0 ? 0 : categories.Max(c => Math.Min(c.Label.Length, LongestLabel));
        var turned = longest * CharacterWidth > SlotWidth(left);
        if (turned)
        {
            // A turned label runs down and left of its bar (cos 40° of its length): the first one must stay in the picture.
            var reach = Math.Min(categories[0].Label.Length, LongestLabel) * CharacterWidth * 0.77;
            left = Math.Max(left, (int)Math.Ceiling(reach - (SlotWidth(left) / 2)) + 4);
        }

        var slot = SlotWidth(left);
        var barWidth = Math.Max(1, slot * 0.8 / series.Count);
        var bottom = turned ? (int)Math.Ceiling((longest * CharacterWidth * 0.65) + 20) : StraightBottom;
        double HeightOf(int value) => value == 0 ? 0 : Math.Max(1, value / (double)max * PlotHeight);

        var slots = categories.Select((c, i) =>
        {
            var x = left + (i * slot);
            var bars = c.Values.Select((v, s) =>
            {
                var height = HeightOf(v);
                return new BarChartBar(s, v, Number(x + (slot * 0.1) + (s * barWidth)), Number(Top + PlotHeight - height), Number(barWidth), Number(height));
            }).Where(b => b.Value > 0).ToList();
            var label = c.Label.Length > LongestLabel ? c.Label[..(LongestLabel - 1)] + "…" : c.Label;
            var tooltip = $"{c.Name} : " + string.Join(", ", c.Values.Select((v, s) => $"{series[s]} {v.ToString(CultureInfo.InvariantCulture)}"));
            return new BarChartSlot(c with { Label = label }, tooltip, Number(x + (slot / 2)), bars);
        }).ToList();

        var ticks = new[] { 0, max / 2, max }.Distinct()
            .Select(v => new BarChartTick(Number(Top + PlotHeight - (v / (double)max * PlotHeight)), v.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        return new BarChart(id, title, categoryHeader, series, slots, ticks, turned, left, bottom) { CsvLink = csvLink };
    }

    /// <summary>The turn of a label around its anchor, for the SVG transform attribute.</summary>
    public string Turn(BarChartSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return $"rotate(-40 {slot.LabelX} {LabelY})";
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
