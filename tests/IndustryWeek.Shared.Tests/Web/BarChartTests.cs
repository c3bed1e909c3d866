using System.Globalization;
using IndustryWeek.Shared.Web;

namespace IndustryWeek.Shared.Tests.Web;

public sealed class BarChartTests
{
    [Fact]
    public void Create_WhenLabelsAreShort_DrawsStraightLabelsAndBarsToScale()
    {
        var chart = BarChart.Create("jours", "Labels par jour", "Jour", ["Labels"],
            [new("28/02", "lundi 28 février 2028", [2]), new("29/02", "mardi 29 février 2028", [0]), new("01/03", "mercredi 1er mars 2028", [4])]);

        Assert.False(chart.Turned);
        Assert.Equal(BarChart.MinimumLeft, chart.Left);
        // The axis' top is 4 (the highest bar): a 4 fills the plot, a 2 half of it, a 0 draws nothing.
        Assert.Equal(["0", "2", "4"], chart.Ticks.Select(t => t.Label));
        Assert.Equal(BarChart.PlotHeight, Height(chart.Slots[2].Bars.Single()), 1);
        Assert.Equal(BarChart.PlotHeight / 2.0, Height(chart.Slots[0].Bars.Single()), 1);
        Assert.Empty(chart.Slots[1].Bars);
        Assert.Equal("lundi 28 février 2028 : Labels 2", chart.Slots[0].Tooltip);
        Assert.Equal("Labels : 6 au total.", chart.Description);
    }

    [Fact]
    public void Create_WhenLabelsAreLong_TurnsThemCutsThemAndMakesRoomForTheFirst()
    {
        var chart = BarChart.Create("regions", "Par région", "Région", ["Demandes", "Labels"],
            [.. Enumerable.Range(0, 18).Select(i => new BarChartCategory($"Provence-Alpes-Côte d'Azur {i}", $"Région {i}", [i, i / 2]))]);

        Assert.True(chart.Turned);
        Assert.True(chart.Left > BarChart.MinimumLeft, $"left margin {chart.Left}");
        Assert.All(chart.Slots, s => Assert.True(s.Category.Label.Length <= 22 && s.Category.Label.EndsWith('…'), s.Category.Label));
        Assert.Equal("Région 3", chart.Slots[3].Category.Name); // the table keeps the full name
        Assert.True(chart.Height > BarChart.Top + BarChart.PlotHeight + 24, $"height {chart.Height}");
        Assert.Contains("(barres de gauche à droite : Demandes, Labels)", chart.Description, StringComparison.Ordinal);
        Assert.Equal(["0", "10", "20"], chart.Ticks.Select(t => t.Label));
    }

    [Fact]
    public void Create_WhenAValueIsMissingOrThereAreFourSeries_Refuses()
    {
        Assert.Throws<ArgumentException>(() => BarChart.Create("x", "x", "x", ["a", "b"], [new("a", "a", [1])]));
        Assert.Throws<ArgumentException>(() => BarChart.Create("x", "x", "x", ["a", "b", "c", "d"], [new("a", "a", [1, 2, 3, 4])]));
    }

    private static double Height(BarChartBar bar) => double.Parse(bar.Height, CultureInfo.InvariantCulture);
}
