using IndustryWeek.Labelling.Domain.Calendar;

namespace IndustryWeek.Labelling.Tests.Domain.Calendar;

/// <summary>The working days the committee counts: weekends and the eleven national public holidays are not.</summary>
public sealed class FrenchCalendarTests
{
    [Theory]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2020, "2020-04-12")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")] // the latest possible date
    [InlineData(2285, "2285-03-22")] // the earliest possible date
    public void EasterSunday_ForAYear_IsTheGregorianDate(int year, string expected)
    {
        Assert.Equal(Day(expected), FrenchCalendar.EasterSunday(year));
    }

    [Theory]
    [InlineData(2020, "2020-04-13", "2020-05-21", "2020-06-01")]
    [InlineData(2024, "2024-04-01", "2024-05-09", "2024-05-20")]
    [InlineData(2027, "2027-03-29", "2027-05-06", "2027-05-17")]
    public void PublicHolidays_ForAYear_IncludeEasterMondayAscensionAndWhitMonday(int year, string easterMonday, string ascension, string whitMonday)
    {
        var holidays = FrenchCalendar.PublicHolidays(year);

        Assert.Equal(11, holidays.Count);
        Assert.Contains(Day(easterMonday), holidays);
        Assert.Contains(Day(ascension), holidays);
        Assert.Contains(Day(whitMonday), holidays);
        Assert.Contains(new DateOnly(year, 7, 14), holidays);
        Assert.Contains(new DateOnly(year, 11, 11), holidays);
    }

    [Theory]
    [InlineData("2020-01-01")] // jour de l'An
    [InlineData("2020-04-13")] // lundi de Pâques
    [InlineData("2020-05-01")] // fête du Travail
    [InlineData("2020-05-08")] // Victoire 1945
    [InlineData("2020-05-21")] // Ascension
    [InlineData("2020-06-01")] // lundi de Pentecôte
    [InlineData("2020-07-14")] // fête nationale
    [InlineData("2020-08-15")] // Assomption (a Saturday in 2020)
    [InlineData("2020-11-01")] // Toussaint (a Sunday in 2020)
    [InlineData("2020-11-11")] // Armistice
    [InlineData("2020-12-25")] // Noël
    [InlineData("2020-11-14")] // a Saturday
    [InlineData("2020-11-15")] // a Sunday
    public void IsWorkingDay_WhenHolidayOrWeekend_IsNot(string day)
    {
        Assert.False(FrenchCalendar.IsWorkingDay(Day(day)));
    }

    [Theory]
    [InlineData("2020-04-14")] // the Tuesday after Easter Monday
    [InlineData("2020-05-22")] // the Friday after Ascension
    [InlineData("2020-11-16")] // a Monday
    [InlineData("2019-12-26")] // Saint-Étienne, a Thursday: Alsace-Moselle only, not national
    [InlineData("2021-12-24")] // Christmas Eve, a Friday
    public void IsWorkingDay_WhenOrdinaryWeekday_Is(string day)
    {
        Assert.True(FrenchCalendar.IsWorkingDay(Day(day)));
    }

    [Theory]
    [InlineData("2020-04-09", 4, "2020-04-16")] // Thursday before Easter: Easter Monday 13 April skipped
    [InlineData("2020-04-10", 1, "2020-04-14")] // Good Friday is worked; the weekend and Easter Monday are not
    [InlineData("2020-05-20", 1, "2020-05-22")] // Ascension, Thursday 21 May
    [InlineData("2020-05-29", 1, "2020-06-02")] // Whit Monday, 1 June
    [InlineData("2020-07-13", 1, "2020-07-15")] // 14 July, a Tuesday
    [InlineData("2020-11-10", 4, "2020-11-17")] // 11 November (Wednesday), then a weekend
    [InlineData("2020-11-13", 1, "2020-11-16")] // Friday → Monday
    [InlineData("2020-11-14", 1, "2020-11-16")] // from a Saturday, Monday is the first working day
    [InlineData("2020-12-31", 1, "2021-01-04")] // across the year: 1 January (Friday) then the weekend
    [InlineData("2027-03-25", 4, "2027-04-01")] // 2027: Easter Monday 29 March
    [InlineData("2020-11-16", 0, "2020-11-16")]
    public void AddWorkingDays_AcrossWeekendsAndHolidays_SkipsThem(string from, int count, string expected)
    {
        Assert.Equal(Day(expected), FrenchCalendar.AddWorkingDays(Day(from), count));
    }

    [Theory]
    [InlineData("2020-04-09", "2020-04-16", 4)]
    [InlineData("2020-04-16", "2020-04-09", -4)]
    [InlineData("2020-11-16", "2020-11-16", 0)]
    [InlineData("2020-11-13", "2020-11-15", 0)] // Friday to Sunday: nothing worked in between
    [InlineData("2020-11-10", "2020-11-12", 1)] // 11 November not counted
    public void WorkingDaysBetween_TwoDays_CountsTheWorkingDaysAfterTheFirst(string from, string to, int expected)
    {
        Assert.Equal(expected, FrenchCalendar.WorkingDaysBetween(Day(from), Day(to)));
    }

    private static DateOnly Day(string value) => DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
