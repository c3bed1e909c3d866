using IndustryWeek.Shared.Time;

namespace IndustryWeek.Shared.Tests.Time;

public sealed class ParisTimeTests
{
    [Fact]
    public void FormatDate_WhenOrdinaryDay_WritesDayMonthAndYearInFrench()
    {
        Assert.Equal("16 novembre 2020", ParisTime.FormatDate(new DateOnly(2020, 11, 16)));
    }

    [Fact]
    public void FormatDate_WhenFirstOfMonth_WritesPremier()
    {
        Assert.Equal("1er avril 2018", ParisTime.FormatDate(new DateOnly(2018, 4, 1)));
    }

    [Fact]
    public void FormatSession_WhenSameDay_WritesTheDayOnceWithBothTimes()
    {
        var text = ParisTime.FormatSession(new DateTime(2020, 11, 16, 9, 0, 0), new DateTime(2020, 11, 16, 12, 0, 0));

        Assert.Equal("lundi 16 novembre 2020, 9 h 00 – 12 h 00", text);
    }

    [Fact]
    public void FormatSession_WhenAcrossDays_WritesFromAndToDays()
    {
        var text = ParisTime.FormatSession(new DateTime(2020, 11, 16, 9, 0, 0), new DateTime(2020, 11, 17, 17, 30, 0));

        Assert.Equal("du lundi 16 novembre 2020, 9 h 00 au mardi 17 novembre 2020, 17 h 30", text);
    }

    [Fact]
    public void ToInstant_WhenWinterTime_IsOneHourBehindParis()
    {
        var instant = ParisTime.ToInstant(new DateTime(2020, 11, 16, 9, 0, 0));

        Assert.Equal(new DateTimeOffset(2020, 11, 16, 8, 0, 0, TimeSpan.Zero), instant);
    }

    [Fact]
    public void ToInstant_WhenSummerTime_IsTwoHoursBehindParis()
    {
        var instant = ParisTime.ToInstant(new DateTime(2020, 7, 1, 9, 0, 0));

        Assert.Equal(new DateTimeOffset(2020, 7, 1, 7, 0, 0, TimeSpan.Zero), instant);
    }

    [Fact]
    public void ToInstant_WhenTimeSkippedBySpringForward_MovesToTheSameTimeAnHourLater()
    {
        // 29 March 2020: Paris clocks jump from 2 h 00 to 3 h 00; 2 h 30 does not exist, 3 h 30 CEST does.
        var instant = ParisTime.ToInstant(new DateTime(2020, 3, 29, 2, 30, 0));

        Assert.Equal(new DateTimeOffset(2020, 3, 29, 1, 30, 0, TimeSpan.Zero), instant);
        Assert.Equal(new DateTime(2020, 3, 29, 3, 30, 0), ParisTime.ToParis(instant));
    }

    [Fact]
    public void ToInstant_WhenTimeRepeatedByFallBack_TakesItsFirstOccurrence()
    {
        // 25 October 2020: Paris clocks go back from 3 h 00 CEST to 2 h 00 CET; 2 h 30 happens twice.
        var instant = ParisTime.ToInstant(new DateTime(2020, 10, 25, 2, 30, 0));

        Assert.Equal(new DateTimeOffset(2020, 10, 25, 0, 30, 0, TimeSpan.Zero), instant);
    }

    [Fact]
    public void TodayInParis_WhenLateEveningUtc_IsAlreadyTheNextDay()
    {
        var time = new FixedTimeProvider(new DateTimeOffset(2020, 11, 15, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2020, 11, 16), time.TodayInParis());
    }

    [Fact]
    public void TodayInParis_WhenJustBeforeParisMidnightInSummer_IsStillTheSameDay()
    {
        var time = new FixedTimeProvider(new DateTimeOffset(2020, 7, 1, 21, 59, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2020, 7, 1), time.TodayInParis());
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
