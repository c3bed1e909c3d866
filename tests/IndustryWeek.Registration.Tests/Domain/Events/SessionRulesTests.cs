using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Registration.Tests.Domain.Events;

/// <summary>2027 edition: 22 – 28 March; clocks go forward in Paris on Sunday 28 March at 2 h, back on 31 October at 3 h.</summary>
public sealed class SessionRulesTests
{
    private static readonly DatePeriod Week2027 = new(new DateOnly(2027, 3, 22), new DateOnly(2027, 3, 28));

    [Theory]
    [InlineData("2027-03-22T09:00", "2027-03-22T12:00", true)]
    [InlineData("2027-03-28T20:00", "2027-03-29T00:00", true)] // ends at midnight: the evening of the last day
    [InlineData("2027-03-28T20:00", "2027-03-29T00:30", false)] // ends on the day after the period
    [InlineData("2027-03-28T20:00", "2027-03-29T01:00", false)]
    [InlineData("2027-03-21T20:00", "2027-03-22T00:00", false)] // starts the day before the period
    [InlineData("2027-03-21T23:00", "2027-03-22T02:00", false)]
    [InlineData("2027-03-22T00:00", "2027-03-22T08:00", true)]
    [InlineData("2027-03-24T09:00", "2027-03-26T17:00", true)] // several days, all inside
    [InlineData("2027-03-15T09:00", "2027-03-15T12:00", false)]
    public void FallsWithin_TheDaysASessionStartsAndEndsMustBothBeInThePeriod(string start, string end, bool expected)
    {
        Assert.Equal(expected, Session(start, end).FallsWithin(Week2027));
    }

    [Theory]
    [InlineData("2027-03-28T20:00", "2027-03-29T00:00", "2027-03-28")]
    [InlineData("2027-03-28T20:00", "2027-03-29T00:01", "2027-03-29")]
    [InlineData("2027-03-28T09:00", "2027-03-28T12:00", "2027-03-28")]
    public void LastDay_WhenASessionEndsAtMidnight_IsTheDayItStarted(string start, string end, string lastDay)
    {
        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), Session(start, end).LastDay);
    }

    [Theory]
    [InlineData("2027-03-28T02:00", false)]
    [InlineData("2027-03-28T02:30", false)]
    [InlineData("2027-03-28T02:59", false)]
    [InlineData("2027-03-28T01:59", true)]
    [InlineData("2027-03-28T03:00", true)]
    [InlineData("2027-10-31T02:30", true)] // happens twice in autumn, but exists
    [InlineData("2027-03-27T02:30", true)]
    public void Exists_WhenClocksGoForwardInParis_TheSkippedHourDoesNot(string parisLocal, bool exists)
    {
        Assert.Equal(exists, SessionRules.Exists(Local(parisLocal)));
    }

    [Theory]
    [InlineData("2027-03-28T01:30", "2027-03-28T03:30", 1)]
    [InlineData("2027-10-31T01:30", "2027-10-31T03:30", 3)]
    [InlineData("2027-03-23T09:00", "2027-03-23T12:00", 3)]
    public void Duration_IsTheRealElapsedTimeAcrossAClockChange(string start, string end, int hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), SessionRules.Duration(Session(start, end)));
    }

    private static EventSession Session(string start, string end) => new(Local(start), Local(end));

    private static DateTime Local(string value) =>
        DateTime.ParseExact(value, "yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
